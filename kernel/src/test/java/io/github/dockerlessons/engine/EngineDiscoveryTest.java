package io.github.dockerlessons.engine;

import io.github.dockerlessons.engine.EngineDiscovery.Resolution;
import io.github.dockerlessons.engine.EngineEndpoint.Origin;
import io.github.dockerlessons.engine.LocalMachine.OperatingSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The docker CLI's order, and the kernel's search for sockets, on fake homes and operating systems. */
class EngineDiscoveryTest {
    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();
    private Set<Path> sockets = Set.of();

    private EngineDiscovery discovery(OperatingSystem os) {
        return new EngineDiscovery(new LocalMachine(env, home, os, OptionalInt.of(1000), p -> sockets.contains(p)));
    }

    private EngineDiscovery linux() {
        return discovery(OperatingSystem.LINUX);
    }

    private ContextStore store() {
        return new ContextStore(home.resolve(".docker"));
    }

    private static List<String> hosts(Resolution resolution) {
        return resolution.candidates().stream().map(EngineEndpoint::host).toList();
    }

    @Test
    void dockerHostComesFirst() throws Exception {
        store().create("lab", "", new ContextEndpointSpec("tcp://10.0.0.1:2376", false, null, null, null));
        store().use("lab");
        env.put("DOCKER_CONTEXT", "lab");
        env.put("DOCKER_HOST", "unix:///srv/docker.sock");
        Resolution r = linux().resolve();
        assertEquals(List.of("unix:///srv/docker.sock"), hosts(r));
        assertEquals("default", r.contextName());
        assertEquals(Origin.DOCKER_HOST, r.candidates().get(0).origin());
        assertEquals("default", linux().currentContextName());
    }

    @Test
    void dockerContextComesBeforeTheCurrentContext() throws Exception {
        store().create("one", "", new ContextEndpointSpec("unix:///one.sock", false, null, null, null));
        store().create("two", "", new ContextEndpointSpec("unix:///two.sock", false, null, null, null));
        store().use("one");
        env.put("DOCKER_CONTEXT", "two");
        Resolution r = linux().resolve();
        assertEquals(List.of("unix:///two.sock"), hosts(r));
        assertEquals("two", r.contextName());
        assertEquals(Origin.DOCKER_CONTEXT, r.origin());
    }

    @Test
    void theCurrentContextOfConfigJson() throws Exception {
        store().create("one", "", new ContextEndpointSpec("unix:///one.sock", false, null, null, null));
        store().use("one");
        Resolution r = linux().resolve();
        assertEquals(List.of("unix:///one.sock"), hosts(r));
        assertEquals(Origin.CURRENT_CONTEXT, r.origin());
        assertEquals("one", linux().currentContextName());
    }

    @Test
    void dockerConfigMovesTheConfigFolder() throws Exception {
        Path elsewhere = home.resolve("elsewhere");
        new ContextStore(elsewhere).create("moved", "", new ContextEndpointSpec("unix:///m.sock", false, null, null, null));
        new ContextStore(elsewhere).use("moved");
        env.put("DOCKER_CONFIG", elsewhere.toString());
        assertEquals(List.of("unix:///m.sock"), hosts(linux().resolve()));
    }

    @Test
    void dockerContextDefaultMeansTheDefault() throws Exception {
        env.put("DOCKER_CONTEXT", "default");
        assertEquals("unix:///var/run/docker.sock", hosts(linux().resolve()).get(0));
    }

    @Test
    void aMissingContextFailsInTheCliWords() {
        env.put("DOCKER_CONTEXT", "nosuch");
        ContextError e = assertThrows(ContextError.class, () -> linux().resolve());
        assertEquals("unable to resolve docker endpoint: context \"nosuch\": context not found: open "
                + store().metadataPath("nosuch").resolve("meta.json") + ": no such file or directory", e.getMessage());
    }

    @Test
    void theCurrentContextIsFollowedAtOnce() throws Exception {
        store().create("one", "", new ContextEndpointSpec("unix:///one.sock", false, null, null, null));
        EngineDiscovery discovery = linux();
        assertEquals("unix:///var/run/docker.sock", hosts(discovery.resolve()).get(0));
        store().use("one");
        assertEquals(List.of("unix:///one.sock"), hosts(discovery.resolve()));
        store().use("default");
        assertEquals("unix:///var/run/docker.sock", hosts(discovery.resolve()).get(0));
    }

