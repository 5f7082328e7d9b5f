package io.github.dockerlessons.command.golden;

import io.github.dockerlessons.engine.FakeDaemon;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * docker service create/ls/ps/inspect/scale/update/rollback/rm and docker secret/config
 * create/ls/inspect/rm against a fake daemon (golden/service-*.golden, secret-*, config-*). The
 * progress display of create and update is kept in the transcript's displays, checked apart.
 */
class ServiceSecretConfigGoldenTest {
    static final String SERVICE_ID = "twa628zbtqbx2xtvq8mn192bp";
    static final String SERVICE = """
            {"ID":"%s","Version":{"Index":21},"CreatedAt":"2024-12-06T01:50:00Z",
             "Spec":{"Name":"web","Labels":{},"TaskTemplate":{"ContainerSpec":{"Image":"busybox:latest","Args":["sleep","600"]}},
              "Mode":{"Replicated":{"Replicas":2}},"UpdateConfig":{"Parallelism":1,"Monitor":1}},
             "Endpoint":{"Ports":[{"Protocol":"tcp","TargetPort":80,"PublishedPort":8080,"PublishMode":"ingress"},
              {"Protocol":"tcp","TargetPort":81,"PublishedPort":8081,"PublishMode":"ingress"},
              {"Protocol":"udp","TargetPort":53,"PublishedPort":5353,"PublishMode":"ingress"}]},
             "ServiceStatus":{"RunningTasks":2,"DesiredTasks":2}}""".formatted(SERVICE_ID);
    static final String GLOBAL = """
            {"ID":"zjz3fn8027pic1fmzis65k5k0","Version":{"Index":30},
             "Spec":{"Name":"agent","TaskTemplate":{"ContainerSpec":{"Image":"redis:7@sha256:abcdef"}},"Mode":{"Global":{}}},
             "ServiceStatus":{"RunningTasks":1,"DesiredTasks":3}}""";
    static final String TASKS = """
            [{"ID":"t3rocezf5llcsoaux43lwcl8i","CreatedAt":"2024-12-06T01:50:10Z","ServiceID":"%1$s","Slot":1,
              "NodeID":"n1","Spec":{"ContainerSpec":{"Image":"busybox:latest"}},
              "Status":{"Timestamp":"2024-12-06T01:59:00Z","State":"running"},"DesiredState":"running"},
             {"ID":"lzl4xv2ihcqtarrdfm3f7givp","CreatedAt":"2024-12-06T01:50:10Z","ServiceID":"%1$s","Slot":2,
              "NodeID":"n2","Spec":{"ContainerSpec":{"Image":"busybox:latest"}},
              "Status":{"Timestamp":"2024-12-06T01:58:00Z","State":"running"},"DesiredState":"running"}]"""
            .formatted(SERVICE_ID);
    static final String SECRETS = """
            [{"ID":"tdrz0e5z4xex7roz8mnqkv9ko","CreatedAt":"2024-12-06T01:55:00Z","UpdatedAt":"2024-12-06T01:55:00Z",
              "Spec":{"Name":"db-password","Labels":{"lesson":"13"}}},
             {"ID":"abrz0e5z4xex7roz8mnqkv9ko","CreatedAt":"2024-12-04T01:55:00Z","UpdatedAt":"2024-12-05T01:55:00Z",
              "Spec":{"Name":"api-key","Labels":{}}}]""";

