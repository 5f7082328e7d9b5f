package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.api.ContainerSummary;
import com.google.gson.GsonBuilder;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.compose.ComposeNames;
import io.github.dockerlessons.compose.ComposeProject;
import io.github.dockerlessons.compose.ProjectLoader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The containers the small per-service subcommands (pause, kill, rm, top, port, cp, wait, images)
 * act on, found as Compose finds them: by the project's labels, narrowed to the services named; a
 * service the project file does not declare is Compose's "no such service". Also the panel those
 * subcommands report on, one line per container.
 */
final class ServiceTargets {
    private ServiceTargets() {
    }

    /** An engine call on one container. */
    interface Action {
        void on(ContainerSummary c) throws DaemonError, DockerError, InterruptedException;
    }

    /** The project's name, after checking the services named against its file when there is one. */
    static String project(Invocation in, CommandContext ctx, List<String> services) throws DockerError {
        if (!ProjectLoader.hasFile(ComposeProjectFlags.options(in))) {
            return ComposeProjectFlags.projectName(in, ctx);
        }
        ComposeProject loaded = ComposeProjectFlags.load(in, ctx).project();
        for (String name : services) {
            if (!loaded.services().containsKey(name)) {
                throw new DockerError(1, "no such service: " + name, "hint.compose.no.service",
                        String.join(", ", loaded.services().keySet()));
            }
        }
        return loaded.name();
    }

    /** The services' containers (all the project's when none is named), stopped ones too when {@code all}. */
    static List<ContainerSummary> of(Invocation in, CommandContext ctx, List<String> services, boolean all)
            throws DaemonError, DockerError, InterruptedException {
        return new ProjectContainers(ctx).containers(project(in, ctx, services), all, services, false);
    }

    /** The service's container with that number, or its lowest-numbered one for index 0 (Compose's --index). */
    static ContainerSummary one(Invocation in, CommandContext ctx, String service, int index, boolean all)
            throws DaemonError, DockerError, InterruptedException {
        List<ContainerSummary> found = of(in, ctx, List.of(service), all).stream()
                .filter(c -> index <= 0 || String.valueOf(index).equals(label(c, ComposeNames.CONTAINER_NUMBER)))
                .sorted(Comparator.comparingInt(ServiceTargets::number)).toList();
        if (found.isEmpty()) {
            throw new DockerError(1, index > 0 ? "service \"" + service + "\" is not running container #" + index
                    : "service \"" + service + "\" is not running", "hint.compose.not.running");
        }
        return found.get(0);
    }

    /** The project flags again as words, for a subcommand that hands on to another (wait --down-project, create). */
    static List<String> projectWords(Invocation in) {
        ProjectLoader.Options o = ComposeProjectFlags.options(in);
        List<String> words = new ArrayList<>();
        o.files().forEach(f -> words.add("--file=" + f));
        if (o.projectName() != null) {
            words.add("--project-name=" + o.projectName());
        }
        if (o.projectDirectory() != null) {
            words.add("--project-directory=" + o.projectDirectory());
        }
        o.envFiles().forEach(f -> words.add("--env-file=" + f));
        return words;
    }

    /** Compose's --format for its own tables (ls, images): table (or pretty, or none) or json; anything else fails. */
    static boolean isJson(String format) throws DockerError {
        if (format == null || format.isEmpty() || format.equals("table") || format.equals("pretty")) {
            return false;
        }
        if (format.equals("json")) {
            return true;
        }
        throw new DockerError(1, "format value \"" + format + "\" could not be parsed: parsing failed",
                "hint.compose.format.table.json");
    }

    /** Compose's JSON output (its Go structs in field order: give a LinkedHashMap), without HTML escapes. */
    static String json(Object value) {
        return new GsonBuilder().disableHtmlEscaping().serializeNulls().create().toJson(value);
    }

    static String label(ContainerSummary c, String key) {
        return c.getLabels() == null ? "" : c.getLabels().getOrDefault(key, "");
    }

    private static int number(ContainerSummary c) {
        try {
            return Integer.parseInt(label(c, ComposeNames.CONTAINER_NUMBER));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Runs the action on each container under Compose's panel ("[+] Pausing 1/1", a line
     * "Container NAME  Paused"); {@code working} may be null where Compose reports only the end. A
     * failure marks its line and ends the command with the engine's words.
     */
    static void eachReported(CommandContext ctx, String title, List<ContainerSummary> containers, String working,
                             String done, String failed, Action action) throws DockerError, InterruptedException {
        if (containers.isEmpty()) {
            return;
        }
        ProgressPanel progress = new ProgressPanel(ctx.console(), title);
        try {
            for (ContainerSummary c : containers) {
                String id = "Container " + ProjectContainers.name(c);
                if (working != null) {
                    progress.working(id, working);
                }
                try {
                    action.on(c);
                } catch (DockerError e) {
                    progress.error(id, failed);
                    throw e;
                } catch (DaemonError e) {
                    progress.error(id, failed);
                    throw DockerError.daemon(e);
                }
                progress.done(id, done);
            }
        } finally {
            progress.finish();
        }
    }
}
