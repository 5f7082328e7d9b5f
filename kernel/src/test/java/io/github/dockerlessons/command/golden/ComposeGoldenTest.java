package io.github.dockerlessons.command.golden;

import io.github.dockerlessons.engine.FakeDaemon;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Compose commands against a fake daemon that holds project "demo": one service "web" (nginx,
 * port 8080) with its container demo-web-1 running, and a service "app" built from ./app
 * (golden/compose-*.golden). The project's files live under target/golden-files/compose, which reads
 * as /notebook/... in the golden files. Each command has a case where the engine refuses.
 */
class ComposeGoldenTest {
    static final Path DIR = Path.of("target", "golden-files", "compose").toAbsolutePath();
    static final String ID = "c0ffee0000111122223333444455556666777788889999aaaabbbbccccdddd0001";
    static final String IMAGE_ID = "sha256:af4709625109a5d2c4a1b8e9f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3";
    static final String LABELS = """
            {"com.docker.compose.project":"demo","com.docker.compose.service":"web",
             "com.docker.compose.container-number":"1","com.docker.compose.oneoff":"False",
             "com.docker.compose.project.working_dir":"%s","com.docker.compose.config-hash":"0000"}""";
    static final String CONTAINER = """
            {"Id":"%s","Names":["/demo-web-1"],"Image":"nginx:alpine","ImageID":"%s",
             "Command":"/docker-entrypoint.sh nginx -g 'daemon off;'","Created":1733450100,
             "Ports":[{"IP":"0.0.0.0","PrivatePort":80,"PublicPort":8080,"Type":"tcp"}],
             "Labels":%s,"State":"running","Status":"Up 5 minutes",
             "NetworkSettings":{"Networks":{"demo_default":{"NetworkID":"n1"}}}}""";
    static final String INSPECT = """
            {"Id":"%s","Name":"/demo-web-1","Image":"%s","Created":"2024-12-06T01:55:00Z",
             "Config":{"Image":"nginx:alpine","Tty":false,"OpenStdin":false,"Labels":%s},
             "State":{"Status":"running","Running":true,"ExitCode":0,"StartedAt":"2024-12-06T01:55:01Z"},
             "HostConfig":{"NetworkMode":"demo_default"},
             "NetworkSettings":{"Networks":{"demo_default":{"NetworkID":"n1","Aliases":["web"]}}}}""";

    @BeforeAll
    static void files() throws IOException {
        Files.createDirectories(DIR.resolve("app"));
        Files.writeString(DIR.resolve("compose.yaml"), """
                services:
                  web:
                    image: nginx:alpine
                    ports:
                      - "8080:80"
                """);
        Files.writeString(DIR.resolve("build.yaml"), """
                services:
                  app:
                    build: ./app
                    image: demo-app:1.0
                """);
        Files.writeString(DIR.resolve("app/Dockerfile"), "FROM busybox\nCMD [\"echo\", \"hi\"]\n");
        Files.writeString(DIR.resolve("broken.yaml"), "services:\n  web:\n    image: nginx\n    ports: 80\n    colour: blue\n");
    }

    static String labels() {
        return LABELS.formatted(DIR.toString());
    }

