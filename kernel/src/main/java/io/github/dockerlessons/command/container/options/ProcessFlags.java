package io.github.dockerlessons.command.container.options;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.CommonFlags;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.FlagType;
import io.github.dockerlessons.golang.GoNumbers;
import io.github.dockerlessons.golang.Units;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The container's process: its streams, command line, environment, user, folder, labels, names,
 * restart policy, stop signal and logging (the general flags of docker/cli's containerOptions).
 */
public record ProcessFlags(List<String> attach, boolean interactive, boolean tty, List<String> env,
                           String entrypoint, boolean entrypointSet, String user, String workdir,
                           Map<String, String> labels, String hostname, String domainname, JsonObject restart,
                           boolean autoRemove, Boolean init, String stopSignal, Integer stopTimeout,
                           String logDriver, Map<String, String> logOptions) {

    public static final Flag<List<String>> ATTACH = Flag.of('a', "attach",
            FlagType.listOf("list", ProcessFlags::validateAttach), List.of());
    public static final Flag<Boolean> INTERACTIVE = Flag.bool('i', "interactive");
    public static final Flag<Boolean> TTY = Flag.bool('t', "tty");
    /** docker's ValidateEnv list: a bare NAME takes its value from the kernel's environment. */
    public static final FlagType<List<String>> ENV_TYPE = FlagType.listOf("list", ProcessFlags::validateEnv);
    public static final Flag<List<String>> ENV = Flag.of('e', "env", ENV_TYPE, List.of());
    public static final Flag<List<String>> ENV_FILE = Flag.list("env-file");
    public static final Flag<String> ENTRYPOINT = Flag.string("entrypoint");
    public static final Flag<String> USER = Flag.string('u', "user");
    public static final Flag<String> WORKDIR = Flag.string('w', "workdir");
    public static final Flag<List<String>> LABEL = Flag.of('l', "label",
            FlagType.listOf("list", ProcessFlags::validateLabel), List.of());
    public static final Flag<List<String>> LABEL_FILE = Flag.list("label-file");
    public static final Flag<String> HOSTNAME = Flag.string('h', "hostname");
    public static final Flag<String> DOMAINNAME = Flag.string("domainname");
    public static final Flag<String> RESTART = Flag.of((char) 0, "restart", FlagType.STRING, "no")
            .defaultShownAs("\"no\"");
    public static final Flag<Boolean> RM = Flag.bool("rm");
    public static final Flag<Boolean> INIT = Flag.bool("init");
    public static final Flag<String> STOP_SIGNAL = Flag.string("stop-signal").completes(CommonFlags.SIGNALS);
    public static final Flag<Integer> STOP_TIMEOUT = Flag.integer((char) 0, "stop-timeout", 0);
    public static final Flag<String> LOG_DRIVER = Flag.string("log-driver");
    public static final Flag<List<String>> LOG_OPT = Flag.list("log-opt");

    public static final List<Flag<?>> FLAGS = List.of(ATTACH, INTERACTIVE, TTY, ENV, ENV_FILE, ENTRYPOINT, USER,
            WORKDIR, LABEL, LABEL_FILE, HOSTNAME, DOMAINNAME, RESTART, RM, INIT, STOP_SIGNAL, STOP_TIMEOUT, LOG_DRIVER,
            LOG_OPT);

    public static ProcessFlags of(Invocation in) throws InvalidOptions {
        List<String> env = KeyValueFile.environment(in.get(ENV_FILE), onePerName(in.get(ENV)));
        List<String> labels = new ArrayList<>(KeyValueFile.read(in.get(LABEL_FILE), null));
        labels.addAll(in.get(LABEL));
        JsonObject restart = restartPolicyOf(in.get(RESTART));
        boolean autoRemove = in.get(RM);
        String policy = restart.get("Name").getAsString();
        if (autoRemove && !policy.isEmpty() && !policy.equals("no")) {
            throw new InvalidOptions("conflicting options: cannot specify both --restart and --rm");
        }
        String logDriver = in.get(LOG_DRIVER);
        List<String> logOptions = in.get(LOG_OPT);
        if ("none".equals(logDriver) && !logOptions.isEmpty()) {
            throw new InvalidOptions("invalid logging opts for driver none");
        }
        return new ProcessFlags(in.get(ATTACH), in.get(INTERACTIVE), in.get(TTY), env, in.get(ENTRYPOINT),
                in.isSet(ENTRYPOINT), in.get(USER), in.get(WORKDIR), Units.labels(labels), in.get(HOSTNAME),
                in.get(DOMAINNAME), restart, autoRemove, in.isSet(INIT) ? in.get(INIT) : null, in.get(STOP_SIGNAL),
                in.isSet(STOP_TIMEOUT) ? in.get(STOP_TIMEOUT) : null, logDriver, Units.labels(logOptions));
    }

    /** The streams the client attaches to: -a, else stdout and stderr (and stdin with -i). */
    public boolean attachesStdin() {
        return interactive || attach.contains("stdin");
    }

    public boolean attachesStdout() {
        return attach.isEmpty() || attach.contains("stdout");
    }

    public boolean attachesStderr() {
        return attach.isEmpty() || attach.contains("stderr");
    }

    /** Writes the process's fields; {@code detached} runs attach no stream. */
    public void applyTo(CreateRequest request, List<String> command, boolean detached) {
        JsonObject config = request.config();
        CreateRequest.putIfPresent(config, "Hostname", hostname);
        CreateRequest.putIfPresent(config, "Domainname", domainname);
        CreateRequest.putIfPresent(config, "User", user);
        boolean stdin = !detached && attachesStdin();
        config.addProperty("AttachStdin", stdin);
        config.addProperty("AttachStdout", !detached && attachesStdout());
        config.addProperty("AttachStderr", !detached && attachesStderr());
        config.addProperty("Tty", tty);
        config.addProperty("OpenStdin", interactive);
        config.addProperty("StdinOnce", interactive && stdin);
        if (!env.isEmpty()) {
            config.add("Env", CreateRequest.strings(env));
        }
        if (!command.isEmpty()) {
            config.add("Cmd", CreateRequest.strings(command));
        }
        if (entrypoint != null && !entrypoint.isEmpty()) {
            config.add("Entrypoint", CreateRequest.strings(List.of(entrypoint)));
        } else if (entrypointSet) {
            config.add("Entrypoint", CreateRequest.strings(List.of("")));
        }
        CreateRequest.putIfPresent(config, "WorkingDir", workdir);
        config.add("Labels", CreateRequest.stringMap(labels));
        CreateRequest.putIfPresent(config, "StopSignal", stopSignal);
        if (stopTimeout != null) {
            config.addProperty("StopTimeout", stopTimeout);
        }
        JsonObject host = request.host();
        host.addProperty("AutoRemove", autoRemove);
        host.add("RestartPolicy", restart);
        JsonObject log = new JsonObject();
        log.addProperty("Type", logDriver == null ? "" : logDriver);
        log.add("Config", CreateRequest.stringMap(logOptions));
        host.add("LogConfig", log);
        if (init != null) {
            host.addProperty("Init", init);
        }
    }

    /** docker's opts.ParseRestartPolicy: {@code no}, {@code always}, {@code on-failure[:N]}, {@code unless-stopped}. */
    public static JsonObject restartPolicyOf(String policy) throws InvalidOptions {
        JsonObject result = new JsonObject();
        String name = policy == null ? "" : policy;
        int count = 0;
        int colon = name.indexOf(':');
        if (colon >= 0) {
            String value = name.substring(colon + 1);
            name = name.substring(0, colon);
            if (name.isEmpty()) {
                throw new InvalidOptions("invalid restart policy format: no policy provided before colon");
            }
            if (!value.isEmpty()) {
                try {
                    count = GoNumbers.atoi(value);
                } catch (FlagType.InvalidValue e) {
                    throw new InvalidOptions("invalid restart policy format: maximum retry count must be an integer");
                }
            }
        }
        result.addProperty("Name", name);
        result.addProperty("MaximumRetryCount", count);
        return result;
    }

    static String validateAttach(String value) throws FlagType.InvalidValue {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.equals("stdin") || lower.equals("stdout") || lower.equals("stderr")) {
            return lower;
        }
        throw new FlagType.InvalidValue("valid streams are STDIN, STDOUT and STDERR");
    }

    /**
     * The {@code -e} values of run and create, one per name, the last one given: docker/cli's runRun and
     * runCreate pass them through a Go map (ConvertKVStringsToMapWithNil, for ParseProxyConfig), so
     * {@code -e A=1 -e A=2} creates a container with A=2 alone. The map's order is Go's random one
     * (each CLI run its own); the names keep the order of their first mention here. The env files'
     * lines do not go through that map and stay as written.
     */
    static List<String> onePerName(List<String> env) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (String value : env) {
            int eq = value.indexOf('=');
            byName.put(eq < 0 ? value : value.substring(0, eq), value);
        }
        return new ArrayList<>(byName.values());
    }

    /** docker's opts.ValidateEnv: a bare name takes its value from the kernel's environment, if set. */
    static String validateEnv(String value) throws FlagType.InvalidValue {
        int eq = value.indexOf('=');
        String key = eq < 0 ? value : value.substring(0, eq);
        if (key.isEmpty()) {
            throw new FlagType.InvalidValue("invalid environment variable: " + value);
        }
        if (eq >= 0) {
            return value;
        }
        String fromEnvironment = System.getenv(key);
        return fromEnvironment == null ? value : key + "=" + fromEnvironment;
    }

    /** docker's opts.ValidateLabel. */
    public static String validateLabel(String value) throws FlagType.InvalidValue {
        int eq = value.indexOf('=');
        String key = (eq < 0 ? value : value.substring(0, eq)).replaceFirst("^[ \t]+", "");
        if (key.isEmpty()) {
            throw new FlagType.InvalidValue("invalid label '" + value + "': empty name");
        }
        if (key.contains(" ") || key.contains("\t")) {
            throw new FlagType.InvalidValue("label '" + key + "' contains whitespaces");
        }
        return value;
    }
}
