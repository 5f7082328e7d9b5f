package io.github.dockerlessons.command.golden;

import io.github.dockerlessons.engine.FakeDaemon;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * create and run -d against a fake daemon: the ID printed, and the refusals a lesson meets most
 * (no such image and a pull refused, a name in use, a port already allocated) in the CLI's words
 * (golden/{create,run}-*.golden).
 */
class CreateRunGoldenTest {
    static final String ID = "4f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0";
    static final String PULL_DENIED = "pull access denied for nosuch, repository does not exist or may require "
            + "'docker login': denied: requested access to the resource is denied";
    static final String PORT_TAKEN = "driver failed programming external connectivity on endpoint web ("
            + "0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0): Bind for 0.0.0.0:8080 failed: "
            + "port is already allocated";
    static final String NAME_IN_USE = "Conflict. The container name \"/web\" is already in use by container \""
            + ID + "\". You have to remove (or rename) that container to be able to reuse that name.";

    private static FakeDaemon daemon() {
        return new FakeDaemon()
                .on("POST", "/containers/create", request -> request.body().contains("\"nosuch\"")
                        || request.body().contains("\"nosuch:latest\"")
                        ? FakeDaemon.error(404, "No such image: nosuch:latest")
                        : request.query().contains("name=taken")
                        ? FakeDaemon.error(409, NAME_IN_USE.replace("/web", "/taken"))
                        : FakeDaemon.json(201, "{\"Id\":\"" + ID + "\",\"Warnings\":[]}"))
                .on("POST", "/images/create", FakeDaemon.error(404, PULL_DENIED))
                .on("POST", "/containers/*/start", FakeDaemon.noContent())
                .on("POST", "/containers/" + ID + "/start", request -> FakeDaemon.noContent())
                .on("GET", "/version", FakeDaemon.json(200, "{\"ApiVersion\":\"1.50\",\"Version\":\"28.2.2\"}"));
    }

    private static FakeDaemon portTaken() {
        return daemon().on("POST", "/containers/*/start", FakeDaemon.error(500, PORT_TAKEN));
    }

    private static void check(FakeDaemon daemon, String golden, String... argv) throws Exception {
        Golden.assertMatches(golden, CommandRun.run(daemon, argv).transcript());
    }

    @Test
    void create() throws Exception {
        check(daemon(), "create-id", "create", "--name", "web", "busybox");
    }

    @Test
    void createNoSuchImage() throws Exception {
        FakeDaemon daemon = daemon();
        check(daemon, "create-no-such-image", "create", "nosuch");
        assertTrue(daemon.requests().stream().anyMatch(r -> r.path().equals("/images/create")
                && r.hasQuery("fromImage=nosuch") && r.hasQuery("tag=latest")), daemon.requests().toString());
    }

    @Test
    void createNameInUse() throws Exception {
        check(daemon(), "create-name-in-use", "create", "--name", "taken", "busybox");
    }

    @Test
    void runDetached() throws Exception {
        check(daemon(), "run-detached-id", "run", "-d", "--name", "web", "-p", "8080:80", "nginx");
    }

    @Test
    void runNoSuchImage() throws Exception {
        check(daemon(), "run-no-such-image", "run", "-d", "nosuch");
    }

    @Test
    void runPortAlreadyAllocated() throws Exception {
        check(portTaken(), "run-port-allocated", "run", "-d", "--name", "web", "-p", "8080:80", "nginx");
    }

    @Test
    void startPortAlreadyAllocated() throws Exception {
        check(portTaken(), "start-port-allocated", "start", "web");
    }
}
