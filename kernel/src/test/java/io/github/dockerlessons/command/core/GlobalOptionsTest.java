package io.github.dockerlessons.command.core;

import io.github.dockerlessons.engine.ContextEndpointSpec;
import io.github.dockerlessons.engine.ContextError;
import io.github.dockerlessons.engine.ContextStore;
import io.github.dockerlessons.engine.EngineDiscovery;
import io.github.dockerlessons.engine.EngineDiscovery.Resolution;
import io.github.dockerlessons.engine.EngineEndpoint;
import io.github.dockerlessons.engine.LocalMachine;
import io.github.dockerlessons.engine.LocalMachine.OperatingSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI's global flags before the command: read as docker 28.2 reads them, in its words when refused. */
class GlobalOptionsTest {
    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();

    private EngineDiscovery base() {
        return new EngineDiscovery(new LocalMachine(env, home, OperatingSystem.LINUX, OptionalInt.of(1000), p -> false));
    }

    private static GlobalOptions parse(String line) throws DockerError {
        return GlobalOptions.parse(List.of(line.split(" ")));
    }

    private static String refusal(String line) {
        return assertThrows(DockerError.class, () -> parse(line)).cliText();
    }

    private static String host(Resolution resolution) {
        return resolution.candidates().get(0).host();
    }

    @Test
    void theFlagsEndAtTheCommand() throws Exception {
        assertEquals(List.of("ps", "-a"), parse("-c node2 ps -a").command());
        assertEquals(List.of("ps"), parse("--context=node2 ps").command());
        assertEquals(List.of("run", "--rm", "-c", "2", "busybox"), parse("-D run --rm -c 2 busybox").command());
        assertEquals(List.of("version"), parse("-Dc node1 version").command());
        assertEquals("node1", parse("-Dc node1 version").context());
        assertEquals(List.of("ps"), parse("-H unix:///x.sock -l warn --tls=false ps").command());
        assertEquals(List.of("ps"), parse("--config /tmp/c -- ps").command());
    }

    @Test
    void wordsWithoutGlobalFlagsStayAsTheyAre() throws Exception {
        GlobalOptions plain = parse("ps -a");
        assertEquals(List.of("ps", "-a"), plain.command());
        assertFalse(plain.selectsEngine());
        assertEquals(List.of("--help"), parse("--help").command());
        assertEquals(List.of(), GlobalOptions.parse(List.of()).command());
    }

    @Test
    void helpAfterGlobalFlagsIsTheHelp() throws Exception {
        assertEquals(List.of("--help"), parse("-c node1 --help").command());
        assertEquals(List.of(), parse("-c node1").command());
    }

    @Test
    void versionAsTheCliTakesIt() throws Exception {
        Map<String, Boolean> lines = Map.of("-v", true, "--version", true, "--version=false ps", false,
                "-c node1 ps", false, "ps -v", false);
        lines.forEach((line, version) -> assertEquals(version, assertParses(line).versionRequested(), line));
    }

    @Test
    void onlyFlagsThatNameAnEngineLeaveTheSessionsEngine() {
        // --context= is empty: not given, as for the CLI
        Map<String, Boolean> lines = Map.of("-D ps", false, "-l debug ps", false, "--context= ps", false,
                "-c node2 ps", true, "-H unix:///x.sock ps", true, "--config /tmp/c ps", true, "--tlsverify ps", true);
        lines.forEach((line, selects) -> assertEquals(selects, assertParses(line).selectsEngine(), line));
    }

    private static GlobalOptions assertParses(String line) {
        try {
            return parse(line);
        } catch (DockerError e) {
            throw new AssertionError(line + ": " + e.cliText(), e);
        }
    }

    @Test
    void refusedFlagsInTheCliWords() {
        String usage = "\n\nUsage:  docker [OPTIONS] COMMAND [ARG...]\n\nRun 'docker --help' for more information";
        assertEquals("unknown flag: --bogus" + usage, refusal("--bogus ps"));
        assertEquals("unknown shorthand flag: 'x' in -x" + usage, refusal("-x ps"));
        assertEquals("flag needs an argument: 'c' in -c" + usage, refusal("-c"));
        assertEquals("invalid argument \"maybe\" for \"--tls\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax"
                + usage, refusal("--tls=maybe ps"));
        DockerError flag = assertThrows(DockerError.class, () -> parse("--bogus ps"));
        assertEquals(125, flag.status());
        assertEquals("Unable to parse logging level: bogus", refusal("-l bogus ps"));
        assertEquals("conflicting options: cannot specify both --host and --context", refusal("-c node1 -H unix:///x ps"));
        assertEquals("conflicting options: cannot specify both --host and --context", refusal("-H unix:///x -c default ps"));
        assertEquals("Failed to initialize: unable to resolve docker endpoint: Specify only one -H",
                refusal("-H unix:///a -H unix:///b ps"));
        assertEquals(1, assertThrows(DockerError.class, () -> parse("-l bogus ps")).status());
    }

