package io.github.dockerlessons.command.golden;

import io.github.dockerlessons.engine.FakeDaemon;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * info, login, logout and the six context commands against a fake daemon, each in a fresh home under
 * target/ whose .docker folder is the docker config folder (never ~/.docker); that home's path reads
 * as /home/user in the golden files (golden/{info,login,logout,context-*}-*.golden).
 */
class RegistryContextGoldenTest {
    static final String INFO = """
            {"ID":"7d1c2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f","Containers":3,"ContainersRunning":1,"ContainersPaused":0,
             "ContainersStopped":2,"Images":5,"Driver":"overlay2","LoggingDriver":"json-file","CgroupDriver":"systemd",
             "CgroupVersion":"2","KernelVersion":"6.1.0-28-amd64","OperatingSystem":"Debian GNU/Linux 12 (bookworm)",
             "OSType":"linux","Architecture":"x86_64","NCPU":2,"MemTotal":4109369344,"Name":"lesson-host",
             "DockerRootDir":"/var/lib/docker","ServerVersion":"28.2.2"}""";
    static final String WRONG_PASSWORD = "Get \"https://registry-1.docker.io/v2/\": unauthorized: incorrect username or password";

    private static FakeDaemon daemon() {
        return new FakeDaemon()
                .on("GET", "/info", FakeDaemon.json(200, INFO))
                .on("POST", "/auth", request -> request.body().contains("\"password\":\"wrong\"")
                        ? FakeDaemon.error(401, WRONG_PASSWORD)
                        : FakeDaemon.json(200, "{\"Status\":\"Login Succeeded\",\"IdentityToken\":\"\"}"));
    }

    /** Runs in {@code home} with no DOCKER_HOST (so the context commands follow the config folder). */
    private static CommandRun run(Path home, byte[] stdin, String... argv) throws Exception {
        return CommandRun.run(daemon(), Map.of(), home, stdin, argv);
    }

    private static void check(Path home, String golden, String... argv) throws Exception {
        check(home, null, golden, argv);
    }

    private static void check(Path home, byte[] stdin, String golden, String... argv) throws Exception {
        Golden.assertMatches(golden, run(home, stdin, argv).transcript().replace(home.toString(), "/home/user"));
    }

    @Test
    void info() throws Exception {
        Path home = CommandRun.freshHome();
        check(home, "info-format", "info", "--format", "{{.ServerVersion}} {{.NCPU}} {{.Name}}");
        check(home, "info-server", "system", "info");
        Golden.assertMatches("info-refused", CommandRun.run(new FakeDaemon().on("GET", "/info",
                FakeDaemon.error(500, "failed to get info: context deadline exceeded")), "info").transcript());
    }

    @Test
    void loginAndLogout() throws Exception {
        Path home = CommandRun.freshHome();
        Path config = home.resolve(".docker/config.json");
        check(home, "login-no-tty", "login");
        check(home, "login-wrong-password", "login", "-u", "learner", "-p", "wrong");
        assertFalse(Files.exists(config), "a refused login stores nothing");
        check(home, "secret\n".getBytes(StandardCharsets.UTF_8), "login-password-stdin",
                "login", "-u", "learner", "--password-stdin", "localhost:5000");
        assertTrue(Files.readString(config).contains("\"localhost:5000\""), Files.readString(config));
        check(home, "login-existing-credentials", "login", "localhost:5000");
        check(home, "logout-registry", "logout", "localhost:5000");
        assertFalse(Files.readString(config).contains("localhost:5000"), Files.readString(config));
        check(home, "logout-hub", "logout");
    }

    @Test
    void contexts() throws Exception {
        Path home = CommandRun.freshHome();
        check(home, "context-show-default", "context", "show");
        check(home, "context-create", "context", "create", "lab", "--description", "the lab's engine",
                "--docker", "host=tcp://10.0.0.5:2375");
        check(home, "context-create-exists", "context", "create", "lab", "--docker", "host=tcp://10.0.0.6:2375");
        check(home, "context-use", "context", "use", "lab");
        check(home, "context-show-lab", "context", "show");
        check(home, "context-ls", "context", "ls");
        check(home, "context-ls-format", "context", "ls", "--format", "{{.Name}} {{.Current}} {{.DockerEndpoint}}");
        check(home, "context-inspect", "context", "inspect", "lab");
        check(home, "context-inspect-missing", "context", "inspect", "nope");
        check(home, "context-use-missing", "context", "use", "nope");
        check(home, "context-rm-current", "context", "rm", "lab");
        check(home, "context-use-default", "context", "use", "default");
        check(home, "context-rm", "context", "rm", "lab");
        check(home, "context-rm-missing", "context", "rm", "lab");
    }
}