    /**
     * The daemon that holds project demo, its container {@code state} ("running", "exited", or "none"
     * for no container); {@code refuse} names what it refuses ("" for nothing).
     */
    static FakeDaemon daemon(String refuse, String state) {
        boolean running = state.equals("running");
        String container = CONTAINER.formatted(ID, IMAGE_ID, labels())
                .replace("\"State\":\"running\",\"Status\":\"Up 5 minutes\"",
                        running ? "\"State\":\"running\",\"Status\":\"Up 5 minutes\""
                                : "\"State\":\"exited\",\"Status\":\"Exited (0) 2 minutes ago\"");
        String inspect = INSPECT.formatted(ID, IMAGE_ID, labels())
                .replace("\"Status\":\"running\",\"Running\":true", running ? "\"Status\":\"running\",\"Running\":true"
                        : "\"Status\":\"exited\",\"Running\":false");
        FakeDaemon daemon = new FakeDaemon()
                .on("GET", "/containers/json", FakeDaemon.json(200, state.equals("none") ? "[]" : "[" + container + "]"))
                .on("GET", "/containers/*/json", FakeDaemon.json(200, inspect))
                .on("GET", "/networks", FakeDaemon.json(200, "[{\"Name\":\"demo_default\",\"Id\":\"n1\",\"Driver\":\"bridge\","
                        + "\"Labels\":{\"com.docker.compose.project\":\"demo\",\"com.docker.compose.network\":\"default\"}}]"))
                .on("GET", "/networks/*", FakeDaemon.json(200, "{\"Name\":\"demo_default\",\"Id\":\"n1\",\"Driver\":\"bridge\","
                        + "\"Labels\":{\"com.docker.compose.project\":\"demo\",\"com.docker.compose.network\":\"default\"}}"))
                .on("POST", "/networks/create", FakeDaemon.json(201, "{\"Id\":\"n1\",\"Warning\":\"\"}"))
                .on("DELETE", "/networks/*", FakeDaemon.noContent())
                .on("GET", "/volumes", FakeDaemon.json(200, "{\"Volumes\":[],\"Warnings\":null}"))
                .on("GET", "/images/*/json", FakeDaemon.json(200, "{\"Id\":\"" + IMAGE_ID + "\",\"RepoTags\":[\"nginx:alpine\"],"
                        + "\"Config\":{}}"))
                .on("POST", "/containers/create", FakeDaemon.json(201, "{\"Id\":\"" + ID + "\",\"Warnings\":[]}"))
                .on("POST", "/containers/*/start", FakeDaemon.noContent())
                .on("POST", "/containers/*/stop", FakeDaemon.noContent())
                .on("POST", "/containers/*/restart", FakeDaemon.noContent())
                .on("POST", "/containers/*/kill", FakeDaemon.noContent())
                .on("POST", "/containers/*/wait", FakeDaemon.json(200, "{\"StatusCode\":0}"))
                .on("DELETE", "/containers/*", FakeDaemon.noContent())
                .on("GET", "/containers/*/logs", FakeDaemon.bytes(200, "application/vnd.docker.multiplexed-stream",
                        InspectRmiLogsVersionGoldenTest.frames(1, "nginx: ready\n", 2, "GET / 200\n")))
                .on("POST", "/containers/*/exec", FakeDaemon.json(201, "{\"Id\":\"e1\"}"))
                .on("POST", "/exec/*/start", FakeDaemon.bytes(200, "application/vnd.docker.multiplexed-stream",
                        InspectRmiLogsVersionGoldenTest.frames(1, "hello from web\n")))
                .on("GET", "/exec/*/json", FakeDaemon.json(200, "{\"ID\":\"e1\",\"Running\":false,\"ExitCode\":0}"))
                .on("POST", "/containers/*/attach", FakeDaemon.bytes(200, "application/vnd.docker.multiplexed-stream",
                        InspectRmiLogsVersionGoldenTest.frames(1, "one-off says hi\n")))
                .on("POST", "/images/create", FakeDaemon.json(200, """
                        {"status":"Pulling from library/nginx","id":"alpine"}
                        {"status":"Pull complete","progressDetail":{},"id":"a46fbb00284b"}
                        {"status":"Digest: sha256:2919d0172f7524b2d8df9e50066a682669e6d170ac0f6a49676d54358fe970b5"}
                        {"status":"Status: Downloaded newer image for nginx:alpine"}
                        """))
                .on("POST", "/build", FakeDaemon.json(200, """
                        {"stream":"Step 1/2 : FROM busybox\\n"}
                        {"stream":"Step 2/2 : CMD [\\"echo\\", \\"hi\\"]\\n"}
                        {"id":"moby.image.id","aux":{"ID":"%s"}}
                        {"stream":"Successfully built af4709625109\\n"}
                        {"stream":"Successfully tagged demo-app:1.0\\n"}
                        """.formatted(IMAGE_ID)));
        switch (refuse) {
            case "list" -> daemon.on("GET", "/containers/json", FakeDaemon.error(500, "an engine in trouble"));
            case "start" -> daemon.on("POST", "/containers/*/start", FakeDaemon.error(500,
                    "driver failed programming external connectivity on endpoint demo-web-1: "
                            + "Bind for 0.0.0.0:8080 failed: port is already allocated"));
            case "stop" -> daemon.on("POST", "/containers/*/stop", FakeDaemon.error(500, "cannot stop container: permission denied"));
            case "restart" -> daemon.on("POST", "/containers/*/restart", FakeDaemon.error(500, "cannot restart container: permission denied"));
            case "remove" -> daemon.on("DELETE", "/containers/*", FakeDaemon.error(409,
                    "removal of container " + ID + " is already in progress"));
            case "logs" -> daemon.on("GET", "/containers/*/logs", FakeDaemon.error(500, "configured logging driver does not support reading"));
            case "pull" -> daemon.on("POST", "/images/create", FakeDaemon.error(404,
                    "pull access denied for nginx, repository does not exist or may require 'docker login'"));
            case "build" -> daemon.on("POST", "/build", FakeDaemon.json(200, """
                    {"stream":"Step 1/2 : FROM busybox\\n"}
                    {"errorDetail":{"message":"pull access denied for busybox"},"error":"pull access denied for busybox"}
                    """));
            case "exec" -> daemon.on("POST", "/containers/*/exec", FakeDaemon.error(409, "container " + ID + " is not running"));
            case "create" -> daemon.on("POST", "/containers/create", FakeDaemon.error(409,
                    "Conflict. The container name \"/demo-web-run-1\" is already in use"));
            case "" -> { }
            default -> throw new IllegalArgumentException(refuse);
        }
        return daemon;
    }

