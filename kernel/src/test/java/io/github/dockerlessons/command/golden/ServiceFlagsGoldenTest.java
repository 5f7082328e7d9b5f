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
                .on("GET", "/networks/back", FakeDaemon.json(200, "{\"Id\":\"backid\",\"Name\":\"back\"}"));
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
    void updateLists() throws Exception {
        check("service-update-lists", "service", "update", "-d", "--secret-add", "db-password", "--secret-rm", "api-key",
                "--config-add", "source=site,target=/site", "--config-rm", "app", "--label-add", "new=3", "--label-rm",
                "old", "--mount-add", "type=volume,source=cache,target=/cache", "--mount-rm", "/old", "--network-add",
                "front", "--network-rm", "back", "web");
        check("service-update-lists-attached", "service", "update", "-d", "--network-add", "back", "web");
    }
}
