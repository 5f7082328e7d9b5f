package io.github.dockerlessons.compose;

import io.github.dockerlessons.command.files.HostFiles;
import io.github.dockerlessons.command.files.LocalFileError;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Finds and loads a Compose project as {@code docker compose} does: the files given with -f (or
 * COMPOSE_FILE), else compose.yaml / compose.yml / docker-compose.yaml / docker-compose.yml in the
 * folder or the nearest folder above it, with its override file; the variables of the environment
 * and the project's .env (the environment wins); each file parsed, interpolated and checked against
 * the Compose schema; the project name from -p, COMPOSE_PROJECT_NAME, the file's {@code name:}, or
 * the project folder's name.
 */
public final class ProjectLoader {
    static final List<String> DEFAULT_FILES = List.of("compose.yaml", "compose.yml", "docker-compose.yaml",
            "docker-compose.yml");
    static final List<String> OVERRIDE_FILES = List.of("compose.override.yaml", "compose.override.yml",
            "docker-compose.override.yaml", "docker-compose.override.yml");

    private ProjectLoader() {
    }

    /**
     * What the user said about the project.
     *
     * @param files            -f files, as typed (relative to {@code cwd})
     * @param projectName      -p, or null
     * @param projectDirectory --project-directory, or null
     * @param envFiles         --env-file files, or empty for the project folder's .env
     * @param cwd              the notebook's folder
     * @param osEnvironment    the kernel's environment
     * @param stopped          whether the stop button was pressed (a load asks between steps)
     * @param profiles         --profile, or empty for COMPOSE_PROFILES
     * @param targets          the services the command names: their profiles are enabled too, as Compose does
     * @param swarm            for docker stack deploy: deploy: read whole, as swarm carries it out
     */
    public record Options(List<String> files, String projectName, String projectDirectory, List<String> envFiles,
                          Path cwd, Map<String, String> osEnvironment, BooleanSupplier stopped, List<String> profiles,
                          List<String> targets, boolean swarm) {
        public Options {
            files = List.copyOf(files);
            envFiles = List.copyOf(envFiles);
            profiles = List.copyOf(profiles);
            targets = List.copyOf(targets);
        }

        public Options(List<String> files, String projectName, String projectDirectory, List<String> envFiles,
                       Path cwd, Map<String, String> osEnvironment, BooleanSupplier stopped) {
            this(files, projectName, projectDirectory, envFiles, cwd, osEnvironment, stopped, List.of(), List.of(), false);
        }

        public Options(List<String> files, String projectName, String projectDirectory, List<String> envFiles,
                       Path cwd, Map<String, String> osEnvironment) {
            this(files, projectName, projectDirectory, envFiles, cwd, osEnvironment, () -> false);
        }

        /** The same options, stopped by {@code stop}. */
        public Options stoppedBy(BooleanSupplier stop) {
            return new Options(files, projectName, projectDirectory, envFiles, cwd, osEnvironment, stop, profiles,
                    targets, swarm);
        }

        /** The same options with these profiles enabled. */
        public Options withProfiles(List<String> enabled) {
            return new Options(files, projectName, projectDirectory, envFiles, cwd, osEnvironment, stopped, enabled,
                    targets, swarm);
        }

        /** The same options for a command that names these services. */
        public Options withTargets(List<String> named) {
            return new Options(files, projectName, projectDirectory, envFiles, cwd, osEnvironment, stopped, profiles,
                    named, swarm);
        }

        /** The same options for docker stack deploy: a service's deploy: is read whole. */
        public Options forSwarm() {
            return new Options(files, projectName, projectDirectory, envFiles, cwd, osEnvironment, stopped, profiles,
                    targets, true);
        }
    }

    /** A loaded project and the warnings Compose would print on the way (for stderr). */
    public record Loaded(ComposeProject project, YamlNode.Mapping document, List<String> warnings) { }

    public static Loaded load(Options options) throws ComposeFileError {
        List<String> warnings = new ArrayList<>();
        LoadGuard guard = new LoadGuard(options.stopped());
        guard.check();
        List<Path> files = files(options, warnings);
        Path workingDir = options.projectDirectory() != null
                ? options.cwd().resolve(options.projectDirectory()).normalize()
                : files.get(0).getParent();
        Map<String, String> environment = environment(options, workingDir, guard);
        Interpolation interpolation = new Interpolation(key -> Optional.ofNullable(environment.get(key)),
                warning -> {
                    if (!warnings.contains(warning)) {
                        warnings.add(warning);
                    }
                }, guard);
        YamlNode.Mapping merged = null;
        for (Path file : files) {
            YamlNode.Mapping interpolated = readFile(file, interpolation, guard);
            if (interpolated == null) {
                continue;
            }
            if (interpolated.has("version")) {
                warnings.add(file + ": the attribute `version` is obsolete, it will be ignored, please remove it "
                        + "to avoid potential confusion");
            }
            merged = merged == null ? interpolated : Merge.mappings(merged, interpolated);
        }
        if (merged == null || merged.entries().isEmpty()) {
            throw new ComposeFileError("empty compose file");
        }
        merged = new Extends(files.get(files.size() - 1), file -> readFile(file, interpolation, guard))
                .resolve(merged, workingDir);
        String name = projectName(options, environment, merged, workingDir);
        ComposeProject project = new ProjectReader(files.get(files.size() - 1).toString(), workingDir, environment,
                profiles(options, environment), options.targets(), options.swarm())
                .read(name, merged, files);
        return new Loaded(project, merged, warnings);
    }

