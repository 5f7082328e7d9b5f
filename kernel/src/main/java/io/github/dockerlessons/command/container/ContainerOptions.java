package io.github.dockerlessons.command.container;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.container.options.ApiRequirement;
import io.github.dockerlessons.command.container.options.CreateRequest;
import io.github.dockerlessons.command.container.options.HealthFlags;
import io.github.dockerlessons.command.container.options.InvalidOptions;
import io.github.dockerlessons.command.container.options.MountFlags;
import io.github.dockerlessons.command.container.options.NetworkFlags;
import io.github.dockerlessons.command.container.options.PortFlags;
import io.github.dockerlessons.command.container.options.ProcessFlags;
import io.github.dockerlessons.command.container.options.ResourceFlags;
import io.github.dockerlessons.command.container.options.SecurityFlags;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.FlagType;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The flags run and create share (docker/cli's containerOptions and createOptions), declared once,
 * and the values of one run read from them. Each group of flags reads itself (the process, ports,
 * mounts, resources, networks, health check, security) into the engine's create request; the
 * creation flags here say how the container is made: its name, platform, when to pull, whether the
 * pull is shown, where its ID is written, and whether it may reach this engine's socket.
 */
record ContainerOptions(ProcessFlags process, PortFlags ports, MountFlags mounts, ResourceFlags resources,
                        NetworkFlags network, HealthFlags health, SecurityFlags security, String name, String platform,
                        String pull, boolean quiet, String cidfile, boolean useApiSocket) {

    private static final Pattern PLATFORM_PART = Pattern.compile("[A-Za-z0-9_.-]+");

    static final Flag<String> NAME = Flag.string("name");
    static final Flag<String> PLATFORM = Flag.string("platform");
    static final Flag<String> PULL = Flag.of((char) 0, "pull", FlagType.STRING,
            "missing").defaultShownAs("\"missing\"");
    static final Flag<Boolean> QUIET = Flag.bool('q', "quiet");
    static final Flag<String> CIDFILE = Flag.string("cidfile");
    static final Flag<Boolean> USE_API_SOCKET = Flag.bool("use-api-socket");
    /** Content trust needs a notary, which no lesson reaches: the flag is taken, and images are never verified. */
    static final Flag<Boolean> DISABLE_CONTENT_TRUST = Flag.of((char) 0, "disable-content-trust",
            FlagType.BOOL, true).defaultShownAs("true");

    static final List<Flag<?>> FLAGS = all();

    private static List<Flag<?>> all() {
        List<Flag<?>> flags = new ArrayList<>(List.of(NAME, PLATFORM, PULL, QUIET, CIDFILE, USE_API_SOCKET,
                DISABLE_CONTENT_TRUST));
        flags.addAll(ProcessFlags.FLAGS);
        flags.addAll(PortFlags.FLAGS);
        flags.addAll(MountFlags.FLAGS);
        flags.addAll(ResourceFlags.FLAGS);
        flags.addAll(NetworkFlags.FLAGS);
        flags.addAll(HealthFlags.FLAGS);
        flags.addAll(SecurityFlags.FLAGS);
        return List.copyOf(flags);
    }

    /** The options of one run; an error is the CLI's own, as it reports option errors. */
    static ContainerOptions of(Invocation in) throws InvalidOptions {
        String pull = in.get(PULL);
        if (!List.of("always", "missing", "never", "").contains(pull)) {
            throw new InvalidOptions("invalid pull option: '" + pull + "': must be one of \"always\", \"missing\" or "
                    + "\"never\"");
        }
        String platform = in.get(PLATFORM);
        return new ContainerOptions(ProcessFlags.of(in), PortFlags.of(in), MountFlags.of(in), ResourceFlags.of(in),
                NetworkFlags.of(in), HealthFlags.of(in), SecurityFlags.of(in), in.get(NAME), platform, pull,
                in.get(QUIET), in.get(CIDFILE), in.get(USE_API_SOCKET));
    }

    /** containerd's platforms.Parse, as far as the CLI's error goes: os[/arch[/variant]]. */
    void checkPlatform() throws InvalidOptions {
        if (platform != null && !platform.isEmpty()) {
            String[] parts = platform.split("/", -1);
            boolean valid = parts.length <= 3;
            for (String part : parts) {
                valid &= PLATFORM_PART.matcher(part).matches();
            }
            if (!valid) {
                throw new InvalidOptions("error parsing specified platform: \"" + platform
                        + "\": cannot parse platform specifier: invalid argument");
            }
        }
    }

    /** What the flags given need of the engine's API version (checked before creating). */
    List<ApiRequirement> apiRequirements() {
        List<ApiRequirement> needs = new ArrayList<>();
        if (health.healthcheck() != null && health.healthcheck().has("StartInterval")) {
            needs.add(new ApiRequirement("--health-start-interval", "1.44", true));
        }
        if (security.host().has("Annotations")) {
            needs.add(new ApiRequirement("--annotation", "1.43", true));
        }
        boolean endpointMac = network.endpoints().entrySet().stream()
                .anyMatch(e -> e.getValue().getAsJsonObject().has("MacAddress"));
        if (endpointMac) {
            needs.add(new ApiRequirement("specify mac-address per network", "1.44", false));
        }
        return needs;
    }

    boolean interactive() {
        return process.interactive();
    }

    boolean tty() {
        return process.tty();
    }

    boolean autoRemove() {
        return process.autoRemove();
    }

    /** The create request's body, as the CLI sends it; {@code detached} runs attach no stream. */
    JsonObject request(String image, List<String> command, boolean detached, String engineSocket) {
        CreateRequest request = new CreateRequest();
        request.config().addProperty("Image", image);
        process.applyTo(request, command, detached);
        ports.applyTo(request);
        mounts.applyTo(request);
        resources.applyTo(request);
        network.applyTo(request);
        health.applyTo(request);
        security.applyTo(request);
        if (cidfile != null && !cidfile.isEmpty()) {
            request.host().addProperty("ContainerIDFile", cidfile);
        }
        if (useApiSocket && engineSocket != null) {
            JsonObject mount = new JsonObject();
            mount.addProperty("Type", "bind");
            mount.addProperty("Source", engineSocket);
            mount.addProperty("Target", "/var/run/docker.sock");
            mount.add("BindOptions", new JsonObject());
            if (!request.host().has("Mounts")) {
                request.host().add("Mounts", new JsonArray());
            }
            request.host().getAsJsonArray("Mounts").add(mount);
        }
        return request.body();
    }
}
