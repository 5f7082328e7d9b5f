package io.github.dockerlessons.command.golden;

import io.github.dockerlessons.engine.FakeDaemon;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;

/**
 * docker service create --secret/--config and service update --secret-add/-rm, --config-add/-rm,
 * --label-add/-rm, --mount-add/-rm, --network-add/-rm against a fake daemon: the words, and the
 * spec sent (golden/service-create-secret-*.golden, service-update-lists-*.golden).
 */
class ServiceFlagsGoldenTest {
    private static final String SERVICE = """
            {"ID":"%s","Version":{"Index":21},
             "Spec":{"Name":"web","Labels":{"old":"1","keep":"2"},"TaskTemplate":{"ContainerSpec":{"Image":"busybox:latest",
              "Mounts":[{"Type":"volume","Source":"old","Target":"/old"},{"Type":"volume","Source":"data","Target":"/data"}],
              "Secrets":[{"File":{"Name":"api-key","UID":"0","GID":"0","Mode":292},"SecretID":"s0","SecretName":"api-key"}],
              "Configs":[{"File":{"Name":"app","UID":"0","GID":"0","Mode":292},"ConfigID":"c0","ConfigName":"app"}]},
              "Networks":[{"Target":"backid"}]},
              "Mode":{"Replicated":{"Replicas":2}}}}""".formatted(ServiceSecretConfigGoldenTest.SERVICE_ID);

    /** A service with most of what the pretty template shows, defaults inserted as the engine does. */
    private static final String PRETTY = """
            {"ID":"webid0000000000000000000a","UpdateStatus":{"State":"completed","StartedAt":"2024-12-06T01:58:00Z",
              "CompletedAt":"2024-12-06T01:59:00Z","Message":"update completed"},
             "Spec":{"Name":"shop_web","Labels":{"com.docker.stack.namespace":"shop","tier":""},
              "TaskTemplate":{"ContainerSpec":{"Image":"busybox:latest","Args":["sleep","600"],"Env":["A=1","B=2"],
                "Dir":"/tmp","Init":false,"User":"nobody",
                "Mounts":[{"Type":"volume","Source":"data","Target":"/data","ReadOnly":true}],
                "Secrets":[{"File":{"Name":"password"},"SecretName":"shop_password"}],
                "Configs":[{"File":{"Name":"/etc/site.conf"},"ConfigName":"shop_site"}],
                "Healthcheck":{"Test":["CMD","true"],"Interval":2000000000}},
               "Resources":{"Limits":{"NanoCPUs":500000000,"MemoryBytes":67108864},"Reservations":{"MemoryBytes":16777216}},
               "Placement":{"Constraints":["node.role == worker"],"Preferences":[{"Spread":{"SpreadDescriptor":"node.id"}}]},
               "Networks":[{"Target":"backid"},{"Target":"goneid"}]},
              "Mode":{"Replicated":{"Replicas":2}},
              "UpdateConfig":{"Parallelism":2,"Delay":2000000000,"FailureAction":"pause","Monitor":5000000000,
               "MaxFailureRatio":0,"Order":"start-first"},
              "RollbackConfig":{"Parallelism":1,"FailureAction":"pause","Monitor":5000000000,"MaxFailureRatio":0,
               "Order":"stop-first"},
              "EndpointSpec":{"Mode":"vip"}},
             "Endpoint":{"Ports":[{"Protocol":"tcp","TargetPort":80,"PublishedPort":8080,"PublishMode":"ingress"}]}}""";

    private static FakeDaemon daemon() {
        return new FakeDaemon()
                .on("GET", "/distribution/*", FakeDaemon.error(500, "dial tcp: lookup registry-1.docker.io: no such host"))
                .on("POST", "/services/create", FakeDaemon.json(201, "{\"ID\":\"" + ServiceSecretConfigGoldenTest.SERVICE_ID
                        + "\"}"))
                .on("GET", "/services/web", FakeDaemon.json(200, SERVICE))
                .on("POST", "/services/*/update", FakeDaemon.json(200, "{\"Warnings\":null}"))
                .on("GET", "/secrets", request -> FakeDaemon.json(200, request.query().contains("db-password")
                        ? "[{\"ID\":\"s1\",\"Spec\":{\"Name\":\"db-password\"}}]" : "[]"))
                .on("GET", "/configs", FakeDaemon.json(200, "[{\"ID\":\"c1\",\"Spec\":{\"Name\":\"site\"}}]"))
                .on("GET", "/networks/front", FakeDaemon.json(200, "{\"Id\":\"frontid\",\"Name\":\"front\"}"))
                .on("GET", "/networks/back", FakeDaemon.json(200, "{\"Id\":\"backid\",\"Name\":\"back\"}"))
                .on("GET", "/networks/backid", FakeDaemon.json(200, "{\"Id\":\"backid\",\"Name\":\"back\"}"))
                .on("GET", "/services/nope", FakeDaemon.error(404, "service nope not found"))
                .on("GET", "/services/shop_web", FakeDaemon.json(200, PRETTY));
    }

