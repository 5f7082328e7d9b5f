package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.files.HostFiles;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.compose.ComposeFileError;
import io.github.dockerlessons.compose.ComposeProject;
import io.github.dockerlessons.compose.ProjectLoader;
import io.github.dockerlessons.compose.YamlNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The flags that say which project a compose command works on (docker compose's project options:
 * -f, -p, --project-directory, --env-file). Compose takes them before the subcommand
 * ({@code docker compose -p web up}) and after it; each subcommand declares them hidden, as cobra's
 * persistent flags, so its own help lists only its own flags. Also turns a Compose file problem into
 * the command's failure: Compose's words, and a hint with the file, line and column and the line
 * itself.
 */
public final class ComposeProjectFlags {
    static final Flag<List<String>> FILE = Flag.list('f', "file").shownAs("stringArray");
    static final Flag<String> PROJECT_NAME = Flag.string('p', "project-name");
    static final Flag<String> PROJECT_DIRECTORY = Flag.string("project-directory");
    static final Flag<List<String>> ENV_FILE = Flag.list("env-file").shownAs("stringArray");
    static final Flag<List<String>> PROFILE = Flag.list("profile").shownAs("stringArray");

    /** As the top-level {@code docker compose} shows them. */
    static final List<Flag<?>> SHOWN = List.of(ENV_FILE, FILE, PROFILE, PROJECT_DIRECTORY, PROJECT_NAME);
    private static final Flag<List<String>> SUB_FILE = FILE.hidden();
    private static final Flag<String> SUB_PROJECT_NAME = PROJECT_NAME.hidden();
    private static final Flag<String> SUB_PROJECT_DIRECTORY = PROJECT_DIRECTORY.hidden();
    private static final Flag<List<String>> SUB_ENV_FILE = ENV_FILE.hidden();
    private static final Flag<List<String>> SUB_PROFILE = PROFILE.hidden();
    /** --file without -f, for a subcommand whose own -f means something else (logs -f follows). */
    private static final Flag<List<String>> SUB_FILE_LONG = Flag.list("file").shownAs("stringArray").hidden();
    /** As every subcommand takes them (the same flags, left out of its help). */
    static final List<Flag<?>> HIDDEN = List.of(SUB_FILE, SUB_PROJECT_NAME, SUB_PROJECT_DIRECTORY, SUB_ENV_FILE,
            SUB_PROFILE);
    /** The same for a subcommand that has its own -f. */
    static final List<Flag<?>> HIDDEN_WITHOUT_F = List.of(SUB_FILE_LONG, SUB_PROJECT_NAME, SUB_PROJECT_DIRECTORY,
            SUB_ENV_FILE, SUB_PROFILE);

    private ComposeProjectFlags() {
    }

    /** A subcommand's spec: the project flags (taken hidden, as Compose takes them after the subcommand) and its own. */
    static CommandSpec.Builder command(String name, String usage, Flag<?>... own) {
        return CommandSpec.command(name, usage).flags(HIDDEN).flags(own);
    }

    /** A subcommand that acts on any number of services (all when none is named). */
    static CommandSpec forServices(String name, String usage, Flag<?>... own) {
        return command(name, usage, own).arity(Arity.atLeast(0)).arguments(SERVICES).build();
    }

    /** A completion must never hang the kernel: reading the file for it (a slow disk) stops after this. */
    private static final long COMPLETION_NANOS = 1_000_000_000L;
    /** Every argument is a service of the project ({@code up web db}), as Compose's completeServiceNames offers them. */
    static final Arguments SERVICES = Arguments.completedBy((typed, position) -> serviceNames(typed));
    /** Only the first argument is a service ({@code exec web COMMAND...}). */
    static final Arguments FIRST_SERVICE = Arguments.completedBy(
            (typed, position) -> position == 0 ? serviceNames(typed) : List.of());
    /** {@code scale web=}: each service followed by "=", as Compose's completeScaleArgs. */
    static final Arguments SCALE_SERVICES = Arguments.completedBy(
            (typed, position) -> serviceNames(typed).stream().map(s -> s + "=").toList());

    /**
     * The services of the project the typed flags name (-f, -p, --project-directory; the Compose file in
     * the notebook's folder by default), those behind every profile too; none when the file cannot be read.
     */
    static List<String> serviceNames(Invocation typed) {
        long deadline = System.nanoTime() + COMPLETION_NANOS;
        try {
            ProjectLoader.Options o = options(typed).withProfiles(List.of("*")).withTargets(List.of())
                    .stoppedBy(() -> System.nanoTime() > deadline);
            if (!namesOnlyPlainFiles(o)) {
                return List.of();
            }
            return List.copyOf(ProjectLoader.load(o).project().services().keySet());
        } catch (ComposeFileError e) {
            return List.of();
        }
    }

    /**
     * Whether no typed -f or --env-file is stdin, a named pipe or a device. The deadline above is only
     * asked between steps, and opening a pipe waits for its writer inside one: a completion has no stop
     * button to end that wait, so such a file completes nothing rather than hang the kernel.
     */
    private static boolean namesOnlyPlainFiles(ProjectLoader.Options o) {
        List<String> named = new ArrayList<>(o.files());
        named.addAll(o.envFiles());
        for (String file : named) {
            if (file.equals("-")) {
                return false;
            }
            switch (HostFiles.kind(o.cwd().resolve(file))) {
                case FIFO, CHARACTER_DEVICE, BLOCK_DEVICE, SOCKET -> {
                    return false;
                }
                default -> { }
            }
        }
        return true;
    }

