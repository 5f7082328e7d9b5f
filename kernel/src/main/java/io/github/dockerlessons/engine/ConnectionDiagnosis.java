package io.github.dockerlessons.engine;

import io.github.dockerlessons.engine.EngineDiscovery.Resolution;
import io.github.dockerlessons.engine.EngineEndpoint.Origin;
import io.github.dockerlessons.engine.LocalMachine.OperatingSystem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Why no engine answered: the docker CLI's first line for the failure, then every place the kernel
 * tried, where that place came from, and why it failed; with the key of a hint in the reader's
 * language that fits the failure and the operating system.
 */
public final class ConnectionDiagnosis {

    /** What went wrong, which decides the first line and the hint. */
    public enum Kind { UNREACHABLE, PERMISSION_DENIED, TLS, UNSUPPORTED_SCHEME, CONFIGURATION }

    /** One place tried and why it failed ("" when it accepted the connection). */
    /**
     * A place tried and why it gave no engine: the system's words ("connection refused", "no such file
     * or directory", as the CLI prints them), or {@link #ANSWERS} / {@link #UNSUPPORTED}, which the
     * command layer puts in the reader's language.
     */
    public record Place(EngineEndpoint endpoint, String reason) {
        public static final String ANSWERS = "accepts connections";
        public static final String UNSUPPORTED = "not supported by the kernel";
    }

    private final Kind kind;
    private final String host;
    private final String firstLine;
    private final List<Place> places;
    private final String hintKey;
    private final Object[] hintArgs;

    private ConnectionDiagnosis(Kind kind, String host, String firstLine, List<Place> places, String hintKey,
                                Object... hintArgs) {
        this.kind = kind;
        this.host = host;
        this.firstLine = firstLine;
        this.places = List.copyOf(places);
        this.hintKey = hintKey;
        this.hintArgs = hintArgs.clone();
    }

    /**
     * A connection to {@code used} failed with {@code failure}. When the kernel chose among several
     * places, each of them is probed again (sockets only, so this takes microseconds), so that the
     * list says what is true now.
     */
    public static ConnectionDiagnosis of(Resolution resolution, EngineEndpoint used, Throwable failure,
                                         SocketProbe probe, OperatingSystem os) {
        if (used.isSsh() || used.host().startsWith("fd://") || (used.host().startsWith("npipe://") && os != OperatingSystem.WINDOWS)) {
            return unsupported(used);
        }
        Optional<TlsFailure> tls = TlsFailure.of(failure);
        if (tls.isPresent()) {
            return tls(used, tls.get());
        }
        List<Place> places = new ArrayList<>();
        String usedReason = SocketProbe.reason(failure);
        for (EngineEndpoint candidate : resolution.candidates()) {
            String reason;
            if (candidate.equals(used)) {
                reason = usedReason;
            } else {
                SocketProbe.Result result = probe.probe(candidate);
                reason = result.answers() ? Place.ANSWERS : result.reason();
            }
            places.add(new Place(candidate, reason));
        }
        if (usedReason.equals("permission denied") && used.host().startsWith("unix://")) {
            String line = "permission denied while trying to connect to the Docker daemon socket at " + used.host()
                    + ": dial unix " + used.socketPath() + ": connect: permission denied";
            return new ConnectionDiagnosis(Kind.PERMISSION_DENIED, used.host(), line, places,
                    "hint.engine.permission." + osKey(os), used.host());
        }
        String line = "Cannot connect to the Docker daemon at " + used.host() + ". Is the docker daemon running?";
        return new ConnectionDiagnosis(Kind.UNREACHABLE, used.host(), line, places, unreachableHint(used, os),
                used.host(), used.contextName());
    }

    /** The configuration itself is wrong (no such context, a missing ca.pem, a bad DOCKER_HOST). */
    public static ConnectionDiagnosis unresolved(ContextError error, String contextName) {
        String hint = contextName.equals(DockerContext.DEFAULT_NAME) ? "hint.engine.configuration" : "hint.engine.context";
        return new ConnectionDiagnosis(Kind.CONFIGURATION, "", "Failed to initialize: " + error.getMessage(), List.of(),
                hint, contextName);
    }