    /** The transcript, then the spec each create or update sent. */
    private static void check(String golden, String... argv) throws Exception {
        FakeDaemon daemon = daemon();
        CommandRun run = CommandRun.run(daemon, argv);
        Golden.assertMatches(golden, run.transcript() + "--- requests\n" + daemon.requests().stream()
                .filter(r -> r.method().equals("POST"))
                .map(r -> r.method() + " " + r.path() + "\n" + r.body())
                .collect(Collectors.joining("\n")) + "\n");
    }

    @Test
    void createWithSecretsAndConfigs() throws Exception {
        check("service-create-secret-config", "service", "create", "-d", "--name", "web", "--secret", "db-password",
                "--config", "source=site,target=/etc/site.conf,mode=0400", "busybox");
        check("service-create-secret-missing", "service", "create", "-d", "--secret", "nope", "busybox");
        check("service-create-secret-no-source", "service", "create", "-d", "--secret", "target=x", "busybox");
        check("service-create-secret-duplicate-target", "service", "create", "-d", "--secret", "db-password",
                "--secret", "source=db-password,target=db-password", "busybox");
    }

    @Test
    void inspectPretty() throws Exception {
        Golden.assertMatches("service-inspect-pretty", CommandRun.run(daemon(), "service", "inspect", "--pretty",
                "shop_web").transcript());
        Golden.assertMatches("service-inspect-pretty-missing", CommandRun.run(daemon(), "service", "inspect", "--pretty",
                "shop_web", "nope").transcript());
        Golden.assertMatches("service-inspect-pretty-format", CommandRun.run(daemon(), "service", "inspect", "--pretty",
                "-f", "{{.ID}}", "shop_web").transcript());
    }

    @Test
    void updateLists() throws Exception {
        check("service-update-lists", "service", "update", "-d", "--secret-add", "db-password", "--secret-rm", "api-key",
                "--config-add", "source=site,target=/site", "--config-rm", "app", "--label-add", "new=3", "--label-rm",
                "old", "--mount-add", "type=volume,source=cache,target=/cache", "--mount-rm", "/old", "--network-add",
                "front", "--network-rm", "back", "web");
        check("service-update-lists-attached", "service", "update", "-d", "--network-add", "back", "web");
    }

    @Test
    void maxFailureRatioIsAGoFloat32() throws Exception {
        check("service-create-max-failure-ratio", "service", "create", "-d", "--name", "web",
                "--update-max-failure-ratio", "0.2", "--rollback-max-failure-ratio", "1", "busybox");
        check("service-create-max-failure-ratio-syntax", "service", "create", "-d", "--update-max-failure-ratio", "x",
                "busybox");
        check("service-create-max-failure-ratio-range", "service", "create", "-d", "--update-max-failure-ratio", "1e50",
                "busybox");
        check("service-update-max-failure-ratio-nan", "service", "update", "-d", "--update-max-failure-ratio", "NaN",
                "web");
    }

    @Test
    void updateRollbackIsTheServersRollbackAndTakesNoOtherChange() throws Exception {
        check("service-update-rollback", "service", "update", "--rollback", "-d", "web");
        FakeDaemon daemon = daemon();
        CommandRun.run(daemon, "service", "update", "--rollback", "-d", "web");
        org.junit.jupiter.api.Assertions.assertTrue(daemon.requests().stream()
                .anyMatch(r -> r.method().equals("POST") && r.query().contains("rollback=previous")), "the server's rollback");
        check("service-update-rollback-with-other-flags", "service", "update", "--rollback", "--image", "nginx", "web");
    }
}
