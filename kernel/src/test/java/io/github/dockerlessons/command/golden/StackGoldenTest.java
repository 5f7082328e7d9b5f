package io.github.dockerlessons.command.golden;

import io.github.dockerlessons.engine.FakeDaemon;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * docker stack deploy/ls/ps/services/rm against a fake daemon (golden/stack-*.golden). A deploy's
 * golden file also holds the requests it made (networks, secrets, configs and services created or
 * updated, with their specs), so what swarm is asked for is reviewed with the words printed.
 */
class StackGoldenTest {
    private static final String WEB = """
            {"ID":"webid0000000000000000000a","Version":{"Index":30},
             "Spec":{"Name":"shop_web","Labels":{"com.docker.stack.image":"busybox","com.docker.stack.namespace":"shop"},
              "TaskTemplate":{"ContainerSpec":{"Image":"busybox:latest"},"ForceUpdate":2},"Mode":{"Replicated":{"Replicas":2}}},
             "ServiceStatus":{"RunningTasks":2,"DesiredTasks":2}}""";
    private static final String CACHE = """
            {"ID":"cacheid00000000000000000a","Version":{"Index":31},
             "Spec":{"Name":"shop_cache","Labels":{"com.docker.stack.image":"redis","com.docker.stack.namespace":"shop"},
              "TaskTemplate":{"ContainerSpec":{"Image":"redis:latest"}},"Mode":{"Global":{}}},
             "ServiceStatus":{"RunningTasks":1,"DesiredTasks":2}}""";
    private static final String OTHER = """
            {"ID":"otherid00000000000000000a","Version":{"Index":32},
             "Spec":{"Name":"blog_app","Labels":{"com.docker.stack.namespace":"blog"},
              "TaskTemplate":{"ContainerSpec":{"Image":"nginx:latest"}},"Mode":{"Replicated":{"Replicas":1}}}}""";
    private static final String TASKS = """
            [{"ID":"t3rocezf5llcsoaux43lwcl8i","CreatedAt":"2024-12-06T01:50:10Z","ServiceID":"webid0000000000000000000a",
              "Slot":1,"NodeID":"n1","Spec":{"ContainerSpec":{"Image":"busybox:latest"}},
              "Status":{"Timestamp":"2024-12-06T01:59:00Z","State":"running"},"DesiredState":"running"}]""";