    /** ssh:// (and fd://, and named pipes off Windows): the kernel does not speak these. */
    public static ConnectionDiagnosis unsupported(EngineEndpoint endpoint) {
        String scheme = endpoint.host().substring(0, Math.max(0, endpoint.host().indexOf("://")));
        // The CLI's line; what the kernel does not speak is said by the place's reason and the hint.
        String line = "Cannot connect to the Docker daemon at " + endpoint.host() + ". Is the docker daemon running?";
        return new ConnectionDiagnosis(Kind.UNSUPPORTED_SCHEME, endpoint.host(), line,
                List.of(new Place(endpoint, Place.UNSUPPORTED)),
                scheme.equals("ssh") ? "hint.engine.ssh" : "hint.engine.scheme", endpoint.host());
    }

    /** TLS failed: the CLI's words for the cause, and the TLS files that were used. */
    static ConnectionDiagnosis tls(EngineEndpoint used, TlsFailure failure) {
        String url = "https://" + used.host().substring("tcp://".length());
        String line = "error during connect: " + url + ": " + failure.words();
        if (failure.cause() == TlsFailure.Cause.CLIENT_CERTIFICATE) {
            line = "the server probably has client authentication (--tlsverify) enabled; check your TLS client "
                    + "certification settings: " + url + ": " + failure.words();
        }
        String key = switch (failure.cause()) {
            case UNKNOWN_AUTHORITY -> "hint.engine.tls.authority";
            case CLIENT_CERTIFICATE -> "hint.engine.tls.client";
            case PLAIN_HTTP -> "hint.engine.tls.plain";
            case NAME_MISMATCH -> "hint.engine.tls.name";
            case EXPIRED -> "hint.engine.tls.expired";
            case OTHER -> "hint.engine.tls.other";
        };
        return new ConnectionDiagnosis(Kind.TLS, used.host(), line, List.of(new Place(used, tlsFiles(used.tls()))),
                key, used.host(), tlsFolder(used.tls()));
    }

    private static String tlsFiles(EngineEndpoint.Tls tls) {
        if (tls == null) {
            return "TLS";
        }
        List<String> files = new ArrayList<>();
        for (Path file : new Path[]{tls.ca(), tls.cert(), tls.key()}) {
            if (file != null) {
                files.add(file.toString());
            }
        }
        String used = files.isEmpty() ? "no certificate files" : String.join(", ", files);
        return "TLS with " + used + (tls.verify() ? "" : " (server certificate not verified)");
    }

    private static String tlsFolder(EngineEndpoint.Tls tls) {
        if (tls == null) {
            return "";
        }
        Path any = tls.ca() != null ? tls.ca() : tls.cert() != null ? tls.cert() : tls.key();
        return any == null || any.getParent() == null ? "" : any.getParent().toString();
    }

    private static String unreachableHint(EngineEndpoint used, OperatingSystem os) {
        return switch (used.origin()) {
            case DOCKER_HOST -> "hint.no.engine";
            case HOST_FLAG -> "hint.no.engine.host.flag";
            case DOCKER_CONTEXT, CURRENT_CONTEXT -> "hint.engine.context.down";
            default -> "hint.engine.start." + osKey(os);
        };
    }

    private static String osKey(OperatingSystem os) {
        return switch (os) {
            case MACOS -> "macos";
            case WINDOWS -> "windows";
            default -> "linux";
        };
    }

    public Kind kind() {
        return kind;
    }

    /** The host the failure is about ("" when the configuration named none). */
    public String host() {
        return host;
    }

    /** The docker CLI's own line, without the places tried. */
    public String firstLine() {
        return firstLine;
    }

    public List<Place> places() {
        return places;
    }

    public String hintKey() {
        return hintKey;
    }

    public Object[] hintArgs() {
        return hintArgs.clone();
    }

    /** What a cell prints: the CLI's line, then one line per place tried. */
    public String cliText() {
        StringBuilder text = new StringBuilder(firstLine);
        for (Place place : places) {
            text.append("\n  ").append(place.endpoint().host()).append(" (").append(describe(place.endpoint()))
                    .append("): ").append(place.reason());
        }
        return text.toString();
    }

    private static String describe(EngineEndpoint endpoint) {
        Origin origin = endpoint.origin();
        if (origin == Origin.DOCKER_CONTEXT || origin == Origin.CURRENT_CONTEXT) {
            return "context \"" + endpoint.contextName() + "\", from " + origin.label();
        }
        return origin.label();
    }
}