    /** The services named (all when none is), or the file's error in Compose's words. */
    static List<ComposeProject.Service> select(ComposeProject project, List<String> names, CommandContext ctx)
            throws DockerError {
        try {
            return project.select(names);
        } catch (ComposeFileError e) {
            throw failure(e, ctx);
        }
    }

    static ProjectLoader.Options options(Invocation in) {
        List<String> files = new ArrayList<>(in.get(SUB_FILE));
        files.addAll(in.get(SUB_FILE_LONG));
        return new ProjectLoader.Options(files, in.get(SUB_PROJECT_NAME), in.get(SUB_PROJECT_DIRECTORY),
                in.get(SUB_ENV_FILE), Path.of("").toAbsolutePath(), System.getenv()).withProfiles(in.get(SUB_PROFILE))
                .withTargets(in.args());
    }

    /** The words that give the top-level flags again, after the subcommand. */
    static List<String> words(Invocation in) {
        List<String> words = new ArrayList<>();
        in.get(FILE).forEach(f -> words.add("--file=" + f));
        if (in.get(PROJECT_NAME) != null) {
            words.add("--project-name=" + in.get(PROJECT_NAME));
        }
        if (in.get(PROJECT_DIRECTORY) != null) {
            words.add("--project-directory=" + in.get(PROJECT_DIRECTORY));
        }
        in.get(ENV_FILE).forEach(f -> words.add("--env-file=" + f));
        in.get(PROFILE).forEach(p -> words.add("--profile=" + p));
        return words;
    }

    /** Loads the project; Compose's warnings go to stderr as Compose prints them on a terminal. */
    static ProjectLoader.Loaded load(Invocation in, CommandContext ctx) throws DockerError {
        try {
            ProjectLoader.Loaded loaded = ProjectLoader.load(options(in).stoppedBy(
                    () -> ctx.cancellation() != null && ctx.cancellation().isCancelled()));
            warn(ctx, loaded.warnings());
            return loaded;
        } catch (ComposeFileError e) {
            throw failure(e, ctx);
        }
    }

    /**
     * The project's name for commands that can work from the labels alone (ps, down, logs, stop...):
     * from the file when there is one, else from -p or COMPOSE_PROJECT_NAME.
     */
    static String projectName(Invocation in, CommandContext ctx) throws DockerError {
        ProjectLoader.Options options = options(in);
        if (!ProjectLoader.hasFile(options)) {
            try {
                String name = ProjectLoader.nameWithoutFile(options);
                if (name != null) {
                    return name;
                }
            } catch (ComposeFileError e) {
                throw failure(e, ctx);
            }
        }
        return load(in, ctx).project().name();
    }

    static void warn(CommandContext ctx, List<String> warnings) {
        for (String warning : warnings) {
            ctx.console().err("WARN[0000] " + warning + "\n");
        }
    }

    public static DockerError failure(ComposeFileError e, CommandContext ctx) {
        String place = place(e);
        if (e.isStopped()) {
            // The cell ends as interrupted (the cancellation says so); these words are never shown.
            return new DockerError(130, e.getMessage());
        }
        if (e.limitExceeded() != null) {
            ComposeFileError.Limit limit = e.limitExceeded();
            String hint = ctx.messages().get(limit.hintKey(), limit.args());
            return new DockerError(1, e.getMessage(), place.isEmpty() ? "hint.compose.limit"
                    : "hint.compose.limit.at", hint, place);
        }
        if (e.isUnsupported()) {
            String key = e.getMessage().replace(": not supported by this kernel", "");
            return new DockerError(1, ctx.messages().get("error.compose.unsupported", key),
                    "hint.compose.unsupported", place);
        }
        if (e.getMessage().startsWith("no configuration file provided")) {
            return new DockerError(1, e.getMessage(), "hint.compose.no.file");
        }
        if (place.isEmpty()) {
            return new DockerError(1, e.getMessage(), "hint.compose.file");
        }
        return new DockerError(1, e.getMessage(), "hint.compose.file.at", place);
    }

    /** "compose.yaml:3:5" and the line with a caret under the column, or "" without a place. */
    static String place(ComposeFileError e) {
        YamlNode.Position at = e.position();
        if (e.file() == null || at == null || at.line() <= 0) {
            return "";
        }
        Path file = Path.of(e.file());
        String shown = Path.of("").toAbsolutePath().equals(file.getParent()) ? file.getFileName().toString() : e.file();
        StringBuilder out = new StringBuilder(shown + ":" + at.line() + ":" + at.column());
        if (HostFiles.kind(file) != HostFiles.Kind.REGULAR) {
            return out.toString(); // a pipe read once cannot be read again for the line: it would wait
        }
        try {
            List<String> lines = Files.readAllLines(file);
            if (at.line() <= lines.size()) {
                String line = lines.get(at.line() - 1);
                out.append("\n    ").append(line).append("\n    ")
                        .append(" ".repeat(Math.max(0, Math.min(at.column() - 1, line.length())))).append('^');
            }
        } catch (IOException | RuntimeException ignored) {
            // the place alone is still worth saying
        }
        return out.toString();
    }
}