    @Test
    void contextTlsFilesAndSkipTlsVerify() throws Exception {
        byte[] pem = "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n".getBytes();
        store().create("secure", "", new ContextEndpointSpec("tcp://10.0.0.1:2376", false, pem, pem, pem));
        store().create("skip", "", new ContextEndpointSpec("tcp://10.0.0.1:2376", true, null, null, null));
        store().create("socket", "", new ContextEndpointSpec("unix:///s.sock", false, pem, null, null));
        store().create("plain", "", new ContextEndpointSpec("tcp://10.0.0.1:2375", false, null, null, null));
        env.put("DOCKER_CONTEXT", "secure");
        EngineEndpoint.Tls tls = linux().resolve().candidates().get(0).tls();
        Path dir = store().tlsPath("secure").resolve("docker");
        assertEquals(new EngineEndpoint.Tls(dir.resolve("ca.pem"), dir.resolve("cert.pem"), dir.resolve("key.pem"), true), tls);
        env.put("DOCKER_CONTEXT", "skip");
        assertEquals(new EngineEndpoint.Tls(null, null, null, false), linux().resolve().candidates().get(0).tls());
        env.put("DOCKER_CONTEXT", "socket");
        assertNull(linux().resolve().candidates().get(0).tls(), "TLS never applies to a socket");
        env.put("DOCKER_CONTEXT", "plain");
        assertNull(linux().resolve().candidates().get(0).tls());
    }

    @Test
    void tlsFromTheEnvironmentAsTheCliReadsIt() throws Exception {
        Path certs = Files.createDirectories(home.resolve("certs"));
        Files.writeString(certs.resolve("ca.pem"), "x");
        env.put("DOCKER_HOST", "tcp://10.0.0.1:2376");
        env.put("DOCKER_CERT_PATH", certs.toString());
        env.put("DOCKER_TLS_VERIFY", "0"); // any value, even 0, turns verification on in the CLI
        assertEquals(new EngineEndpoint.Tls(certs.resolve("ca.pem"), null, null, true),
                linux().resolve().candidates().get(0).tls());
        Files.writeString(certs.resolve("cert.pem"), "x");
        Files.writeString(certs.resolve("key.pem"), "x");
        env.remove("DOCKER_TLS_VERIFY");
        env.put("DOCKER_TLS", "1");
        assertEquals(new EngineEndpoint.Tls(certs.resolve("ca.pem"), certs.resolve("cert.pem"), certs.resolve("key.pem"), false),
                linux().resolve().candidates().get(0).tls());
        env.remove("DOCKER_TLS");
        assertNull(linux().resolve().candidates().get(0).tls(), "no TLS variable: plain HTTP");
    }

    @Test
    void tlsWithoutCaFailsLikeTheCli() {
        env.put("DOCKER_HOST", "tcp://10.0.0.1:2376");
        env.put("DOCKER_TLS_VERIFY", "1");
        env.put("DOCKER_CERT_PATH", "/nonexistent");
        ContextError e = assertThrows(ContextError.class, () -> linux().resolve());
        assertEquals("unable to resolve docker endpoint: open /nonexistent/ca.pem: no such file or directory", e.getMessage());
    }

    @Test
    void tlsCertificatesDefaultToTheConfigFolderAndTheHostToLocalhost() throws Exception {
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/ca.pem"), "x");
        env.put("DOCKER_TLS_VERIFY", "1");
        EngineEndpoint endpoint = linux().resolve().candidates().get(0);
        assertEquals("tcp://localhost:2376", endpoint.host());
        assertEquals(home.resolve(".docker/ca.pem"), endpoint.tls().ca());
    }

    @Test
    void hostsAreReadAsTheCliReadsThem() throws Exception {
        String[][] cases = {
            {"127.0.0.1:9", "tcp://127.0.0.1:9"}, {"tcp://10.1.2.3", "tcp://10.1.2.3:2375"}, {"tcp://", "tcp://localhost:2375"},
            {"unix://", "unix:///var/run/docker.sock"}, {" unix:///x.sock ", "unix:///x.sock"},
            {"ssh://me@host", "ssh://me@host"}, {"npipe://", "npipe:////./pipe/docker_engine"}};
        for (String[] c : cases) {
            env.put("DOCKER_HOST", c[0]);
            assertEquals(c[1], hosts(linux().resolve()).get(0), c[0]);
        }
        env.put("DOCKER_HOST", "foo://x");
        assertEquals("unable to resolve docker endpoint: invalid bind address format: foo://x",
                assertThrows(ContextError.class, () -> linux().resolve()).getMessage());
    }