    /** --profile, else COMPOSE_PROFILES (comma-separated, from the environment or .env). */
    private static Set<String> profiles(Options options, Map<String, String> environment) {
        Set<String> enabled = new java.util.HashSet<>(options.profiles());
        if (enabled.isEmpty() && environment.get("COMPOSE_PROFILES") != null) {
            for (String profile : environment.get("COMPOSE_PROFILES").split(",")) {
                if (!profile.isBlank()) {
                    enabled.add(profile.trim());
                }
            }
        }
        return enabled;
    }

    /** One Compose file read, interpolated and checked against the schema; null when it is empty. */
    private static YamlNode.Mapping readFile(Path file, Interpolation interpolation, LoadGuard guard)
            throws ComposeFileError {
        String text;
        try {
            text = new String(HostFiles.read(file, file, HostFiles.TEXT_LIMIT), StandardCharsets.UTF_8);
        } catch (LocalFileError e) {
            throw new ComposeFileError(e.getMessage());
        } catch (InterruptedException e) {
            throw new ComposeFileError("read " + file + ": interrupted");
        }
        YamlNode root = YamlLoader.load(text, file.toString(), guard);
        if (root == null) {
            return null;
        }
        if (!(root instanceof YamlNode.Mapping mapping)) {
            throw new ComposeFileError("top-level object must be a mapping", file.toString(), root.position());
        }
        YamlNode.Mapping interpolated = (YamlNode.Mapping) interpolation.apply(mapping, file.toString());
        ComposeSchema.validate(interpolated, file.toString());
        return interpolated;
    }

    /**
     * The project's name when no file is needed (ps, down, logs of a project by -p), else null.
     */
    public static String nameWithoutFile(Options options) throws ComposeFileError {
        if (options.projectName() != null) {
            return checkedName(options.projectName());
        }
        String fromEnv = options.osEnvironment().get("COMPOSE_PROJECT_NAME");
        return fromEnv == null || fromEnv.isEmpty() ? null : checkedName(fromEnv);
    }

    /** Whether a file would be found for these options (else only a name can be had). */
    public static boolean hasFile(Options options) {
        try {
            files(options, new ArrayList<>());
            return true;
        } catch (ComposeFileError e) {
            return false;
        }
    }

    private static List<Path> files(Options options, List<String> warnings) throws ComposeFileError {
        List<Path> files = new ArrayList<>();
        List<String> given = options.files();
        if (given.isEmpty() && options.osEnvironment().containsKey("COMPOSE_FILE")) {
            String separator = options.osEnvironment().getOrDefault("COMPOSE_PATH_SEPARATOR", ":");
            given = List.of(options.osEnvironment().get("COMPOSE_FILE").split(Pattern.quote(separator)));
        }
        if (!given.isEmpty()) {
            for (String name : given) {
                Path file = options.cwd().resolve(name).normalize();
                // a link that leads nowhere or in a loop is there: its open says why ("too many levels of
                // symbolic links"), where "no such file" sent the reader looking for a file that exists
                if (HostFiles.kind(file, LinkOption.NOFOLLOW_LINKS) == HostFiles.Kind.MISSING) {
                    throw new ComposeFileError("open " + file + ": no such file or directory");
                }
                files.add(file);
            }
            return files;
        }
        Path dir = options.projectDirectory() != null ? options.cwd().resolve(options.projectDirectory()).normalize()
                : options.cwd();
        for (Path at = dir; at != null; at = at.getParent()) {
            List<Path> candidates = existing(at, DEFAULT_FILES);
            if (!candidates.isEmpty()) {
                if (candidates.size() > 1) {
                    warnings.add("Found multiple config files with supported names: "
                            + String.join(", ", candidates.stream().map(Path::toString).toList()));
                    warnings.add("Using " + candidates.get(0));
                }
                files.add(candidates.get(0));
                List<Path> overrides = existing(at, OVERRIDE_FILES);
                if (!overrides.isEmpty()) {
                    files.add(overrides.get(0));
                }
                return files;
            }
        }
        throw new ComposeFileError("no configuration file provided: not found");
    }