    private static void check(String golden, String refuse, String file, String... argv) throws Exception {
        checkIn("running", golden, refuse, file, argv);
    }

    private static void checkIn(String state, String golden, String refuse, String file, String... argv)
            throws Exception {
        java.util.List<String> line = new java.util.ArrayList<>(java.util.List.of("compose", "-f",
                DIR.resolve(file).toString(), "-p", "demo"));
        line.addAll(java.util.List.of(argv));
        CommandRun run = CommandRun.run(daemon(refuse, state), line.toArray(String[]::new));
        Golden.assertMatches(golden, run.transcript().replace(DIR.toString(), "/notebook"));
    }

    @Test
    void config() throws Exception {
        check("compose-config", "", "compose.yaml", "config");
        check("compose-config-services", "", "compose.yaml", "config", "--services");
        check("compose-config-invalid", "", "broken.yaml", "config");
    }

    @Test
    void ps() throws Exception {
        check("compose-ps", "", "compose.yaml", "ps");
        check("compose-ps-quiet", "", "compose.yaml", "ps", "-q");
        check("compose-ps-refused", "list", "compose.yaml", "ps");
        checkIn("none", "compose-ps-empty", "", "compose.yaml", "ps"); // after create: the headers, no <no value>
    }

    @Test
    void up() throws Exception {
        checkIn("none", "compose-up-detached", "", "compose.yaml", "up", "-d");
        checkIn("running", "compose-up-recreate", "", "compose.yaml", "up", "-d");
        checkIn("none", "compose-up-port-taken", "start", "compose.yaml", "up", "-d");
    }

    @Test
    void down() throws Exception {
        check("compose-down", "", "compose.yaml", "down");
        check("compose-down-refused", "remove", "compose.yaml", "down");
    }

    @Test
    void startStopRestart() throws Exception {
        checkIn("exited", "compose-start", "", "compose.yaml", "start");
        checkIn("exited", "compose-start-refused", "start", "compose.yaml", "start");
        check("compose-stop", "", "compose.yaml", "stop");
        check("compose-stop-refused", "stop", "compose.yaml", "stop");
        check("compose-restart", "", "compose.yaml", "restart");
        check("compose-restart-refused", "restart", "compose.yaml", "restart");
    }

    @Test
    void logs() throws Exception {
        check("compose-logs", "", "compose.yaml", "logs", "--no-color");
        check("compose-logs-refused", "logs", "compose.yaml", "logs", "--no-color");
    }

    @Test
    void exec() throws Exception {
        check("compose-exec", "", "compose.yaml", "exec", "web", "echo", "hello from web");
        check("compose-exec-refused", "exec", "compose.yaml", "exec", "web", "true");
        check("compose-exec-no-service", "", "compose.yaml", "exec", "db", "true");
    }

    @Test
    void run() throws Exception {
        check("compose-run", "", "compose.yaml", "run", "--rm", "web", "echo", "one-off says hi");
        check("compose-run-refused", "create", "compose.yaml", "run", "--rm", "web", "true");
        checkIn("exited", "compose-run-detached", "", "compose.yaml", "run", "-d", "--name", "job", "web");
    }

    @Test
    void pull() throws Exception {
        check("compose-pull", "", "compose.yaml", "pull");
        check("compose-pull-refused", "pull", "compose.yaml", "pull");
    }

    @Test
    void build() throws Exception {
        check("compose-build", "", "build.yaml", "build");
        check("compose-build-refused", "build", "build.yaml", "build");
    }
}
