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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Go templates through the docker CLI and through the kernel on one engine state: {@code ps --format},
 * {@code images --format}, {@code inspect -f}, {@code version --format} and {@code info --format},
 * compared as stdout, stderr and exit status. Durations ("3 seconds ago", "Up 2 seconds") depend on
 * the moment each side ran and are masked, with the padding after them; nothing else may differ.
 */
class TemplateDifferentialIT {
    private static final String P = "tpl" + UUID.randomUUID().toString().substring(0, 6);
    private static Session session;

    @BeforeAll
    static void prepare() throws Exception {
        // The kernel's own session label would be the one difference from objects the CLI creates.
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("DOCKER_KERNEL_SESSION_LABELS", "off");
        session = new Session(DockerCommands.registry(), new EngineGateway(EngineDiscovery.forThisMachine(env)),
                new Messages(Messages.ENGLISH), env, Clock.systemUTC());
        kernel("docker run -d --name " + P + "-web -p 16380:6379 -l tier=cache -l com.example.my-tier=front"
                + " -e FOO=bar redis");
        kernel("docker run -d --name " + P + "-box -l tier=batch busybox sleep 600");
        kernel("docker run --name " + P + "-exited busybox true");
        kernel("docker tag busybox " + P + "-image:v1");
    }

    @AfterAll
    static void cleanUp() {
        for (String cell : List.of("docker rm -f " + P + "-web " + P + "-box " + P + "-exited",
                "docker rmi " + P + "-image:v1")) {
            try {
                kernel(cell);
            } catch (CellError ignored) {
                // already gone
            }
        }
    }

    private static void kernel(String cell) throws CellError {
        session.run(cell, new RecordingConsole());
    }