    private static FakeDaemon daemon() {
        return new FakeDaemon()
                .on("GET", "/distribution/*", FakeDaemon.error(500, "Get \"https://registry-1.docker.io/v2/\": dial tcp: "
                        + "lookup registry-1.docker.io: no such host"))
                .on("POST", "/services/create", request -> request.body().contains("\"Name\":\"taken\"")
                        ? FakeDaemon.error(409, "rpc error: code = AlreadyExists desc = name conflicts with an existing object: "
                        + "service taken already exists")
                        : FakeDaemon.json(201, "{\"ID\":\"" + SERVICE_ID + "\"}"))
                .on("GET", "/services", FakeDaemon.json(200, "[" + SERVICE + "," + GLOBAL + "]"))
                .on("GET", "/services/web", FakeDaemon.json(200, SERVICE))
                .on("GET", "/services/" + SERVICE_ID, FakeDaemon.json(200, SERVICE))
                .on("GET", "/services/agent", FakeDaemon.json(200, GLOBAL))
                .on("GET", "/services/nope", FakeDaemon.error(404, "service nope not found"))
                .on("POST", "/services/*/update", FakeDaemon.json(200, "{\"Warnings\":null}"))
                .on("DELETE", "/services/web", FakeDaemon.json(200, ""))
                .on("DELETE", "/services/nope", FakeDaemon.error(404, "service nope not found"))
                .on("GET", "/tasks", FakeDaemon.json(200, TASKS))
                .on("GET", "/nodes/n1", FakeDaemon.json(200, "{\"ID\":\"n1\",\"Description\":{\"Hostname\":\"node1\"}}"))
                .on("GET", "/nodes/n2", FakeDaemon.json(200, "{\"ID\":\"n2\",\"Description\":{\"Hostname\":\"node2\"}}"))
                .on("POST", "/secrets/create", request -> FakeDaemon.json(201, "{\"ID\":\"tdrz0e5z4xex7roz8mnqkv9ko\"}"))
                .on("POST", "/configs/create", request -> FakeDaemon.json(201, "{\"ID\":\"ievhhu1pgsqf8pfiejnxrpezo\"}"))
                .on("GET", "/secrets", FakeDaemon.json(200, SECRETS))
                .on("GET", "/configs", FakeDaemon.json(200, SECRETS))
                .on("GET", "/secrets/db-password", FakeDaemon.json(200, "{\"ID\":\"tdrz0e5z4xex7roz8mnqkv9ko\",\"Spec\":{\"Name\":\"db-password\"}}"))
                .on("GET", "/secrets/nope", FakeDaemon.error(404, "secret nope not found"))
                .on("GET", "/configs/app", FakeDaemon.json(200, "{\"ID\":\"ievhhu1pgsqf8pfiejnxrpezo\",\"Spec\":{\"Name\":\"app\"}}"))
                .on("DELETE", "/secrets/db-password", FakeDaemon.json(200, ""))
                .on("DELETE", "/secrets/nope", FakeDaemon.error(404, "secret nope not found"))
                .on("DELETE", "/configs/app", FakeDaemon.json(200, ""));
    }

    private static void check(String golden, String... argv) throws Exception {
        Golden.assertMatches(golden, CommandRun.run(daemon(), argv).transcript());
    }

    @Test
    void serviceCreate() throws Exception {
        check("service-create-detached", "service", "create", "-d", "--name", "web", "--replicas", "2", "-p", "8080:80",
                "-e", "A=1", "--mount", "type=volume,source=data,target=/data", "--constraint", "node.role==worker",
                "--update-delay", "10s", "--limit-memory", "64m", "--limit-cpu", "0.5", "--health-cmd", "true", "busybox",
                "sleep", "600");
        check("service-create-taken", "service", "create", "-d", "--name", "taken", "busybox");
        check("service-create-bad-replicas", "service", "create", "--replicas", "two", "busybox");
        check("service-create-global-replicas", "service", "create", "--mode", "global", "--replicas", "2", "busybox");
        check("service-create-bad-delay", "service", "create", "--update-delay", "soon", "busybox");
    }

    @Test
    void serviceCreateFollowsTheTasks() throws Exception {
        CommandRun run = CommandRun.run(daemon(), "service", "create", "--name", "web", "--replicas", "2", "busybox");
        Golden.assertMatches("service-create-progress", run.transcript() + "--- display\n" + run.displays);
    }

    @Test
    void serviceLsPsInspect() throws Exception {
        check("service-ls-table", "service", "ls");
        check("service-ls-quiet", "service", "ls", "-q");
        check("service-ls-json", "service", "ls", "--format", "json");
        check("service-ps-table", "service", "ps", "web");
        check("service-ps-missing", "service", "ps", "nope");
        check("service-ps-quiet-whole-ids", "service", "ps", "-q", "web");
        check("service-inspect-format", "service", "inspect", "-f", "{{.Spec.Name}} {{.ID}}", "web", "nope");
    }

