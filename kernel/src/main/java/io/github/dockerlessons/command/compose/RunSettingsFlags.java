package io.github.dockerlessons.command.compose;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.container.options.CreateRequest;
import io.github.dockerlessons.compose.ComposeNames;
import io.github.dockerlessons.compose.ComposeProject;

import java.util.List;

/**
 * A service's run settings said as {@code docker create} flags ({@code --health-cmd}, {@code --ulimit},
 * {@code --cap-add}, {@code --log-driver}, {@code --memory}, {@code --cpus}, {@code --add-host},
 * {@code --network} for network_mode), so the same code that reads a typed {@code docker run} checks
 * and sends them. A health test in exec form (["CMD", ...]) has no flag and is set on the request after.
 */
final class RunSettingsFlags {
    private RunSettingsFlags() {
    }

    static void add(ComposeProject project, ComposeProject.Service service, List<String> flags) {
        ComposeProject.RunSettings settings = service.settings();
        ComposeProject.Healthcheck health = settings.healthcheck();
        if (health != null && health.disable()) {
            flags.add("--no-healthcheck");
        } else if (health != null) {
            if (health.test() != null && health.test().size() == 2 && health.test().get(0).equals("CMD-SHELL")) {
                flags.add("--health-cmd=" + health.test().get(1));
            }
            duration(flags, "--health-interval=", health.interval());
            duration(flags, "--health-timeout=", health.timeout());
            duration(flags, "--health-start-period=", health.startPeriod());
            if (health.retries() != null) {
                flags.add("--health-retries=" + health.retries());
            }
        }
        settings.extraHosts().forEach(host -> flags.add("--add-host=" + host.replaceFirst("=", ":")));
        settings.capAdd().forEach(cap -> flags.add("--cap-add=" + cap));
        settings.capDrop().forEach(cap -> flags.add("--cap-drop=" + cap));
        settings.ulimits().forEach((name, limit) -> flags.add("--ulimit=" + name + "="
                + (limit.single() != null ? limit.single().toString() : limit.soft() + ":" + limit.hard())));
        if (settings.logging() != null) {
            if (settings.logging().driver() != null) {
                flags.add("--log-driver=" + settings.logging().driver());
            }
            settings.logging().options().forEach((key, value) -> flags.add("--log-opt=" + key + "=" + value));
        }
        // outside a swarm Compose bind-mounts a secret's or config's file, read-only
        for (ComposeProject.FileMount secret : settings.secrets()) {
            flags.add("--volume=" + project.secrets().get(secret.source()).file() + ":"
                    + target(secret, "/run/secrets/") + ":ro");
        }
        for (ComposeProject.FileMount config : settings.configs()) {
            flags.add("--volume=" + project.configs().get(config.source()).file() + ":" + target(config, "/") + ":ro");
        }
        ComposeProject.Resources resources = settings.resources();
        if (resources != null) {
            if (resources.cpus() != null) {
                flags.add("--cpus=" + resources.cpus());
            }
            if (resources.memory() != null) {
                flags.add("--memory=" + resources.memory());
            }
            if (resources.memoryReservation() != null) {
                flags.add("--memory-reservation=" + resources.memoryReservation());
            }
        }
    }

    /** network_mode as --network: service:NAME is that service's first container, the rest as written. */
    static String network(ComposeProject project, String mode) {
        if (!mode.startsWith("service:")) {
            return mode;
        }
        ComposeProject.Service shared = project.services().get(mode.substring("service:".length()));
        return "container:" + ComposeNames.container(project.name(), shared, 1);
    }

    /** Where a secret or config appears: its target, under {@code folder} unless absolute; else folder + key. */
    static String target(ComposeProject.FileMount mount, String folder) {
        String target = mount.target() == null ? mount.source() : mount.target();
        return target.startsWith("/") ? target : folder + target;
    }

    /** The exec form of a health test, which --health-cmd cannot say. */
    static void applyExecTest(ComposeProject.Service service, JsonObject body) {
        ComposeProject.Healthcheck health = service.settings().healthcheck();
        if (health == null || health.disable() || health.test() == null || health.test().isEmpty()
                || (health.test().size() == 2 && health.test().get(0).equals("CMD-SHELL"))) {
            return;
        }
        if (!body.has("Healthcheck")) {
            body.add("Healthcheck", new JsonObject());
        }
        body.getAsJsonObject("Healthcheck").add("Test", CreateRequest.strings(health.test()));
    }

    private static void duration(List<String> flags, String flag, Long nanos) {
        if (nanos != null) {
            flags.add(flag + nanos + "ns");
        }
    }
}
