package io.github.dockerlessons.command.container.options;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.files.HostFiles;
import io.github.dockerlessons.command.files.LocalFileError;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.FlagType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the container may do and see of the host: privileges and capabilities, security options,
 * the namespaces it shares ({@code --pid host}, {@code --ipc}, {@code --uts}, {@code --userns},
 * {@code --cgroupns}), extra groups, sysctls, runtime and isolation, read as docker/cli reads them.
 *
 * @param host the HostConfig fields these flags set
 */
public record SecurityFlags(JsonObject host) {

    public static final Flag<Boolean> PRIVILEGED = Flag.bool("privileged");
    public static final Flag<List<String>> CAP_ADD = Flag.list("cap-add");
    public static final Flag<List<String>> CAP_DROP = Flag.list("cap-drop");
    public static final Flag<List<String>> SECURITY_OPT = Flag.list("security-opt");
    public static final Flag<String> USERNS = Flag.string("userns");
    public static final Flag<String> CGROUPNS = Flag.string("cgroupns");
    public static final Flag<String> PID = Flag.string("pid");
    public static final Flag<String> IPC = Flag.string("ipc");
    public static final Flag<String> UTS = Flag.string("uts");
    public static final Flag<List<String>> GROUP_ADD = Flag.list("group-add");
    public static final Flag<List<String>> SYSCTL = Flag.of((char) 0, "sysctl",
            FlagType.listOf("map", SecurityFlags::validateSysctl), List.<String>of()).defaultShownAs("map[]");
    public static final Flag<String> RUNTIME = Flag.string("runtime");
    public static final Flag<String> ISOLATION = Flag.string("isolation");
    /** API 1.43: hidden, as the CLI hides it against the lessons' engine (1.41); checked against the engine when given. */
    public static final Flag<List<String>> ANNOTATION = Flag.list("annotation").shownAs("map").hidden();

    public static final List<Flag<?>> FLAGS = List.of(PRIVILEGED, CAP_ADD, CAP_DROP, SECURITY_OPT, USERNS, CGROUPNS,
            PID, IPC, UTS, GROUP_ADD, SYSCTL, RUNTIME, ISOLATION, ANNOTATION);

    public static SecurityFlags of(Invocation in) throws InvalidOptions {
        String pid = empty(in.get(PID));
        if (!(pid.isEmpty() || pid.equals("host") || (pid.startsWith("container:") && pid.length() > 10))) {
            throw new InvalidOptions("--pid: invalid PID mode");
        }
        String uts = empty(in.get(UTS));
        if (!(uts.isEmpty() || uts.equals("host"))) {
            throw new InvalidOptions("--uts: invalid UTS mode");
        }
        String userns = empty(in.get(USERNS));
        if (!(userns.isEmpty() || userns.equals("host"))) {
            throw new InvalidOptions("--userns: invalid USER mode");
        }
        String cgroupns = empty(in.get(CGROUPNS));
        if (!(cgroupns.isEmpty() || cgroupns.equals("host") || cgroupns.equals("private"))) {
            throw new InvalidOptions("--cgroupns: invalid CGROUP mode");
        }
        List<String> securityOptions = new ArrayList<>();
        boolean unconfinedPaths = false;
        for (String option : in.get(SECURITY_OPT)) {
            String checked = securityOption(option);
            if (checked.equals("systempaths=unconfined")) {
                unconfinedPaths = true;
            } else {
                securityOptions.add(checked);
            }
        }
        Map<String, String> sysctls = new LinkedHashMap<>();
        for (String sysctl : in.get(SYSCTL)) {
            int eq = sysctl.indexOf('=');
            sysctls.put(sysctl.substring(0, eq), sysctl.substring(eq + 1));
        }
        JsonObject host = new JsonObject();
        host.addProperty("Privileged", in.get(PRIVILEGED));
        if (!in.get(CAP_ADD).isEmpty()) {
            host.add("CapAdd", CreateRequest.strings(capabilities(in.get(CAP_ADD))));
        }
        if (!in.get(CAP_DROP).isEmpty()) {
            host.add("CapDrop", CreateRequest.strings(capabilities(in.get(CAP_DROP))));
        }
        if (!in.get(ANNOTATION).isEmpty()) {
            Map<String, String> annotations = new LinkedHashMap<>();
            for (String annotation : in.get(ANNOTATION)) {
                int eq = annotation.indexOf('=');
                annotations.put(eq < 0 ? annotation : annotation.substring(0, eq), eq < 0 ? "" : annotation.substring(eq + 1));
            }
            host.add("Annotations", CreateRequest.stringMap(annotations));
        }
        if (!securityOptions.isEmpty()) {
            host.add("SecurityOpt", CreateRequest.strings(securityOptions));
        }
        if (unconfinedPaths) {
            host.add("MaskedPaths", new JsonArray());
            host.add("ReadonlyPaths", new JsonArray());
        }
        host.addProperty("PidMode", pid);
        host.addProperty("IpcMode", empty(in.get(IPC)));
        host.addProperty("UTSMode", uts);
        host.addProperty("UsernsMode", userns);
        CreateRequest.putIfPresent(host, "CgroupnsMode", cgroupns);
        if (!in.get(GROUP_ADD).isEmpty()) {
            host.add("GroupAdd", CreateRequest.strings(in.get(GROUP_ADD)));
        }
        if (!sysctls.isEmpty()) {
            host.add("Sysctls", CreateRequest.stringMap(sysctls));
        }
        CreateRequest.putIfPresent(host, "Runtime", in.get(RUNTIME));
        CreateRequest.putIfPresent(host, "Isolation", in.get(ISOLATION));
        return new SecurityFlags(host);
    }