    /** stdout (and the text of any answer), stderr with the error's lines, and the exit status. */
    private static String[] viaKernel(String cell) {
        RecordingConsole console = new RecordingConsole();
        int status = 0;
        String error = "";
        try {
            session.run(cell, console);
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

    private static String[] viaCli(List<String> argv) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().put("DOCKER_HOST", System.getenv("DOCKER_HOST"));
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new String[]{out, err, Integer.toString(process.waitFor())};
    }

    static String normalize(String text) {
        String durations = text.replaceAll("(Less than a second|About a minute|About an hour|1 second|\\d+ "
                + "(seconds|minutes|hours|days|weeks|months|years))", "<T>");
        return durations.contains("<T>") ? durations.replaceAll(" {2,}", "  ") : durations;
    }

    /** One command line: the argv the CLI gets, and the same as a cell, each argument quoted as sh would. */
    private record Case(List<String> argv) {
        String cell() {
            StringBuilder cell = new StringBuilder();
            for (String arg : argv) {
                cell.append(cell.length() == 0 ? "" : " ").append(arg.matches("[A-Za-z0-9_./:=,@-]+") ? arg
                        : "'" + arg.replace("'", "'\\''") + "'");
            }
            return cell.toString();
        }
    }

    private static Case ps(String format) {
        return new Case(List.of("docker", "ps", "-a", "-f", "name=" + P, "--format", format));
    }

    private static Case images(String format) {
        return new Case(List.of("docker", "images", "--format", format, "busybox"));
    }

    private static Case inspect(String target, String format) {
        return new Case(List.of("docker", "inspect", "-f", format, P + target));
    }

    private static Case cmd(String... argv) {
        List<String> all = new ArrayList<>(List.of("docker"));
        all.addAll(List.of(argv));
        return new Case(all);
    }

    /** The template cases; the number of them is reported by JUnit as the number of dynamic tests. */
    static List<Case> cases() {
        return List.of(
                // the common cases
                ps("{{.Names}}"), ps("table {{.Names}}\\t{{.Status}}"), ps("table {{lower .Names}}\\t{{upper .Image}}"),
                ps("{{title .Names}}"), ps("{{pad .Ports 1 1}}|{{.Names}}"), ps("{{json .Labels}} {{.Label \"tier\"}}"),
                ps("{{printf \"%s %d %v %q %5.2f %-10s| %t %U %*d %+v 100%%\" .Names 42 .State .Image 3.14159"
                        + " .State true 65 5 7 .Label}}"),
                ps("{{printf \"%x %T %T\" .State .Names 1.5}}"),
                ps("{{printf \"%d\" .Names}}"), ps("{{printf \"%s %s\" .Names}}"), ps("{{printf \"100%\"}}"),
                ps("{{truncate .Names .Names}}"), ps("{{pad .Names \"a\" 1}}"), ps("{{truncate .Names 4}}"),
                ps("{{.Foo}}"), ps("table {{.Foo}}"), ps("{{.Names"), ps("{{index .Names 0}}"),
                ps("{{json .}}"), ps("json"), ps("{{print 1 2}} {{print \"a\" \"b\"}} {{print .Names 3}}"),
                ps("{{index (split .Names \"-\") 1}}"), ps("{{range $i, $p := split .Names \"-\"}}{{$i}}:{{$p}} {{end}}"),
                ps("{{if eq .State \"running\"}}up{{else if eq .State \"exited\"}}down{{else}}?{{end}}"),
                ps("{{with .Ports}}P={{.}}{{else}}none{{end}}"),
                ps("{{define \"n\"}}<{{.}}>{{end}}{{template \"n\" .Names}} {{block \"b\" .State}}[{{.}}]{{end}}"),
                ps("{{$x := .Names}}{{$x = upper $x}}{{$x}}"),
                ps("{{lt 1 2}} {{le 2 2}} {{gt 3 1}} {{ge 1 2}} {{ne .State \"running\"}}"),
                ps("{{html \"<a&b>\"}} {{js \"it's\"}} {{urlquery \"a b&c\"}} {{slice .Names 0 3}}"),
                ps("{{\"\\u00e9\\x41\\t\" | printf \"%q\"}} {{`raw\\x`}} {{'a'}}"),
                ps("{{.Size}}"), ps("table {{.Names}}\\t{{.Size}}"), ps("{{.Mounts}}|{{.LocalVolumes}}|{{.Networks}}"),
                ps("{{.Platform}}|{{.Command}}|{{.Labels}}"), ps("table {{.Label \"com.example.my-tier\"}}\\t{{.Names}}"),
                ps("{{len .Names}} {{.Names | printf \"%s!\"}} {{and .Names .State}} {{or \"\" .State}} {{not .Ports}}"),
                ps("{{println .Names}}"), ps("{{.Names}}\\t{{.State}}"), ps("table {{json .Names}}\\t{{join (split .Names \"-\") \"+\"}}"),
                ps("{{range 2}}{{.}}{{end}} {{$.Names}} {{call .Names}}"),
                ps("{{eq .Names 1}}"), ps("{{nofunc .Names}}"), ps("{{.Names 1}}"), ps("raw"),
                cmd("ps", "-a", "-q", "--format", "{{.Foo}}", "-f", "name=" + P),
                // images
                images("{{.Repository}}:{{.Tag}} {{.Size}} {{.VirtualSize}} {{.SharedSize}} {{.UniqueSize}} {{.Containers}}"),
                images("{{json .}}"), images("table {{.Repository}}\\t{{.Digest}}\\t{{.ID}}"), images("{{.Foo}}"),
                images("{{.CreatedAt}} {{title .Repository}}"), images("table {{upper .Repository}}\\t{{.VirtualSize}}"), images("raw"),
                cmd("images", "-q", "--format", "{{.Repository}}", "busybox"),
                // inspect -f over the engine's JSON
                inspect("-web", "{{.State.Pid}} {{printf \"%d %T\" .State.Pid .State.Pid}} {{.State.Running}}"),
                inspect("-web", "{{.Nope}}"), inspect("-web", "{{.State.Nope}}"), inspect("-web", "{{json .Config.Env}}"),
                inspect("-web", "{{.Config.Env}}"), inspect("-web", "{{.HostConfig.RestartPolicy}}"),
                inspect("-web", "{{.NetworkSettings.Ports}}"), inspect("-web", "{{index .Config.Labels \"nope\"}}|"),
                inspect("-web", "{{range $k, $v := .Config.Labels}}{{$k}}={{$v}} {{end}}"),
                inspect("-web", "{{.State.Health}} {{json .State.Health}} {{join .Config.Cmd \" \"}}"),
                inspect("-web", "{{.Id"), inspect("-web", "{{truncate .Name 4}} {{.Config.ExposedPorts}}"),
                inspect("-web", "{{.Name}}\\t{{.State.Status}}"), inspect("-web", "{{.Mounts}}"),
                inspect("-box", "{{.Config.Entrypoint}} {{len .Config.Cmd}} {{.HostConfig.Binds}}"),
                cmd("inspect", "-f", "{{.Size}} {{.Os}}", "busybox"),
                // issue 19: a key missing from a map is <no value> in the CLI's typed pass
                inspect("-web", "{{.Config.Labels.nope}}|{{.Config.Labels.tier}}"),
                inspect("-web", "{{with .Config.Labels.nope}}{{.}}{{else}}none{{end}}"),
                inspect("-web", "{{.Config.Labels.nope}}{{.Config.Nope}}"),
                inspect("-web", "{{.NetworkSettings.Networks.nope}}"),
                cmd("network", "inspect", "-f", "{{.Options.nope}}|{{.Labels.nope}}", "bridge"),
                cmd("volume", "inspect", "-f", "{{.Labels.nope}}", "nosuchvolume-" + P),
                // version and info
                cmd("version", "--format", "{{.Server.Version}}"),
                cmd("version", "--format", "{{.Server.APIVersion}}|{{.Server.Os}}/{{.Server.Arch}}"),
                cmd("version", "--format", "{{.Foo}}"), cmd("version", "--format", "{{.Server"),
                cmd("version", "--format", "{{json .Server.Components}}"),
                cmd("info", "--format", "{{.ServerVersion}} {{.Driver}}"), cmd("info", "--format", "{{.Foo}}"),
                cmd("info", "--format", "{{json .Plugins.Volume}} {{.Swarm.LocalNodeState}}"), cmd("info", "--format", "{{.Name"));
    }

    @TestFactory
    Stream<DynamicTest> sameTemplatesAsTheDockerCli() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.cell(), () -> {
            String[] cli = viaCli(c.argv());
            String[] kernel = viaKernel(c.cell());
            assertEquals(normalize(cli[0]), normalize(kernel[0]), "stdout of " + c.cell());
            assertEquals(normalize(cli[1]).strip(), normalize(kernel[1]).strip(), "stderr of " + c.cell());
            assertEquals(cli[2], kernel[2], "exit status of " + c.cell());
        }));
    }
}