    private static Path folder() throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "golden-stacks"));
        return Files.createTempDirectory(dir, "stack").toAbsolutePath();
    }

    /** A daemon whose swarm has the stacks shop (web, cache) and blog, or none with {@code empty}. */
    private static FakeDaemon daemon(boolean empty) {
        return new FakeDaemon()
                .on("GET", "/info", FakeDaemon.json(200, "{\"Swarm\":{\"NodeID\":\"n1\",\"ControlAvailable\":true}}"))
                .on("GET", "/distribution/*", FakeDaemon.error(500, "Get \"https://registry-1.docker.io/v2/\": dial tcp: "
                        + "lookup registry-1.docker.io: no such host"))
                .on("GET", "/services", request -> FakeDaemon.json(200, empty ? "[]"
                        : request.query().contains("shop") ? "[" + WEB + "," + CACHE + "]"
                        : request.query().contains("nothing") ? "[]" : "[" + WEB + "," + CACHE + "," + OTHER + "]"))
                .on("GET", "/services/webid0000000000000000000a", FakeDaemon.json(200, WEB))
                .on("GET", "/networks", request -> FakeDaemon.json(200, empty || !request.query().contains("shop") ? "[]"
                        : "[{\"Name\":\"shop_default\",\"Id\":\"net0\"}]"))
                .on("POST", "/networks/create", FakeDaemon.json(201, "{\"Id\":\"net1\"}"))
                .on("GET", "/secrets", request -> FakeDaemon.json(200, empty || !request.query().contains("shop") ? "[]"
                        : "[{\"ID\":\"sec0\",\"Version\":{\"Index\":3},\"Spec\":{\"Name\":\"shop_password\"}}]"))
                .on("POST", "/secrets/create", FakeDaemon.json(201, "{\"ID\":\"sec1\"}"))
                .on("POST", "/secrets/*/update", FakeDaemon.json(200, ""))
                .on("GET", "/configs", FakeDaemon.json(200, "[]"))
                .on("POST", "/configs/create", FakeDaemon.json(201, "{\"ID\":\"cfg1\"}"))
                .on("POST", "/services/create", FakeDaemon.json(201, "{\"ID\":\"newid0000000000000000000a\"}"))
                .on("POST", "/services/*/update", FakeDaemon.json(200, "{\"Warnings\":null}"))
                .on("GET", "/tasks", request -> FakeDaemon.json(200, request.query().contains("shop") ? TASKS : "[]"))
                .on("GET", "/nodes/n1", FakeDaemon.json(200, "{\"ID\":\"n1\",\"Description\":{\"Hostname\":\"node1\"}}"))
                .on("DELETE", "/services/*", FakeDaemon.json(200, ""))
                .on("DELETE", "/secrets/*", FakeDaemon.json(200, ""))
                .on("DELETE", "/networks/*", FakeDaemon.json(200, ""));
    }

    private static final String FILE = """
            services:
              web:
                image: busybox
                build: .
                command: ["httpd", "-f"]
                ports:
                  - "8080:80"
                environment:
                  B: "2"
                  A: "1"
                secrets:
                  - password
                configs:
                  - source: site
                    target: /etc/site.conf
                healthcheck:
                  test: ["CMD", "true"]
                  interval: 5s
                restart: always
                container_name: web
                deploy:
                  replicas: 2
                  labels:
                    tier: front
                  placement:
                    constraints: [node.role == worker]
                  resources:
                    limits: {cpus: "0.5", memory: 64M}
                    reservations: {cpus: "0.25", memory: 32M}
                  update_config: {parallelism: 2, delay: 10s, order: start-first}
                  rollback_config: {parallelism: 1, failure_action: pause}
                  restart_policy: {condition: on-failure, max_attempts: 3}
              cache:
                image: redis
                networks: [back]
                volumes:
                  - data:/data
                deploy:
                  mode: global
            networks:
              back: {}
            volumes:
              data: {}
            secrets:
              password:
                file: ./password.txt
            configs:
              site:
                file: ./site.conf
            """;

    /** The transcript, then each request that changed the swarm with its body. */
    private static String withRequests(FakeDaemon daemon, CommandRun run) {
        return run.transcript() + "--- requests\n" + daemon.requests().stream()
                .filter(r -> !r.method().equals("GET"))
                .map(r -> r.method() + " " + r.path() + (r.query().isEmpty() ? "" : "?" + r.query()) + "\n" + r.body())
                .collect(Collectors.joining("\n")) + "\n";
    }

    @Test
    void deployCreatesThenUpdates() throws Exception {
        Path dir = folder();
        Files.writeString(dir.resolve("stack.yml"), FILE, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("password.txt"), "s3cret\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("site.conf"), "port=80\n", StandardCharsets.UTF_8);
        String file = dir.resolve("stack.yml").toString();
        FakeDaemon fresh = daemon(true);
        Golden.assertMatches("stack-deploy-create", withRequests(fresh, CommandRun.run(fresh, "stack", "deploy", "-c", file,
                "shop")));
        FakeDaemon deployed = daemon(false);
        Golden.assertMatches("stack-deploy-update", withRequests(deployed, CommandRun.run(deployed, "stack", "deploy",
                "--detach=true", "-c", file, "shop")));
    }

    @Test
    void deployRefusals() throws Exception {
        Path dir = folder();
        Files.writeString(dir.resolve("named.yml"), "name: app\nservices:\n  web:\n    image: busybox\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("built.yml"), "services:\n  web:\n    build: .\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("global.yml"), "services:\n  web:\n    image: busybox\n    deploy:\n"
                + "      mode: global\n      replicas: 2\n", StandardCharsets.UTF_8);
        check("stack-deploy-no-file", daemon(true), "stack", "deploy", "shop");
        check("stack-deploy-top-level-name", daemon(true), "stack", "deploy", "-c", dir.resolve("named.yml").toString(),
                "shop");
        check("stack-deploy-no-image", daemon(true), "stack", "deploy", "-c", dir.resolve("built.yml").toString(), "shop");
        check("stack-deploy-global-replicas", daemon(true), "stack", "deploy", "-d", "-c",
                dir.resolve("global.yml").toString(), "shop");
        check("stack-deploy-bad-name", daemon(true), "stack", "deploy", "-c", dir.resolve("built.yml").toString(), "' '");
        FakeDaemon worker = new FakeDaemon().on("GET", "/info", FakeDaemon.json(200, "{\"Swarm\":{\"ControlAvailable\":false}}"));
        check("stack-deploy-not-manager", worker, "stack", "deploy", "-d", "-c", dir.resolve("global.yml").toString(),
                "shop");
    }

    @Test
    void listings() throws Exception {
        check("stack-ls-table", daemon(false), "stack", "ls");
        check("stack-ls-format", daemon(false), "stack", "ls", "--format", "{{.Name}}: {{.Services}}");
        check("stack-services-table", daemon(false), "stack", "services", "shop");
        check("stack-services-quiet", daemon(false), "stack", "services", "-q", "shop");
        check("stack-services-nothing", daemon(false), "stack", "services", "nothing");
        check("stack-ps-table", daemon(false), "stack", "ps", "shop");
        check("stack-ps-no-trunc-format", daemon(false), "stack", "ps", "--no-trunc", "--format", "{{.ID}} {{.Name}}", "shop");
        check("stack-ps-nothing", daemon(false), "stack", "ps", "nothing");
    }

    @Test
    void remove() throws Exception {
        FakeDaemon daemon = daemon(false);
        Golden.assertMatches("stack-rm", withRequests(daemon, CommandRun.run(daemon, "stack", "rm", "shop", "nothing")));
    }

    private static void check(String golden, FakeDaemon daemon, String... argv) throws Exception {
        Golden.assertMatches(golden, CommandRun.run(daemon, argv).transcript());
    }
}
