package io.github.dockerlessons.engine;

import io.github.dockerlessons.engine.EngineDiscovery.Resolution;
import io.github.dockerlessons.engine.EngineEndpoint.Origin;
import io.github.dockerlessons.engine.LocalMachine.OperatingSystem;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/** The failure text: the CLI's first line, then each place with its origin and reason; and the hint chosen. */
class ConnectionDiagnosisTest {
    private static EngineEndpoint unix(String path, Origin origin) {
        return new EngineEndpoint("unix://" + path, null, "default", origin);
    }

    @Test
    void everyPlaceOfTheSearchIsListed() {
        List<EngineEndpoint> places = List.of(unix("/var/run/docker.sock", Origin.DEFAULT),
                unix("/run/user/1000/docker.sock", Origin.ROOTLESS_DOCKER), unix("/run/podman/podman.sock", Origin.PODMAN));
        Resolution resolution = new Resolution("default", Origin.DEFAULT, places);
        Map<String, SocketProbe.Result> answers = Map.of(
                "unix:///run/user/1000/docker.sock", new SocketProbe.Result(false, "connection refused"),
                "unix:///run/podman/podman.sock", new SocketProbe.Result(false, "permission denied"));
        ConnectionDiagnosis d = ConnectionDiagnosis.of(resolution, places.get(0),
                new IOException(new SocketException("No such file or directory")), e -> answers.get(e.host()), OperatingSystem.LINUX);
        assertEquals("""
                Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?
                  unix:///var/run/docker.sock (the docker CLI's default): no such file or directory
                  unix:///run/user/1000/docker.sock (rootless Docker): connection refused
                  unix:///run/podman/podman.sock (Podman): permission denied""", d.cliText());
        assertEquals("hint.engine.start.linux", d.hintKey());
        assertEquals(ConnectionDiagnosis.Kind.UNREACHABLE, d.kind());
    }

    @Test
    void thePinnedHostKeepsItsHint() {
        EngineEndpoint pinned = unix("/run/lessons/docker.sock", Origin.DOCKER_HOST);
        ConnectionDiagnosis d = ConnectionDiagnosis.of(new Resolution("default", Origin.DOCKER_HOST, List.of(pinned)), pinned,
                new ConnectException("Connection refused"), e -> null, OperatingSystem.LINUX);
        assertEquals("""
                Cannot connect to the Docker daemon at unix:///run/lessons/docker.sock. Is the docker daemon running?
                  unix:///run/lessons/docker.sock (DOCKER_HOST): connection refused""", d.cliText());
        assertEquals("hint.no.engine", d.hintKey());
    }

    @Test
    void aContextNamesItself() {
        EngineEndpoint lab = new EngineEndpoint("tcp://10.0.0.1:2376", null, "lab", Origin.CURRENT_CONTEXT);
        ConnectionDiagnosis d = ConnectionDiagnosis.of(new Resolution("lab", Origin.CURRENT_CONTEXT, List.of(lab)), lab,
                new SocketTimeoutException("Connect timed out"), e -> null, OperatingSystem.MACOS);
        assertEquals("""
                Cannot connect to the Docker daemon at tcp://10.0.0.1:2376. Is the docker daemon running?
                  tcp://10.0.0.1:2376 (context "lab", from currentContext in config.json): i/o timeout""", d.cliText());
        assertEquals("hint.engine.context.down", d.hintKey());
    }

    @Test
    void permissionDeniedIsTheClisOwnLine() {
        EngineEndpoint socket = unix("/var/run/docker.sock", Origin.DEFAULT);
        ConnectionDiagnosis d = ConnectionDiagnosis.of(new Resolution("default", Origin.DEFAULT, List.of(socket)), socket,
                new SocketException("Permission denied"), e -> null, OperatingSystem.LINUX);
        assertEquals("permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: "
                + "dial unix /var/run/docker.sock: connect: permission denied", d.cliText().lines().findFirst().orElseThrow());
        assertEquals("hint.engine.permission.linux", d.hintKey());
    }

    @Test
    void sshIsNamedAsUnsupported() {
        EngineEndpoint ssh = new EngineEndpoint("ssh://me@host", null, "default", Origin.DOCKER_HOST);
        ConnectionDiagnosis d = ConnectionDiagnosis.unsupported(ssh);
        assertEquals("Cannot connect to the Docker daemon at ssh://me@host. Is the docker daemon running?",
                d.firstLine());
        assertEquals(ConnectionDiagnosis.Place.UNSUPPORTED, d.places().get(0).reason());
        assertEquals("hint.engine.ssh", d.hintKey());
    }

    @Test
    void tlsFailuresAreNamedByTheirCause() {
        EngineEndpoint.Tls tls = new EngineEndpoint.Tls(Path.of("/c/ca.pem"), Path.of("/c/cert.pem"), Path.of("/c/key.pem"), true);
        EngineEndpoint endpoint = new EngineEndpoint("tcp://10.0.0.2:2376", tls, "default", Origin.DOCKER_HOST);
        Resolution resolution = new Resolution("default", Origin.DOCKER_HOST, List.of(endpoint));
        Object[][] cases = {
            {new SSLHandshakeException("PKIX path building failed: unable to find valid certification path to requested target"),
                "error during connect: https://10.0.0.2:2376: tls: failed to verify certificate: x509: certificate signed by unknown authority",
                "hint.engine.tls.authority"},
            {new SSLHandshakeException("Received fatal alert: bad_certificate"),
                "the server probably has client authentication (--tlsverify) enabled; check your TLS client certification settings: "
                    + "https://10.0.0.2:2376: remote error: tls: bad certificate", "hint.engine.tls.client"},
            {new SSLException("Unsupported or unrecognized SSL message"),
                "error during connect: https://10.0.0.2:2376: http: server gave HTTP response to HTTPS client", "hint.engine.tls.plain"},
        };
        for (Object[] c : cases) {
            ConnectionDiagnosis d = ConnectionDiagnosis.of(resolution, endpoint, new IOException((Throwable) c[0]), e -> null,
                    OperatingSystem.LINUX);
            assertEquals(c[1], d.cliText().lines().findFirst().orElseThrow());
            assertEquals("  tcp://10.0.0.2:2376 (DOCKER_HOST): TLS with /c/ca.pem, /c/cert.pem, /c/key.pem",
                    d.cliText().lines().skip(1).findFirst().orElseThrow());
            assertEquals(c[2], d.hintKey());
            assertEquals("/c", d.hintArgs()[1]);
        }
    }

    @Test
    void aBadConfigurationIsTheClisInitialisationError() {
        ConnectionDiagnosis d = ConnectionDiagnosis.unresolved(new ContextError(
                "unable to resolve docker endpoint: context \"x\": context not found: open /m/meta.json: no such file or directory"), "x");
        assertEquals("Failed to initialize: unable to resolve docker endpoint: context \"x\": context not found: open "
                + "/m/meta.json: no such file or directory", d.cliText());
        assertEquals("hint.engine.context", d.hintKey());
    }
}