    @Test
    void logLevelsAsLogrusReadsThem() throws Exception {
        for (String level : List.of("debug", "INFO", "warn", "warning", "error", "fatal", "panic", "trace")) {
            assertEquals(List.of("ps"), parse("-l " + level + " ps").command());
        }
    }

    @Test
    void aContextBeatsDockerHost() throws Exception {
        ContextStore store = new ContextStore(home.resolve(".docker"));
        store.create("node2", "", new ContextEndpointSpec("unix:///run/node2.sock", false, null, null, null));
        env.put("DOCKER_HOST", "unix:///session.sock");
        EngineDiscovery base = base();
        Resolution scoped = parse("-c node2 ps").discovery(base).resolve();
        assertEquals("unix:///run/node2.sock", host(scoped));
        assertEquals("node2", scoped.contextName());
        // the session's own discovery is unchanged
        assertEquals("unix:///session.sock", host(base.resolve()));
        // the default context is DOCKER_HOST's, as for the CLI
        assertEquals("unix:///session.sock", host(parse("-c default ps").discovery(base).resolve()));
    }

    @Test
    void aHostBeatsDockerContext() throws Exception {
        ContextStore store = new ContextStore(home.resolve(".docker"));
        store.create("node2", "", new ContextEndpointSpec("unix:///run/node2.sock", false, null, null, null));
        env.put("DOCKER_CONTEXT", "node2");
        Resolution scoped = parse("-H unix:///other.sock ps").discovery(base()).resolve();
        assertEquals("unix:///other.sock", host(scoped));
        assertEquals(EngineEndpoint.Origin.DOCKER_HOST, scoped.origin());
    }

    @Test
    void anUnknownContextInTheCliWords() {
        ContextError e = assertThrows(ContextError.class, () -> parse("-c nosuch ps").discovery(base()).resolve());
        assertTrue(e.getMessage().startsWith("unable to resolve docker endpoint: context \"nosuch\": context not found: open "),
                e.getMessage());
    }

    @Test
    void configNamesAnotherContextStore() throws Exception {
        Path other = home.resolve("other-config");
        new ContextStore(other).create("far", "", new ContextEndpointSpec("unix:///far.sock", false, null, null, null));
        assertEquals("unix:///far.sock", host(parse("--config " + other + " -c far ps").discovery(base()).resolve()));
        assertThrows(ContextError.class, () -> parse("-c far ps").discovery(base()).resolve());
    }

    @Test
    void tlsFilesNamedOneByOne() throws Exception {
        Path certs = Files.createDirectories(home.resolve("certs"));
        for (String name : List.of("my-ca.pem", "my-cert.pem", "my-key.pem")) {
            Files.writeString(certs.resolve(name), "x");
        }
        EngineEndpoint endpoint = parse("--tlsverify --tlscacert " + certs.resolve("my-ca.pem") + " --tlscert "
                + certs.resolve("my-cert.pem") + " --tlskey " + certs.resolve("my-key.pem") + " -H tcp://10.0.0.1:2376 ps")
                .discovery(base()).resolve().candidates().get(0);
        assertEquals(certs.resolve("my-ca.pem"), endpoint.tls().ca());
        assertEquals(certs.resolve("my-cert.pem"), endpoint.tls().cert());
        assertEquals(certs.resolve("my-key.pem"), endpoint.tls().key());
        assertTrue(endpoint.tls().verify());
        ContextError missing = assertThrows(ContextError.class, () -> parse("--tls --tlscacert /nonexist/ca.pem"
                + " -H tcp://10.0.0.1:2376 ps").discovery(base()).resolve());
        assertEquals("unable to resolve docker endpoint: open /nonexist/ca.pem: no such file or directory",
                missing.getMessage());
        EngineEndpoint plain = parse("--tlsverify=false -H tcp://10.0.0.1:2375 ps").discovery(base()).resolve()
                .candidates().get(0);
        assertNull(plain.tls());
    }
}
