package io.github.dockerlessons.command.core;

import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.FlagError;
import io.github.dockerlessons.command.flags.FlagSet;
import io.github.dockerlessons.command.flags.ParsedFlags;
import io.github.dockerlessons.engine.EngineDiscovery;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The docker CLI's global flags, read before the command as the CLI reads them ({@code docker -c node2
 * ps}, {@code docker -H unix:///... --tlsverify version}): they stop at the first word that is not a
 * flag, which names the command. The engine they choose is for that one command; the session's engine
 * is left as it was. {@code -D} and {@code -l} only change what the CLI logs, so they are checked and
 * otherwise have no effect here.
 */
public final class GlobalOptions {
    static final String USAGE = "docker [OPTIONS] COMMAND [ARG...]";

    static final Flag<String> CONFIG = Flag.string("config");
    static final Flag<String> CONTEXT = Flag.string('c', "context");
    static final Flag<Boolean> DEBUG = Flag.bool('D', "debug");
    static final Flag<List<String>> HOST = Flag.list('H', "host");
    static final Flag<String> LOG_LEVEL = Flag.string('l', "log-level");
    static final Flag<Boolean> TLS = Flag.bool("tls");
    static final Flag<String> TLS_CA_CERT = Flag.string("tlscacert");
    static final Flag<String> TLS_CERT = Flag.string("tlscert");
    static final Flag<String> TLS_KEY = Flag.string("tlskey");
    static final Flag<Boolean> TLS_VERIFY = Flag.bool("tlsverify");
    static final Flag<Boolean> VERSION = Flag.bool('v', "version");
    private static final FlagSet FLAGS = new FlagSet(List.of(CONFIG, CONTEXT, DEBUG, HOST, LOG_LEVEL, TLS,
            TLS_CA_CERT, TLS_CERT, TLS_KEY, TLS_VERIFY, VERSION));
    /** The levels logrus.ParseLevel takes (in any case). */
    private static final Set<String> LOG_LEVELS = Set.of("panic", "fatal", "error", "warn", "warning", "info",
            "debug", "trace");
    private static final GlobalOptions NONE = new GlobalOptions(null, List.of());

    private final ParsedFlags flags;
    private final List<String> command;

    private GlobalOptions(ParsedFlags flags, List<String> command) {
        this.flags = flags;
        this.command = command;
    }

    /**
     * The global flags at the start of {@code argv} (the words after "docker"), and the command after them.
     *
     * @throws DockerError the CLI's words for a flag it refuses (status 125), an unknown log level or a
     *                     host given with a context (status 1)
     */
    public static GlobalOptions parse(List<String> argv) throws DockerError {
        if (argv.isEmpty() || !argv.get(0).startsWith("-") || argv.get(0).equals("-") || isHelp(argv.get(0))) {
            return new GlobalOptions(null, argv);
        }
        FlagSet.Result parsed;
        try {
            parsed = FLAGS.parse(argv, false);
        } catch (FlagError e) {
            throw new DockerError(125, e.getMessage() + "\n\nUsage:  " + USAGE + "\n\nRun 'docker --help' for more information",
                    "hint.see.help", "docker");
        }
        List<String> command = new ArrayList<>(parsed.args());
        if (parsed.flags().helpRequested()) {
            // `docker -c node1 --help` is the top-level help, `docker --help ps` the command's
            command.add("--help");
        }
        GlobalOptions options = new GlobalOptions(parsed.flags(), List.copyOf(command));
        String level = options.value(LOG_LEVEL);
        if (level != null && !LOG_LEVELS.contains(level.toLowerCase(Locale.ROOT))) {
            throw new DockerError(1, "Unable to parse logging level: " + level);
        }
        if (options.hosts().size() > 1) {
            throw new DockerError(1, "Failed to initialize: unable to resolve docker endpoint: Specify only one -H",
                    "hint.engine.configuration");
        }
        if (!options.hosts().isEmpty() && options.context() != null) {
            throw new DockerError(1, "conflicting options: cannot specify both --host and --context",
                    "hint.global.host.context");
        }
        return options;
    }

    /**
     * The command's words after any global flags, for completion and help while a line is typed; a
     * line whose flags are refused stays as it is.
     */
    public static List<String> commandWords(List<String> argv) {
        try {
            return parse(argv).command();
        } catch (DockerError e) {
            return argv;
        }
    }

    /** No global flags: the words as they are. */
    public static GlobalOptions none(List<String> argv) {
        return argv.isEmpty() ? NONE : new GlobalOptions(null, argv);
    }

    private static boolean isHelp(String word) {
        return word.equals("--help") || word.equals("-h");
    }

    /** {@code docker -v}: the client's version line instead of a command. */
    public boolean versionRequested() {
        return flags != null && flags.isSet(VERSION) && flags.get(VERSION);
    }

    /** The command and its words, after the global flags. */
    public List<String> command() {
        return command;
    }

    /** Whether a flag names another engine, context store or TLS setting than the session's. */
    public boolean selectsEngine() {
        return flags != null && (flags.isSet(CONFIG) || context() != null || !hosts().isEmpty()
                || flags.isSet(TLS) || flags.isSet(TLS_VERIFY) || flags.isSet(TLS_CA_CERT) || flags.isSet(TLS_CERT)
                || flags.isSet(TLS_KEY));
    }

    /** --context, or null when not given (an empty value is not given, as for the CLI). */
    public String context() {
        String context = value(CONTEXT);
        return context == null || context.isEmpty() ? null : context;
    }

    /** Every -H given. */
    public List<String> hosts() {
        if (flags == null || !flags.isSet(HOST)) {
            return List.of();
        }
        return flags.get(HOST).stream().filter(host -> !host.isEmpty()).toList();
    }

    private String value(Flag<String> flag) {
        return flags != null && flags.isSet(flag) ? flags.get(flag) : null;
    }

    /**
     * Where this command finds its engine: {@code base} as the flags change it, by the CLI's rules. A
     * flag stands where its variable would (--config for DOCKER_CONFIG, -H for DOCKER_HOST, --tls and
     * --tlsverify for DOCKER_TLS and DOCKER_TLS_VERIFY) and beats it; --context beats DOCKER_HOST.
     */
    public EngineDiscovery discovery(EngineDiscovery base) {
        Map<String, String> changes = new HashMap<>();
        if (flags.isSet(CONFIG)) {
            changes.put("DOCKER_CONFIG", flags.get(CONFIG));
        }
        if (!hosts().isEmpty()) {
            changes.put("DOCKER_HOST", hosts().get(0));
            changes.put("DOCKER_CONTEXT", "");
        }
        String context = context();
        if (context != null) {
            changes.put("DOCKER_CONTEXT", context);
            if (!context.equals("default")) {
                changes.put("DOCKER_HOST", ""); // the default context is still DOCKER_HOST's, as for the CLI
            }
        }
        if (flags.isSet(TLS)) {
            changes.put("DOCKER_TLS", flags.get(TLS) ? "1" : "");
        }
        if (flags.isSet(TLS_VERIFY)) {
            changes.put("DOCKER_TLS_VERIFY", flags.get(TLS_VERIFY) ? "1" : "");
        }
        EngineDiscovery.TlsFiles files = new EngineDiscovery.TlsFiles(path(TLS_CA_CERT), path(TLS_CERT), path(TLS_KEY));
        return hosts().isEmpty() ? base.with(changes, files) : base.withHostFlag(changes, files);
    }

    private Path path(Flag<String> flag) {
        String value = value(flag);
        return value == null || value.isEmpty() ? null : Path.of(value);
    }
}