    @Test
    void theDefaultSearchOnLinux() throws Exception {
        env.put("XDG_RUNTIME_DIR", "/run/user/1000");
        Resolution r = linux().resolve();
        assertEquals(List.of("unix:///var/run/docker.sock", "unix:///run/user/1000/docker.sock",
                "unix://" + home + "/.docker/run/docker.sock", "unix://" + home + "/.docker/desktop/docker.sock",
                "unix:///run/podman/podman.sock", "unix:///run/user/1000/podman/podman.sock"), hosts(r));
        assertEquals(List.of(Origin.DEFAULT, Origin.ROOTLESS_DOCKER, Origin.DOCKER_DESKTOP_MACOS,
                Origin.DOCKER_DESKTOP_LINUX, Origin.PODMAN, Origin.PODMAN_ROOTLESS),
                r.candidates().stream().map(EngineEndpoint::origin).toList());
        assertTrue(r.searched());
    }

    @Test
    void withoutXdgRuntimeDirLinuxUsesRunUser() throws Exception {
        assertEquals("unix:///run/user/1000/docker.sock", hosts(linux().resolve()).get(1));
    }

    @Test
    void theDefaultSearchOnMacosSkipsWhatIsNotThere() throws Exception {
        assertEquals(List.of("unix:///var/run/docker.sock", "unix://" + home + "/.docker/run/docker.sock",
                "unix://" + home + "/.docker/desktop/docker.sock", "unix:///run/podman/podman.sock"),
                hosts(discovery(OperatingSystem.MACOS).resolve()));
    }

    @Test
    void windowsUsesDockerDesktopsPipe() throws Exception {
        Resolution r = discovery(OperatingSystem.WINDOWS).resolve();
        assertEquals(List.of("npipe:////./pipe/docker_engine"), hosts(r));
        assertFalse(r.searched());
    }

    @Test
    void theFirstPlaceThatAnswersIsChosen() throws Exception {
        Path desktop = home.resolve(".docker/desktop/docker.sock");
        Path podman = Path.of("/run/podman/podman.sock");
        sockets = Set.of(desktop, podman);
        EngineDiscovery discovery = linux();
        Resolution r = discovery.resolve();
        // Both exist; Docker Desktop's is stale (refused), Podman answers.
        SocketProbe probe = e -> new SocketProbe.Result(e.host().equals("unix://" + podman), "connection refused");
        assertEquals("unix://" + podman, discovery.choose(r, probe).host());
        // Nothing answers: the first that exists, so the failure names it.
        assertEquals("unix://" + desktop, discovery.choose(r, e -> new SocketProbe.Result(false, "x")).host());
        // Nothing exists: the CLI's default.
        sockets = Set.of();
        assertEquals("unix:///var/run/docker.sock", discovery.choose(r, e -> new SocketProbe.Result(true, "")).host());
    }

    @Test
    void anEmptyContextHostIsTheDefaultSocket() throws Exception {
        Files.createDirectories(store().metadataPath("empty"));
        Files.writeString(store().metadataPath("empty").resolve("meta.json"),
                "{\"Name\":\"empty\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\"\",\"SkipTLSVerify\":false}}}");
        env.put("DOCKER_CONTEXT", "empty");
        assertEquals(List.of("unix:///var/run/docker.sock"), hosts(linux().resolve()));
    }

    @Test
    void aContextWithoutADockerEndpoint() throws IOException {
        Files.createDirectories(store().metadataPath("k8s"));
        Files.writeString(store().metadataPath("k8s").resolve("meta.json"),
                "{\"Name\":\"k8s\",\"Metadata\":{},\"Endpoints\":{\"kubernetes\":{}}}");
        env.put("DOCKER_CONTEXT", "k8s");
        assertEquals("unable to resolve docker endpoint: cannot find docker endpoint in context",
                assertThrows(ContextError.class, () -> linux().resolve()).getMessage());
    }
}
