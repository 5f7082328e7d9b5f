package io.github.dockerlessons.command.golden;

import io.github.dockerlessons.engine.FakeDaemon;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;

/** docker swarm ca against a fake daemon (golden/swarm-ca-*.golden): the root CA, its refusals, a rotation asked. */
class SwarmCaGoldenTest {
    private static final String CERT = "-----BEGIN CERTIFICATE-----\\nMIIBazCCARCgAwIBAgIUQ\\n-----END CERTIFICATE-----\\n";

    private static FakeDaemon daemon(String trustRoot) {
        return new FakeDaemon()
                .on("GET", "/swarm", FakeDaemon.json(200, "{\"ID\":\"s1\",\"Version\":{\"Index\":12},\"Spec\":{\"CAConfig\":"
                        + "{\"NodeCertExpiry\":7776000000000000,\"ForceRotate\":1}},\"TLSInfo\":{\"TrustRoot\":\""
                        + trustRoot + "\"},\"RootRotationInProgress\":false}"))
                .on("POST", "/swarm/update", FakeDaemon.json(200, ""));
    }

    @Test
    void showsAndRotates() throws Exception {
        Golden.assertMatches("swarm-ca-show", CommandRun.run(daemon(CERT), "swarm", "ca").transcript());
        Golden.assertMatches("swarm-ca-none", CommandRun.run(daemon(""), "swarm", "ca").transcript());
        Golden.assertMatches("swarm-ca-key-without-rotate", CommandRun.run(daemon(CERT), "swarm", "ca", "--ca-key",
                "/nonexistent/key.pem").transcript());
        FakeDaemon daemon = daemon(CERT);
        CommandRun run = CommandRun.run(daemon, "swarm", "ca", "--rotate", "--cert-expiry", "48h");
        Golden.assertMatches("swarm-ca-rotate", run.transcript() + "--- requests\n" + daemon.requests().stream()
                .filter(r -> r.method().equals("POST")).map(r -> r.path() + "?" + r.query() + "\n" + r.body())
                .collect(Collectors.joining("\n")) + "\n");
    }
}