    private static List<Path> existing(Path dir, List<String> names) {
        List<Path> found = new ArrayList<>();
        for (String name : names) {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file)) {
                found.add(file);
            }
        }
        return found;
    }

    /** The variables for ${VAR}: the project's .env (or --env-file), under the environment. */
    private static Map<String, String> environment(Options options, Path workingDir, LoadGuard guard)
            throws ComposeFileError {
        Map<String, String> environment = new LinkedHashMap<>();
        List<Path> envFiles = new ArrayList<>();
        if (options.envFiles().isEmpty()) {
            Path dotEnv = workingDir.resolve(".env");
            if (Files.isRegularFile(dotEnv)) {
                envFiles.add(dotEnv);
            }
        } else {
            for (String name : options.envFiles()) {
                Path file = options.cwd().resolve(name).normalize();
                HostFiles.Kind kind = HostFiles.kind(file);
                if (kind == HostFiles.Kind.MISSING) {
                    throw new ComposeFileError("couldn't find env file: " + file);
                }
                if (kind == HostFiles.Kind.DIRECTORY) {
                    throw new ComposeFileError(file + " is a directory");
                }
                envFiles.add(file);
            }
        }
        for (Path file : envFiles) {
            try {
                String text = new String(HostFiles.read(file, file, HostFiles.TEXT_LIMIT), StandardCharsets.UTF_8);
                environment.putAll(DotEnv.parse(text, key -> {
                    String value = options.osEnvironment().get(key);
                    return Optional.ofNullable(value != null ? value : environment.get(key));
                }, guard));
            } catch (Interpolation.LimitExceeded e) {
                throw ComposeFileError.limit("failed to read " + file + ": line " + e.line() + ": " + e.getMessage(),
                        null, null, e.limit());
            } catch (DotEnv.BadLine e) {
                throw new ComposeFileError("failed to read " + file + ": line " + e.line() + ": " + e.getMessage());
            } catch (LocalFileError e) {
                throw new ComposeFileError(e.getMessage());
            } catch (InterruptedException e) {
                throw new ComposeFileError("read " + file + ": interrupted");
            }
        }
        environment.putAll(options.osEnvironment());
        return environment;
    }

    private static String projectName(Options options, Map<String, String> environment, YamlNode.Mapping document,
                                      Path workingDir) throws ComposeFileError {
        if (options.projectName() != null) {
            return checkedName(options.projectName());
        }
        String fromEnv = environment.get("COMPOSE_PROJECT_NAME");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return checkedName(fromEnv);
        }
        String fromFile = ProjectReader.text(document.get("name"));
        if (fromFile != null && !normalize(fromFile).isEmpty()) {
            return normalize(fromFile);
        }
        String fromFolder = normalize(workingDir.getFileName() == null ? "" : workingDir.getFileName().toString());
        if (fromFolder.isEmpty()) {
            throw new ComposeFileError("project name must not be empty");
        }
        return fromFolder;
    }

    private static String checkedName(String name) throws ComposeFileError {
        if (!normalize(name).equals(name) || name.isEmpty()) {
            throw new ComposeFileError("invalid project name \"" + name + "\": must consist only of lowercase "
                    + "alphanumeric characters, hyphens, and underscores as well as start with a letter or number");
        }
        return name;
    }

    /** compose-go's NormalizeProjectName: lower case, only [a-z0-9_-], no leading '_' or '-'. */
    public static String normalize(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                out.append(c);
            }
        }
        int start = 0;
        while (start < out.length() && (out.charAt(start) == '_' || out.charAt(start) == '-')) {
            start++;
        }
        return out.substring(start);
    }

    /** Several files: later ones override earlier ones, as Compose merges them. */
    static final class Merge {
        private static final Set<String> REPLACED = Set.of("command", "entrypoint");

        private Merge() {
        }

        static YamlNode.Mapping mappings(YamlNode.Mapping base, YamlNode.Mapping over) {
            Map<String, YamlNode.Entry> entries = new LinkedHashMap<>(base.entries());
            for (YamlNode.Entry entry : over.entries().values()) {
                YamlNode.Entry before = entries.get(entry.key());
                YamlNode value = entry.value();
                if (before != null && !REPLACED.contains(entry.key())) {
                    if (before.value() instanceof YamlNode.Mapping a && value instanceof YamlNode.Mapping b) {
                        value = mappings(a, b);
                    } else if (before.value() instanceof YamlNode.Sequence a && value instanceof YamlNode.Sequence b) {
                        List<YamlNode> items = new ArrayList<>(a.items());
                        for (YamlNode item : b.items()) {
                            boolean seen = item instanceof YamlNode.Scalar s && items.stream().anyMatch(i ->
                                    i instanceof YamlNode.Scalar t && t.text().equals(s.text()));
                            if (!seen) {
                                items.add(item);
                            }
                        }
                        value = new YamlNode.Sequence(b.position(), items);
                    }
                }
                entries.put(entry.key(), new YamlNode.Entry(entry.key(), entry.keyPosition(), value));
            }
            return new YamlNode.Mapping(base.position(), entries);
        }
    }
}
