package io.github.dockerlessons.it;

import io.github.dockerlessons.RecordingConsole;
import io.github.dockerlessons.commands.DockerCommands;
import io.github.dockerlessons.engine.ContextEndpointSpec;
import io.github.dockerlessons.engine.ContextStore;
import io.github.dockerlessons.engine.EngineDiscovery;
import io.github.dockerlessons.engine.EngineGateway;
import io.github.dockerlessons.i18n.Messages;
import io.github.dockerlessons.session.CellError;
import io.github.dockerlessons.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A dockerd that listens only on tcp with --tlsverify, with certificates made by openssl for this run
 * (src/test/engines/tls-engine). With the right certificates every differential case matches the CLI
 * (the cases of {@link DifferentialIT}, run here over TLS); with the wrong ones the kernel fails within
 * 2 seconds with a TLS error that names the cause, the same cause the docker CLI names, and never
 * falls back to plain HTTP.
 */
class TlsEngineIT extends DifferentialIT {
    private EngineHarness engine;

    @TempDir
    Path scratch;

    @Override
    protected Map<String, String> engineEnvironment() throws Exception {
        engine = EngineHarness.start("tls-engine");
        return engine.clientEnvironment();
    }

    @Override
    protected void stopEngine() throws Exception {
        engine.close();
    }

    /** Over TLS the single commands, not the sequences: those test meaning, not transport (cp is below). */
    @Override
    protected boolean runsSequences() {
        return false;
    }

    private Path certs(String set) {
        return Path.of(engine.get(set));
    }

    private static Session session(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(System.getenv());
        for (String name : List.of("DOCKER_HOST", "DOCKER_TLS_VERIFY", "DOCKER_TLS", "DOCKER_CERT_PATH", "DOCKER_CONTEXT")) {
            env.remove(name);
        }
        env.putAll(overrides);
        return new Session(DockerCommands.registry(), new EngineGateway(EngineDiscovery.forThisMachine(env)),
                new Messages(Messages.ENGLISH), env, Clock.systemUTC());
    }

    /** What a cell shows: its output stream, then the text of its results (tables). */
    private static String run(Session session, String cell) throws CellError {
        RecordingConsole console = new RecordingConsole();
        session.run(cell, console);
        StringBuilder shown = new StringBuilder(console.out);
        console.results.forEach(bundle -> shown.append(bundle.plainText()));
        return shown.toString();
    }

