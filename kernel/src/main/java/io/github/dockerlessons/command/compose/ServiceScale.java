package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.compose.ComposeProject;
import io.github.dockerlessons.golang.GoQuote;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many containers a service is to have: {@code up --scale web=3} and {@code compose scale web=3},
 * read as Compose reads them and refused in its words (the two spell their errors differently).
 */
final class ServiceScale {
    private ServiceScale() {
    }

    /** {@code up --scale SERVICE=NUM}, each flag one service (Compose's applyScaleOpts). */
    static Map<String, Integer> parseFlags(List<String> flags) throws DockerError {
        Map<String, Integer> scale = new LinkedHashMap<>();
        for (String flag : flags) {
            String[] split = flag.split("=", -1);
            if (split.length != 2) {
                throw new DockerError(1, "invalid --scale option " + GoQuote.quote(flag) + ". Should be SERVICE=NUM");
            }
            int replicas = atoi(split[1]);
            if (replicas < 0) {
                // Compose itself crashes on a negative count; the kernel refuses it in the option's words
                throw new DockerError(1, "invalid --scale option " + GoQuote.quote(flag) + ". Should be SERVICE=NUM");
            }
            scale.put(split[0], replicas);
        }
        return scale;
    }

    /** {@code compose scale SERVICE=REPLICAS...} (Compose's parseServicesReplicasArgs). */
    static Map<String, Integer> parseArgs(List<String> args) throws DockerError {
        Map<String, Integer> scale = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0 || eq == arg.length() - 1) {
                throw new DockerError(1, "invalid scale specifier: " + arg);
            }
            int replicas;
            try {
                replicas = atoi(arg.substring(eq + 1));
            } catch (DockerError e) {
                throw new DockerError(1, "invalid scale specifier: can't parse replica value as int: " + arg);
            }
            if (replicas < 0) {
                throw new DockerError(1, "invalid scale specifier: " + arg);
            }
            scale.put(arg.substring(0, eq), replicas);
        }
        return scale;
    }

    /** Every service named must be the project's: "no such service: NAME" as Compose says. */
    static void check(ComposeProject project, Collection<String> services) throws DockerError {
        for (String name : services) {
            if (!project.services().containsKey(name)) {
                throw new DockerError(1, "no such service: " + name);
            }
        }
    }

    /** Go's strconv.Atoi, with its errors' words. */
    static int atoi(String text) throws DockerError {
        if (!text.matches("[+-]?[0-9]+")) {
            throw new DockerError(1, "strconv.Atoi: parsing " + GoQuote.quote(text) + ": invalid syntax");
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new DockerError(1, "strconv.Atoi: parsing " + GoQuote.quote(text) + ": value out of range");
        }
    }
}