    public void applyTo(CreateRequest request) {
        host.entrySet().forEach(e -> request.host().add(e.getKey(), e.getValue().deepCopy()));
    }

    /** docker/cli's parseSecurityOpts: {@code key=value} or {@code key:value}; a seccomp profile file is sent as JSON. */
    static String securityOption(String option) throws InvalidOptions {
        int sep = option.indexOf('=');
        String key = sep < 0 ? option : option.substring(0, sep);
        if (sep < 0 && !key.equals("no-new-privileges")) {
            sep = option.indexOf(':');
            key = sep < 0 ? option : option.substring(0, sep);
        }
        String value = sep < 0 ? "" : option.substring(sep + 1);
        if ((sep < 0 || value.isEmpty()) && !key.equals("no-new-privileges")) {
            throw new InvalidOptions("Invalid --security-opt: " + FlagType.quote(option));
        }
        if (key.equals("seccomp") && !value.equals("builtin") && !value.equals("unconfined")) {
            String profile;
            try {
                profile = new String(HostFiles.read(Path.of(value), value, HostFiles.TEXT_LIMIT), StandardCharsets.UTF_8);
            } catch (LocalFileError e) {
                throw new InvalidOptions("opening seccomp profile (" + value + ") failed: " + e.getMessage());
            } catch (InterruptedException e) {
                throw new InvalidOptions("opening seccomp profile (" + value + ") failed: interrupted");
            }
            try {
                return "seccomp=" + JsonParser.parseString(profile).toString();
            } catch (RuntimeException e) {
                throw new InvalidOptions("compacting json for seccomp profile (" + value + ") failed: "
                        + "invalid character in the profile");
            }
        }
        return option;
    }

    /**
     * The client's normalizeCapabilities: upper case, "CAP_" in front (except ALL), each once, sorted,
     * so {@code --cap-add net_admin} reaches the engine as CAP_NET_ADMIN.
     */
    static List<String> capabilities(List<String> given) {
        TreeSet<String> normalized = new TreeSet<>();
        for (String capability : given) {
            String upper = capability.toUpperCase(Locale.ROOT);
            normalized.add(upper.equals("ALL") || upper.startsWith("CAP_") ? upper : "CAP_" + upper);
        }
        return List.copyOf(normalized);
    }

    /** opts.ValidateSysctl: namespaced kernel settings only. */
    static String validateSysctl(String value) throws FlagType.InvalidValue {
        int eq = value.indexOf('=');
        String key = eq < 0 ? "" : value.substring(0, eq);
        boolean allowed = List.of("kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.sem", "kernel.shmall",
                "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced").contains(key)
                || key.startsWith("net.") || key.startsWith("fs.mqueue.");
        if (key.isEmpty() || !allowed) {
            throw new FlagType.InvalidValue("sysctl '" + value + "' is not allowed");
        }
        return value;
    }

    private static String empty(String value) {
        return value == null ? "" : value;
    }
}