    @Test
    void serviceScaleUpdateRollbackRm() throws Exception {
        check("service-scale", "service", "scale", "-d", "web=3", "agent=2");
        check("service-scale-bad", "service", "scale", "web");
        check("service-update-image", "service", "update", "-d", "--image", "busybox:1.36", "--env-add", "B=2", "web");
        check("service-update-missing", "service", "update", "--replicas", "3", "nope");
        check("service-rollback", "service", "rollback", "-d", "web");
        check("service-rm", "service", "rm", "web", "nope");
    }

    /** stdcopy frames of the engine's service logs with details, as a 20.10 engine sends them. */
    static byte[] logFrames() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        String[][] lines = {
            {"1", "t3rocezf5llcsoaux43lwcl8i", "n1", "hello from one\n"},
            {"2", "lzl4xv2ihcqtarrdfm3f7givp", "n2", "oops on two\n"},
            {"1", "lzl4xv2ihcqtarrdfm3f7givp", "n2", "bye from two\n"}};
        for (String[] line : lines) {
            byte[] payload = ("com.docker.swarm.node.id=" + line[2] + ",com.docker.swarm.service.id=" + SERVICE_ID
                    + ",com.docker.swarm.task.id=" + line[1] + " " + line[3]).getBytes(StandardCharsets.UTF_8);
            out.write(Integer.parseInt(line[0]));
            out.writeBytes(new byte[] {0, 0, 0, 0, 0, (byte) (payload.length >> 8), (byte) payload.length});
            out.writeBytes(payload);
        }
        return out.toByteArray();
    }

    @Test
    void serviceLogs() throws Exception {
        FakeDaemon daemon = daemon()
                .on("GET", "/services/web/logs", FakeDaemon.bytes(200, "application/vnd.docker.multiplexed-stream", logFrames()))
                .on("GET", "/tasks/t3rocezf5llcsoaux43lwcl8i", FakeDaemon.json(200, "{\"ID\":\"t3rocezf5llcsoaux43lwcl8i\",\"Slot\":1}"))
                .on("GET", "/tasks/lzl4xv2ihcqtarrdfm3f7givp", FakeDaemon.json(200, "{\"ID\":\"lzl4xv2ihcqtarrdfm3f7givp\",\"Slot\":2}"))
                .on("GET", "/tasks/nope", FakeDaemon.error(404, "task nope not found"));
        Golden.assertMatches("service-logs-prefixed", CommandRun.run(daemon, "service", "logs", "web").transcript());
        Golden.assertMatches("service-logs-missing", CommandRun.run(daemon, "service", "logs", "nope").transcript());
    }

    @Test
    void secrets() throws Exception {
        Golden.assertMatches("secret-create-heredoc", CommandRun.run(daemon(), Map.of("DOCKER_HOST", CommandRun.HOST),
                CommandRun.freshHome(), "s3cret\n".getBytes(StandardCharsets.UTF_8), "secret", "create", "db-password", "-")
                .transcript());
        check("secret-create-no-file", "secret", "create", "db-password", "/nonexistent/h10-secret");
        check("secret-ls-table", "secret", "ls");
        check("secret-ls-format", "secret", "ls", "--format", "{{.Name}} {{.Label \"lesson\"}}");
        check("secret-inspect", "secret", "inspect", "-f", "{{.Spec.Name}}", "db-password", "nope");
        check("secret-rm", "secret", "rm", "db-password", "nope");
    }

    @Test
    void configs() throws Exception {
        Golden.assertMatches("config-create-heredoc", CommandRun.run(daemon(), Map.of("DOCKER_HOST", CommandRun.HOST),
                CommandRun.freshHome(), "port=80\n".getBytes(StandardCharsets.UTF_8), "config", "create", "app", "-")
                .transcript());
        check("config-ls-table", "config", "ls");
        check("config-inspect", "config", "inspect", "app");
        check("config-rm", "config", "rm", "app");
    }
}
