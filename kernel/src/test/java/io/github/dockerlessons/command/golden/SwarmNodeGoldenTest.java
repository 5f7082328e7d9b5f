package io.github.dockerlessons.command.golden;

import io.github.dockerlessons.engine.FakeDaemon;
import org.junit.jupiter.api.Test;

/**
 * docker swarm init/join/join-token/leave and docker node ls/inspect/ps/update/promote/demote/rm
 * against a fake daemon (golden/swarm-*.golden, golden/node-*.golden). The answers are a real
 * engine's (20.10, install/cluster), cut to the fields the CLI reads.
 */
class SwarmNodeGoldenTest {
    static final String MANAGER_ID = "13akvn6odh5bbmqcjhacmpy2g";
    static final String WORKER_ID = "t12sgubnl1rc32t8j7tant2iy";
    static final String MANAGER = """
            {"ID":"%s","Version":{"Index":9},"CreatedAt":"2024-12-06T01:00:58.806354512Z",
             "Spec":{"Labels":{},"Role":"manager","Availability":"active"},
             "Description":{"Hostname":"node1","Platform":{"Architecture":"x86_64","OS":"linux"},
              "Resources":{"NanoCPUs":2000000000,"MemoryBytes":25324953600},
              "Engine":{"EngineVersion":"20.10.24+dfsg1","Labels":{"io.github.dockerlessons.private":"1"},
               "Plugins":[{"Type":"Log","Name":"json-file"},{"Type":"Log","Name":"local"},{"Type":"Network","Name":"overlay"}]},
              "TLSInfo":{"TrustRoot":"-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n",
               "CertIssuerSubject":"MBMxETAPBgNVBAMTCHN3YXJtLWNh","CertIssuerPublicKey":"MFkwEwYH"}},
             "Status":{"State":"ready","Addr":"10.231.0.1"},
             "ManagerStatus":{"Leader":true,"Reachability":"reachable","Addr":"10.231.0.1:2377"}}""".formatted(MANAGER_ID);
    static final String WORKER = """
            {"ID":"%s","Version":{"Index":15},"CreatedAt":"2024-12-06T01:01:03Z",
             "Spec":{"Labels":{},"Role":"worker","Availability":"drain"},
             "Description":{"Hostname":"node2","Engine":{"EngineVersion":"20.10.24+dfsg1"}},
             "Status":{"State":"ready","Addr":"10.231.0.2"}}""".formatted(WORKER_ID);
    static final String SWARM = """
            {"ID":"c1","Version":{"Index":10},"Spec":{"Name":"default"},
             "JoinTokens":{"Worker":"SWMTKN-1-abc-worker","Manager":"SWMTKN-1-abc-manager"}}""";
    static final String INFO_MANAGER = """
            {"Swarm":{"NodeID":"%s","LocalNodeState":"active","ControlAvailable":true,
             "Cluster":{"TLSInfo":{"TrustRoot":"-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n"}}}}"""
            .formatted(MANAGER_ID);
    static final String TASKS = """
            [{"ID":"t3rocezf5llcsoaux43lwcl8i","CreatedAt":"2024-12-06T01:50:10Z","ServiceID":"svc1","Slot":1,
              "NodeID":"%1$s","Spec":{"ContainerSpec":{"Image":"busybox:latest@sha256:0123456789abcdef"}},
              "Status":{"Timestamp":"2024-12-06T01:55:00Z","State":"running","PortStatus":{}},"DesiredState":"running"},
             {"ID":"lzl4xv2ihcqtarrdfm3f7givp","CreatedAt":"2024-12-06T01:40:10Z","ServiceID":"svc1","Slot":1,
              "NodeID":"%1$s","Spec":{"ContainerSpec":{"Image":"busybox:1.36"}},
              "Status":{"Timestamp":"2024-12-06T01:50:00Z","State":"shutdown","Err":"task: non-zero exit (137): killed by the kernel"},
              "DesiredState":"shutdown"},
             {"ID":"p0rtsxv2ihcqtarrdfm3f7giv","CreatedAt":"2024-12-06T01:40:10Z","ServiceID":"svc2","Slot":0,
              "NodeID":"%1$s","Spec":{"ContainerSpec":{"Image":"nginx"}},
              "Status":{"Timestamp":"2024-12-06T01:59:58Z","State":"running",
               "PortStatus":{"Ports":[{"Protocol":"tcp","TargetPort":80,"PublishedPort":8080}]}},"DesiredState":"running"}]"""
            .formatted(MANAGER_ID);
    static final String NOT_MANAGER = "This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" "
            + "to connect this node to swarm and try again.";