    /** The kernel's failure: its lines, and how long it took. */
    private static CellError fails(Session session, String cell) {
        long start = System.nanoTime();
        CellError e = assertThrows(CellError.class, () -> session.run(cell, new RecordingConsole()));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 2000, cell + " took " + ms + " ms");
        return e;
    }

    /** What the docker CLI says on stderr with the same environment. */
    private static String cli(Map<String, String> env, String... argv) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(argv);
        for (String name : List.of("DOCKER_HOST", "DOCKER_TLS_VERIFY", "DOCKER_TLS", "DOCKER_CERT_PATH", "DOCKER_CONTEXT")) {
            builder.environment().remove(name);
        }
        builder.environment().putAll(env);
        Path output = Files.createTempFile("tls-cli", ".txt");
        Process process = builder.redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return "(the docker CLI did not answer within 20 s)";
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        return out.strip();
    }

    /** The cause at the end of a TLS error line, after the URL: the part the CLI and the kernel share. */
    private static String cause(String line) {
        int https = line.indexOf("https://");
        int afterUrl = line.indexOf(": ", https);
        return line.substring(afterUrl + 2);
    }

    private void sameCauseAsTheCli(Map<String, String> env, String expectedFirstLine, String hintWord) throws Exception {
        CellError e = fails(session(env), "docker ps");
        assertEquals(expectedFirstLine, e.lines().get(0));
        assertTrue(e.hint().contains(hintWord), e.hint());
        String cli = cli(env, "docker", "ps");
        assertEquals(cause(cli), cause(e.lines().get(0)), "the CLI said: " + cli);
    }

    @Test
    void wrongCaIsNamed() throws Exception {
        String host = engine.get("DOCKER_HOST");
        sameCauseAsTheCli(Map.of("DOCKER_HOST", host, "DOCKER_TLS_VERIFY", "1",
                        "DOCKER_CERT_PATH", certs("TLS_WRONG_CA_CERT_PATH").toString()),
                "error during connect: " + host.replace("tcp://", "https://")
                        + ": tls: failed to verify certificate: x509: certificate signed by unknown authority", "ca.pem");
    }

    @Test
    void missingClientCertificateIsNamed() throws Exception {
        String host = engine.get("DOCKER_HOST");
        CellError e = fails(session(Map.of("DOCKER_HOST", host, "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", certs("TLS_CA_ONLY_CERT_PATH").toString())), "docker ps");
        assertTrue(e.lines().get(0).startsWith("the server probably has client authentication (--tlsverify) enabled; "
                + "check your TLS client certification settings: " + host.replace("tcp://", "https://") + ": remote error: tls: "),
                e.lines().get(0));
        assertTrue(e.hint().contains("cert.pem"), e.hint());
    }

    @Test
    void tlsAgainstAPlainPortNeverFallsBack() throws Exception {
        try (SocketRelay plain = SocketRelay.tcp(Path.of(System.getenv("DOCKER_HOST").substring("unix://".length())))) {
            // The same port answers without TLS variables: it is a working engine, in plain HTTP.
            assertTrue(run(session(Map.of("DOCKER_HOST", plain.host())), "docker ps").startsWith("CONTAINER ID"));
            Map<String, String> env = Map.of("DOCKER_HOST", plain.host(), "DOCKER_TLS_VERIFY", "1",
                    "DOCKER_CERT_PATH", certs("DOCKER_CERT_PATH").toString());
            CellError e = fails(session(env), "docker ps");
            // dockerd reads a request line up to a newline: it answers a ClientHello that happens to hold
            // a 0x0a byte with 400 Bad Request, and waits on one that does not. Either way, no plaintext.
            String https = "error during connect: " + plain.host().replace("tcp://", "https://") + ": ";
            String first = e.lines().get(0);
            assertTrue(first.equals(https + "http: server gave HTTP response to HTTPS client")
                    || first.equals(https + "tls: handshake timed out: the port does not answer in TLS"), first);
            assertTrue(e.hint().contains("plain HTTP"), e.hint());
            if (first.endsWith("HTTPS client")) {
                String cli = cli(env, "docker", "ps");
                assertEquals(cause(cli), cause(first), "the CLI said: " + cli);
            }
        }
    }

    @Test
    void plainHttpAgainstTheTlsPortIsTheDaemonsAnswer() throws Exception {
        Map<String, String> env = Map.of("DOCKER_HOST", engine.get("DOCKER_HOST"));
        CellError e = fails(session(env), "docker ps");
        assertEquals("Error response from daemon: Client sent an HTTP request to an HTTPS server.", e.lines().get(0));
        assertEquals(cli(env, "docker", "ps"), e.lines().get(0));
    }

    @Test
    void missingCaIsTheClisInitialisationError() throws Exception {
        Map<String, String> env = Map.of("DOCKER_HOST", engine.get("DOCKER_HOST"), "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", "/nonexistent");
        CellError e = fails(session(env), "docker ps");
        assertEquals(cli(env, "docker", "ps"), String.join("\n", e.lines()));
    }

    @Test
    void aContextCarriesTheTlsFiles() throws Exception {
        Path config = scratch.resolve("docker-config");
        Path client = certs("DOCKER_CERT_PATH");
        new ContextStore(config).create("tls-lab", "the TLS engine", new ContextEndpointSpec(engine.get("DOCKER_HOST"), false,
                Files.readAllBytes(client.resolve("ca.pem")), Files.readAllBytes(client.resolve("cert.pem")),
                Files.readAllBytes(client.resolve("key.pem"))));
        Session session = session(Map.of("DOCKER_CONFIG", config.toString(), "DOCKER_CONTEXT", "tls-lab"));
        assertEquals("안녕 TLS\n", run(session, "docker run --rm busybox echo 안녕 TLS"));
        // The CLI reads the same context.
        assertEquals("안녕 CLI", cli(Map.of("DOCKER_CONFIG", config.toString(), "DOCKER_CONTEXT", "tls-lab"),
                "docker", "run", "--rm", "busybox", "echo", "안녕 CLI"));
    }

    @Test
    void theGlobalFlagsNameTheTlsFilesForOneCommand() throws Exception {
        Path client = certs("DOCKER_CERT_PATH");
        String flags = "--tlsverify --tlscacert " + client.resolve("ca.pem") + " --tlscert " + client.resolve("cert.pem")
                + " --tlskey " + client.resolve("key.pem") + " -H " + engine.get("DOCKER_HOST");
        Session session = session(Map.of());
        assertEquals("안녕 flags\n", run(session, "docker " + flags + " run --rm busybox echo 안녕 flags"));
        List<String> argv = new java.util.ArrayList<>(List.of("docker"));
        argv.addAll(List.of(flags.split(" ")));
        argv.addAll(List.of("version", "--format", "{{.Server.Version}}"));
        assertEquals(cli(Map.of(), argv.toArray(String[]::new)) + "\n",
                run(session, "docker " + flags + " version --format '{{.Server.Version}}'"));
        // Without TLS the same port gives the daemon's answer, as to the CLI
        CellError plain = fails(session, "docker -H " + engine.get("DOCKER_HOST") + " ps");
        assertEquals("Error response from daemon: Client sent an HTTP request to an HTTPS server.", plain.lines().get(0));
    }

    @Test
    void aHeredocReachesItsEndOverTls() {
        Session session = session(engine.clientEnvironment());
        // cat ends only when its stdin ends: the heredoc's end must cross TLS as EOF.
        String out = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> run(session, "docker run -i --rm busybox cat <<EOF\n첫 줄\nsecond line\nEOF"));
        assertEquals("첫 줄\nsecond line\n", out);
    }

    @Test
    void cpBothWaysOverTls() throws Exception {
        Session session = session(engine.clientEnvironment());
        String box = "tls-cp-" + Long.toHexString(System.nanoTime());
        Path file = scratch.resolve("in.txt");
        Files.writeString(file, "복사 over TLS\n");
        try {
            run(session, "docker run -d --name " + box + " busybox sleep 600");
            run(session, "docker cp " + file + " " + box + ":/tmp/in.txt");
            assertEquals("복사 over TLS\n", run(session, "docker exec " + box + " cat /tmp/in.txt"));
            run(session, "docker cp " + box + ":/etc/hostname " + scratch.resolve("hostname"));
            assertEquals(12, Files.readString(scratch.resolve("hostname")).strip().length());
        } finally {
            run(session, "docker rm -f " + box);
        }
    }

    @Test
    void skipTlsVerifyTrustsAnyServerCertificate() throws Exception {
        Path config = scratch.resolve("skip-config");
        Path client = certs("DOCKER_CERT_PATH");
        // No CA at all: only the client certificate, and the server's certificate is not checked.
        new ContextStore(config).create("skip", "", new ContextEndpointSpec(engine.get("DOCKER_HOST"), true, null,
                Files.readAllBytes(client.resolve("cert.pem")), Files.readAllBytes(client.resolve("key.pem"))));
        Session session = session(Map.of("DOCKER_CONFIG", config.toString(), "DOCKER_CONTEXT", "skip"));
        assertTrue(run(session, "docker ps").startsWith("CONTAINER ID"));
    }
}
