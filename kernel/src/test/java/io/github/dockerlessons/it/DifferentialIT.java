package io.github.dockerlessons.it;

import io.github.dockerlessons.RecordingConsole;
import io.github.dockerlessons.commands.DockerCommands;
import io.github.dockerlessons.engine.EngineDiscovery;
import io.github.dockerlessons.engine.EngineGateway;
import io.github.dockerlessons.i18n.Messages;
import io.github.dockerlessons.render.Bundle;
import io.github.dockerlessons.session.CellError;
import io.github.dockerlessons.session.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The same commands through the docker CLI and through the kernel, on one engine state, compared as
 * text. Durations ("3 seconds ago") depend on the moment each ran, so they are replaced by a token,
 * and in tables the padding around them with a single separator; everything else must match byte
 * for byte, exit statuses included. The CLI runs here only as the reference; the kernel never
 * starts it. Every object made here carries this run's prefix and is removed by name; the prunes run
 * only on the private engine (see {@link PrivateEngine}); the published port is one free at run time.
 *
 * <p>The engine is the private one (DOCKER_HOST); subclasses run the same cases against other engines
 * (TLS, Podman), which they start in {@link #engineEnvironment()} and stop in {@link #stopEngine()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DifferentialIT {
    private static final String P = "diff" + UUID.randomUUID().toString().substring(0, 6);
    private Session session;
    private Map<String, String> engineEnv;
    /** Files the flows copy out of containers; JUnit removes the folder afterwards. */
    @TempDir
    static Path scratch;

    /** What points both the kernel and the docker CLI at the engine under test. */
    protected Map<String, String> engineEnvironment() throws Exception {
        return Map.of("DOCKER_HOST", System.getenv("DOCKER_HOST"));
    }

    /** Ends the engine {@link #engineEnvironment()} started, if it started one. */
    protected void stopEngine() throws Exception {
    }

    /**
     * Whether the sequences (object lifecycles, twins changed by each side) run too. They test the
     * commands' meaning, which does not depend on how the engine is reached; an engine that differs
     * only in its transport (TLS) runs the single commands alone.
     */
    protected boolean runsSequences() {
        return true;
    }

    /**
     * Why the kernel cannot show what the CLI shows for this cell on this engine, or null when it must.
     * A known difference is reported as skipped, with its reason.
     */
    protected String knownDifference(String cell) {
        return null;
    }

    @BeforeAll
    void prepare() throws Exception {
        engineEnv = engineEnvironment();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(engineEnv);
        // The kernel's own session label would be the one difference from objects the CLI creates.
        env.put("DOCKER_KERNEL_SESSION_LABELS", "off");
        session = new Session(DockerCommands.registry(), new EngineGateway(EngineDiscovery.forThisMachine(env)),
                new Messages(Messages.ENGLISH), env, Clock.systemUTC());
        kernel("docker run -d --name " + P + "-web -p " + PrivateEngine.freePort() + ":6379 -l lesson=yes -l tier=cache redis");
        kernel("docker run -d --name " + P + "-box -l lesson=yes busybox sleep 600");
        kernel("docker create --name " + P + "-hangul busybox sh -c 'sleep 1; echo 안녕하세요 여러분 반갑습니다 도커 수업'");
        kernel("docker run --name " + P + "-exited busybox true");
        kernel("docker volume create --label a=1 " + P + "-vol");
        kernel("docker network create --label z=1 " + P + "-net");
        kernel("docker tag busybox " + P + "-image:v1");
    }

    @AfterAll
    void cleanUp() throws Exception {
        for (String cell : List.of(
                "docker rm -f " + P + "-web " + P + "-box " + P + "-hangul " + P + "-exited " + P + "-renamed",
                "docker volume rm " + P + "-vol", "docker network rm " + P + "-net", "docker rmi " + P + "-image:v1")) {
            try {
                kernel(cell);
            } catch (CellError ignored) {
                // already gone
            }
        }
        stopEngine();
    }

    private String kernel(String cell) throws CellError {
        RecordingConsole console = new RecordingConsole();
        session.run(cell, console);
        return console.out.toString();
    }

    /** What the kernel printed for a command (stdout, then the text of its answer) and its status. */
    private String[] viaKernel(String command) {
        RecordingConsole console = new RecordingConsole();
        int status = 0;
        String error = "";
        try {
            session.run(command, console);
        } catch (CellError e) {
            status = e.status();
            error = String.join("\n", e.lines()) + "\n";
        }
        StringBuilder out = new StringBuilder(console.out);
        for (Bundle bundle : console.results) {
            out.append(bundle.plainText());
        }
        return new String[]{out.toString(), console.err + error, Integer.toString(status)};
    }

    private String[] viaCli(List<String> argv) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().putAll(engineEnv);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new String[]{out, err, Integer.toString(process.waitFor())};
    }

    /** A known difference of this engine is skipped with its reason, so the report says why. */
    private void assumeSame(String cell) {
        String reason = knownDifference(cell);
        Assumptions.assumeTrue(reason == null, () -> "known difference on this engine: " + reason);
    }

    /** Durations and the padding that follows them vary with the moment; nothing else may. */
    static String normalize(String text) {
        String durations = text.replaceAll("(Less than a second|About a minute|About an hour|1 second|\\d+ "
                + "(seconds|minutes|hours|days|weeks|months|years))", "<T>");
        return durations.contains("<T>") ? durations.replaceAll(" {2,}", "  ") : durations;
    }

    /**
     * {@code unordered}: the engine lists images with the same creation second in no fixed order, and
     * the CLI walks the repositories of one image in Go's map order, so two calls may order them
     * differently; their rows are compared as a set.
     */
    private record Case(String cell, List<String> cli, boolean compareStderr, boolean compareStatus, boolean unordered) { }

    private static Case both(String... argv) {
        StringBuilder cell = new StringBuilder();
        for (String arg : argv) {
            cell.append(cell.length() == 0 ? "" : " ").append(arg.matches("[A-Za-z0-9_./:=,@-]+") ? arg
                    : "'" + arg.replace("'", "'\\''") + "'");
        }
        boolean images = argv.length > 1 && (argv[1].equals("images")
                || argv[1].equals("image") && argv.length > 2 && argv[2].equals("ls"));
        return new Case(cell.toString(), List.of(argv), true, true, images);
    }

    private static Case stdoutOnly(String... argv) {
        Case c = both(argv);
        return new Case(c.cell(), c.cli(), false, false, false);
    }

    /** A container's own exit status: the CLI prints nothing more, the kernel names the status in the cell. */
    private static Case stdoutAndStatus(String... argv) {
        Case c = both(argv);
        return new Case(c.cell(), c.cli(), false, true, false);
    }

    private static String rows(String text, boolean unordered) {
        if (!unordered) {
            return text;
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n")));
        String header = lines.isEmpty() || !lines.get(0).startsWith("REPOSITORY") ? null : lines.remove(0);
        Collections.sort(lines);
        return (header == null ? "" : header + "\n") + String.join("\n", lines);
    }

    @TestFactory
    Stream<DynamicTest> sameTextAsTheDockerCli() {
        String d = "docker";
        List<Case> cases = new ArrayList<>(List.of(
                both(d, "ps"), both(d, "ps", "-a"), both(d, "ps", "-a", "-q"), both(d, "ps", "-a", "--no-trunc"),
                both(d, "ps", "-a", "-s"), both(d, "ps", "-l"), both(d, "ps", "-a", "-n", "2"),
                both(d, "ps", "-a", "-f", "name=" + P + "-box"), both(d, "ps", "-a", "-f", "label=lesson=yes"),
                both(d, "ps", "-a", "-f", "status=exited"), both(d, "ps", "-a", "-f", "ancestor=busybox"),
                both(d, "ps", "-a", "-f", "name=" + P + "-web", "-f", "name=" + P + "-box"),
                both(d, "ps", "-a", "-f", "label=lesson=yes", "-f", "status=running"),
                both(d, "ps", "-a", "-f", "exited=0"), both(d, "ps", "-a", "-f", "id=nosuchid"),
                both(d, "ps", "-a", "-f", "before=" + P + "-exited", "-f", "name=" + P),
                both(d, "ps", "-a", "-f", "since=" + P + "-web", "-f", "name=" + P),
                both(d, "ps", "-a", "-f", "network=bridge", "-f", "name=" + P),
                both(d, "ps", "-a", "-f", "volume=" + P + "-vol"),
                both(d, "ps", "-a", "--format", "table {{.Names}}\\t{{.Status}}\\t{{.Ports}}", "-f", "name=" + P),
                both(d, "ps", "-a", "--format", "{{.Names}} {{.Label \"tier\"}}", "-f", "name=" + P),
                both(d, "ps", "-a", "--format", "{{upper .Names}}|{{lower .Image}}|{{.State}}", "-f", "name=" + P),
                both(d, "ps", "-a", "--format", "{{json .Names}} {{.Command}}", "-f", "name=" + P),
                both(d, "ps", "-a", "--format", "{{join (split .Names \"-\") \"+\"}}", "-f", "name=" + P),
                both(d, "ps", "-a", "-q", "--format", "{{.Names}}", "-f", "name=" + P),
                both(d, "images"), both(d, "images", "-a"), both(d, "images", "-q"), both(d, "images", "--no-trunc"),
                both(d, "images", "--digests"), both(d, "images", "busybox"), both(d, "images", "-f", "dangling=false"),
                both(d, "images", "-f", "reference=" + P + "*"),
                both(d, "images", "--format", "table {{.Repository}}\\t{{.Tag}}\\t{{.Size}}"),
                both(d, "images", "--format", "{{.Repository}}:{{.Tag}} {{.ID}} {{.Size}}"),
                both(d, "inspect", "-f", "{{.State.Status}} {{.Name}} {{.Config.Image}}", P + "-web"),
                both(d, "inspect", "-f", "{{json .Config.Labels}}", P + "-web"),
                both(d, "inspect", "-f", "{{index .Config.Labels \"tier\"}}", P + "-web"),
                both(d, "inspect", "-f", "{{range .Config.Cmd}}[{{.}}]{{end}}", P + "-hangul"),
                both(d, "inspect", "-f", "{{range $k, $v := .Config.Labels}}{{$k}}={{$v}};{{end}}", P + "-web"),
                both(d, "inspect", "-f", "{{.State.ExitCode}} {{.State.Running}}", P + "-exited"),
                both(d, "inspect", "-f", "{{.Os}}/{{.Architecture}}", "busybox"),
                both(d, "inspect", "--type", "image", "-f", "{{.Id}}", "busybox"),
                both(d, "inspect", P + "-nothing"),
                both(d, "container", "ls", "-a", "-f", "name=" + P), both(d, "image", "ls", "busybox"),
                both(d, "top", P + "-box"), both(d, "port", P + "-web"), both(d, "port", P + "-web", "6379"),
                both(d, "port", P + "-box"),
                both(d, "history", "busybox"), both(d, "history", "--no-trunc", "busybox"), both(d, "history", "-q", "busybox"),
                both(d, "system", "df"), both(d, "volume", "ls", "-f", "name=" + P), both(d, "volume", "ls", "-q", "-f", "name=" + P),
                both(d, "volume", "inspect", P + "-vol"), both(d, "network", "ls", "-f", "name=" + P),
                both(d, "network", "ls", "-q", "-f", "name=" + P),
                both(d, "volume", "ls", "-f", "name=" + P, "--format", "json"),
                both(d, "volume", "ls", "-f", "name=" + P, "--format",
                        "table {{.Name}}\t{{.Scope}}\t{{.Labels}}\t{{.Links}}\t{{.Size}}\t{{.Status}}\t{{.Mountpoint}}"),
                both(d, "volume", "ls", "-q", "-f", "name=" + P, "--format", "{{.Driver}}:{{.Name}}"),
                both(d, "network", "ls", "-f", "name=" + P, "--format", "json"),
                both(d, "network", "ls", "-f", "name=" + P, "--no-trunc", "--format",
                        "table {{.ID}}\t{{.Name}}\t{{.IPv4}}\t{{.IPv6}}\t{{.Internal}}\t{{.Labels}}\t{{.CreatedAt}}"),
                both(d, "network", "ls", "-f", "name=" + P, "--format", "{{.Name}} {{.Driver}} {{.Scope}}"),
                stdoutOnly(d, "stats", "--no-stream", "--format", "{{.Name}}", P + "-box"),
                both(d, "frobnicate"), both(d, "run", "--frob", "busybox"), both(d, "ps", "-z"), both(d, "logs"),
                both(d, "stop", "-t", "x", P + "-box"), both(d, "rm", P + "-nothing"), both(d, "rmi", P + "-nothing"),
                both(d, "pause", P + "-nothing"), both(d, "top", P + "-nothing"),
                both(d, "exec", P + "-box", "echo", "안녕하세요"),
                both(d, "run", "--rm", "busybox", "echo", "한글 출력 확인"),
                stdoutAndStatus(d, "run", "--rm", "busybox", "sh", "-c", "echo bye; exit 3"),
                both(d, "logs", P + "-exited"),
                both(d, "image", "prune", "-f"),
                stdoutOnly(d, "container", "prune")));
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.cell(), () -> {
            assumeSame(c.cell());
            if (c.cli().contains("prune")) {
                PrivateEngine.requireForDestructiveSteps(c.cell());
                // Both sides must start from the same engine: whatever an earlier test left dangling
                // would be deleted by the first side and not seen by the second.
                viaCli(c.cli());
            }
            String[] cli = viaCli(c.cli());
            String[] kernel = viaKernel(c.cell());
            assertEquals(rows(normalize(cli[0]), c.unordered()), rows(normalize(kernel[0]), c.unordered()),
                    "stdout of " + c.cell());
            if (c.compareStderr()) {
                assertEquals(normalize(cli[1]).strip(), normalize(kernel[1]).strip(), "stderr of " + c.cell());
            }
            if (c.compareStatus()) {
                assertEquals(cli[2], kernel[2], "exit status of " + c.cell());
            }
        }));
    }

    /** Sequences run once with the CLI's names and once with the kernel's; IDs and names are masked. */
    @TestFactory
    Stream<DynamicTest> objectLifecyclesMatch() {
        if (!runsSequences()) {
            return Stream.empty();
        }
        List<List<String>> flows = List.of(
                List.of("volume create %s-vol", "volume inspect -f {{.Name}} %s-vol", "volume rm %s-vol"),
                List.of("network create %s-net", "network connect %s-net " + P + "-box",
                        "network disconnect %s-net " + P + "-box", "network rm %s-net"),
                List.of("tag busybox %s-tag:v2", "rmi %s-tag:v2"),
                List.of("run -d --name %s-c busybox sleep 600", "cp %s-c:/etc/passwd " + scratch + "/%s-passwd",
                        "cp " + scratch + "/%s-passwd %s-c:/tmp/copied", "exec %s-c wc -c /tmp/copied", "rm -f %s-c"),
                List.of("create --name %s-c busybox", "start %s-c", "restart -t 1 %s-c", "stop -t 1 %s-c", "rm %s-c"));
        return flows.stream().map(flow -> DynamicTest.dynamicTest(String.join(" ; ", flow), () -> {
            assumeSame(String.join(" ; ", flow));
            String cliName = P + "-cli";
            String kernelName = P + "-krn";
            for (String step : flow) {
                String[] cli = viaCli(List.of(("docker " + step.replace("%s", cliName)).split(" ")));
                String[] kernel = viaKernel("docker " + step.replace("%s", kernelName));
                assertEquals(mask(cli[0], cliName), mask(kernel[0], kernelName), step);
                assertEquals(mask(cli[1], cliName).strip(), mask(kernel[1], kernelName).strip(), "stderr of " + step);
                assertEquals(cli[2], kernel[2], "exit status of " + step);
            }
        }));
    }

    private static String mask(String text, String name) {
        return text.replace(name, "NAME").replaceAll("[0-9a-f]{64}", "<ID>").replaceAll("[0-9a-f]{12}", "<ID>");
    }

    @TestFactory
    Stream<DynamicTest> stateChangingCommandsMatchOnTwinObjects() {
        if (!runsSequences()) {
            return Stream.empty();
        }
        // Each side changes its own twin, so both see the same state before the command.
        return Stream.of(
                new String[]{"pause %s", "unpause %s"},
                new String[]{"rename %s %s-renamed", "rename %s-renamed %s"},
                new String[]{"wait %s"}).map(steps -> DynamicTest.dynamicTest(String.join(" then ", steps), () -> {
                    assumeSame(String.join(" then ", steps));
                    for (String step : steps) {
                        String twinCli = P + "-twin-cli";
                        String twinKernel = P + "-twin-kernel";
                        kernel("docker rm -f " + twinCli + " " + twinKernel + " " + twinCli + "-renamed " + twinKernel + "-renamed");
                        String image = step.startsWith("wait") ? "busybox true" : "busybox sleep 600";
                        kernel("docker run -d --name " + twinCli + " " + image);
                        kernel("docker run -d --name " + twinKernel + " " + image);
                        String[] prepare = step.startsWith("unpause") ? new String[]{"pause"} : step.startsWith("rename %s-renamed")
                                ? new String[]{"rename"} : new String[0];
                        for (String p : prepare) {
                            String pre = p.equals("pause") ? "pause %s" : "rename %s %s-renamed";
                            viaCli(List.of(("docker " + pre.replace("%s", twinCli)).split(" ")));
                            viaKernel("docker " + pre.replace("%s", twinKernel));
                        }
                        String[] cli = viaCli(List.of(("docker " + step.replace("%s", twinCli)).split(" ")));
                        String[] kernel = viaKernel("docker " + step.replace("%s", twinKernel));
                        assertEquals(cli[0].replace(twinCli, "TWIN"), kernel[0].replace(twinKernel, "TWIN"), step);
                        assertEquals(cli[2], kernel[2], "exit status of " + step);
                        kernel("docker rm -f " + twinCli + " " + twinKernel + " " + twinCli + "-renamed " + twinKernel + "-renamed");
                    }
                }));
    }
}