    private static FakeDaemon daemon() {
        return new FakeDaemon()
                .on("POST", "/swarm/init", request -> request.body().contains("\"AdvertiseAddr\"")
                        ? FakeDaemon.json(200, "\"" + MANAGER_ID + "\"")
                        : FakeDaemon.error(400, "could not choose an IP address to advertise since this system has "
                        + "multiple addresses on different interfaces (10.0.2.15 on eth0 and 10.231.0.1 on eth1)"))
                .on("POST", "/swarm/join", FakeDaemon.json(200, ""))
                .on("POST", "/swarm/leave", FakeDaemon.json(200, ""))
                .on("POST", "/swarm/update", FakeDaemon.json(200, ""))
                .on("GET", "/swarm", FakeDaemon.json(200, SWARM))
                .on("GET", "/info", FakeDaemon.json(200, INFO_MANAGER))
                .on("GET", "/nodes", FakeDaemon.json(200, "[" + WORKER + "," + MANAGER + "]"))
                .on("GET", "/nodes/" + MANAGER_ID, FakeDaemon.json(200, MANAGER))
                .on("GET", "/nodes/node1", FakeDaemon.json(200, MANAGER))
                .on("GET", "/nodes/node2", FakeDaemon.json(200, WORKER))
                .on("GET", "/nodes/nope", FakeDaemon.error(404, "node nope not found"))
                .on("POST", "/nodes/*/update", FakeDaemon.json(200, ""))
                .on("DELETE", "/nodes/node2", FakeDaemon.json(200, ""))
                .on("DELETE", "/nodes/node1", FakeDaemon.error(400, "rpc error: code = FailedPrecondition desc = node "
                        + MANAGER_ID + " is a cluster manager and is a member of the raft cluster. It must be demoted to "
                        + "worker before removal"))
                .on("GET", "/tasks", FakeDaemon.json(200, TASKS))
                .on("GET", "/services/svc1", FakeDaemon.json(200, "{\"ID\":\"svc1\",\"Spec\":{\"Name\":\"web\"}}"))
                .on("GET", "/services/svc2", FakeDaemon.json(200, "{\"ID\":\"svc2\",\"Spec\":{\"Name\":\"proxy\"}}"));
    }

    private static void check(String golden, String... argv) throws Exception {
        Golden.assertMatches(golden, CommandRun.run(daemon(), argv).transcript());
    }

    @Test
    void swarmInit() throws Exception {
        check("swarm-init-advertised", "swarm", "init", "--advertise-addr", "10.231.0.1");
        check("swarm-init-no-address", "swarm", "init");
        check("swarm-init-bad-availability", "swarm", "init", "--availability", "sleepy");
    }

    @Test
    void swarmJoinAndLeave() throws Exception {
        check("swarm-join-manager", "swarm", "join", "--token", "SWMTKN-1-abc-manager", "10.231.0.1:2377");
        check("swarm-leave", "swarm", "leave", "--force");
    }

    @Test
    void swarmJoinToken() throws Exception {
        check("swarm-join-token-worker", "swarm", "join-token", "worker");
        check("swarm-join-token-quiet-manager", "swarm", "join-token", "-q", "manager");
        check("swarm-join-token-rotate", "swarm", "join-token", "--rotate", "worker");
        check("swarm-join-token-unknown-role", "swarm", "join-token", "boss");
    }

    @Test
    void swarmUpdateUnlockKeyUnlock() throws Exception {
        FakeDaemon locked = daemon()
                .on("GET", "/swarm/unlockkey", FakeDaemon.json(200, "{\"UnlockKey\":\"SWMKEY-1-abc\"}"));
        Golden.assertMatches("swarm-update-autolock", CommandRun.run(locked, "swarm", "update", "--autolock=true").transcript());
        Golden.assertMatches("swarm-unlock-key", CommandRun.run(locked, "swarm", "unlock-key").transcript());
        Golden.assertMatches("swarm-unlock-key-rotate-off", CommandRun.run(locked, "swarm", "unlock-key", "--rotate").transcript());
        FakeDaemon none = daemon().on("GET", "/swarm/unlockkey", FakeDaemon.json(200, "{\"UnlockKey\":\"\"}"));
        Golden.assertMatches("swarm-unlock-key-none", CommandRun.run(none, "swarm", "unlock-key", "-q").transcript());
        check("swarm-unlock-not-locked", "swarm", "unlock");
    }

    @Test
    void swarmNotAManager() throws Exception {
        FakeDaemon worker = new FakeDaemon().on("GET", "/swarm", FakeDaemon.error(503, NOT_MANAGER));
        Golden.assertMatches("swarm-join-token-not-manager",
                CommandRun.run(worker, "swarm", "join-token", "worker").transcript());
    }

    @Test
    void nodeLs() throws Exception {
        check("node-ls-table", "node", "ls");
        check("node-ls-quiet", "node", "ls", "-q");
        check("node-ls-format", "node", "ls", "--format", "{{.Hostname}} {{.Status}} {{.Availability}} {{.TLSStatus}} {{.Self}}");
    }

    @Test
    void nodeInspect() throws Exception {
        check("node-inspect-pretty", "node", "inspect", "--pretty", "self");
        check("node-inspect-format", "node", "inspect", "-f", "{{.Spec.Role}}", "node1", "node2", "nope");
    }

    @Test
    void nodePs() throws Exception {
        check("node-ps-self", "node", "ps");
        check("node-ps-no-trunc", "node", "ps", "--no-trunc", "--no-resolve", "node1");
        check("node-ps-format", "node", "ps", "--format", "{{.Name}}: {{.CurrentState}}", "node1");
    }

    @Test
    void nodeUpdatePromoteDemoteRm() throws Exception {
        check("node-update-drain", "node", "update", "--availability", "drain", "node2");
        check("node-promote", "node", "promote", "node2", "node1");
        check("node-demote", "node", "demote", "node1", "node2");
        check("node-rm", "node", "rm", "node2", "node1");
    }
}
