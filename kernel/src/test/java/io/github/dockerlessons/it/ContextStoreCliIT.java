package io.github.dockerlessons.it;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.dockerlessons.engine.ContextEndpointSpec;
import io.github.dockerlessons.engine.ContextStore;
import io.github.dockerlessons.engine.DockerContext;
import io.github.dockerlessons.engine.EngineDiscovery;
import io.github.dockerlessons.engine.LocalMachine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The context store against the real docker CLI, both ways, in a scratch DOCKER_CONFIG: what
 * {@code docker context create/use/rm} writes, ContextStore reads; what ContextStore writes, the CLI
 * reads and prints. No engine is needed.
 */
class ContextStoreCliIT {
    @TempDir
    Path config;

    private String[] docker(String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("docker"));
        argv.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().keySet().removeIf(k -> k.startsWith("DOCKER_"));
        builder.environment().put("DOCKER_CONFIG", config.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new String[]{out, err, Integer.toString(process.waitFor())};
    }

    private Path pem(String name) throws IOException {
        // A real certificate (the CLI checks that ca.pem parses): the test CA of this JDK's own cacerts is
        // not at hand, so make one with openssl.
        Path dir = Files.createDirectories(config.getParent().resolve("pem-" + config.getFileName()));
        Path cert = dir.resolve(name + ".pem");
        if (!Files.exists(cert)) {
            try {
                Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                        "-subj", "/CN=" + name, "-keyout", dir.resolve(name + "-key.pem").toString(), "-out", cert.toString())
                        .redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                p.waitFor();
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        }
        return cert;
    }

    @Test
    void contextsTheCliCreatesAreReadHere() throws Exception {
        Path ca = pem("ca");
        Path key = ca.resolveSibling("ca-key.pem");
        assertEquals("0", docker("context", "create", "lab", "--description", "the lab's engine",
                "--docker", "host=tcp://10.1.2.3:2376,ca=" + ca + ",cert=" + ca + ",key=" + key)[2]);
        assertEquals("0", docker("context", "create", "desk", "--docker", "host=unix:///tmp/desk.sock,skip-tls-verify=true")[2]);
        ContextStore store = new ContextStore(config);
        DockerContext lab = store.read("lab");
        assertEquals("the lab's engine", lab.description());
        assertEquals("tcp://10.1.2.3:2376", lab.host());
        assertEquals(List.of("ca.pem", "cert.pem", "key.pem"), lab.tlsFiles());
        assertEquals(Files.readString(ca), Files.readString(store.tlsOf(lab).ca()));
        assertTrue(store.read("desk").skipTlsVerify());
        assertEquals(List.of("desk", "lab"), store.list().stream().map(DockerContext::name).toList());

        docker("context", "use", "lab");
        assertEquals("lab", store.currentContext());
        EngineDiscovery discovery = new EngineDiscovery(new LocalMachine(
                Map.of("DOCKER_CONFIG", config.toString()), config.getParent(),
                LocalMachine.OperatingSystem.LINUX, OptionalInt.empty(), p -> false));
        assertEquals("lab", discovery.currentContextName());
        assertEquals("tcp://10.1.2.3:2376", discovery.resolve().candidates().get(0).host());

        docker("context", "rm", "-f", "lab");
        assertFalse(store.exists("lab"));
        assertEquals("", store.currentContext(), "rm -f of the current context resets it, as the CLI does");
    }

    @Test
    void contextsCreatedHereAreReadByTheCli() throws Exception {
        Path ca = pem("ca");
        ContextStore store = new ContextStore(config);
        store.create("lab", "the lab's engine", new ContextEndpointSpec("tcp://10.1.2.3:2376", false,
                Files.readAllBytes(ca), Files.readAllBytes(ca), Files.readAllBytes(ca.resolveSibling("ca-key.pem"))));
        store.create("ctx10", "", new ContextEndpointSpec("unix:///tmp/ten.sock", true, null, null, null));
        store.create("ctx9", "", new ContextEndpointSpec("unix:///tmp/nine.sock", false, null, null, null));
        store.use("lab");

        String[] list = docker("context", "ls", "--format", "{{.Name}}|{{.Current}}|{{.Description}}|{{.DockerEndpoint}}");
        assertEquals("", list[1]);
        assertEquals("ctx9|false||unix:///tmp/nine.sock\nctx10|false||unix:///tmp/ten.sock\ndefault|false|"
                + "Current DOCKER_HOST based configuration|unix:///var/run/docker.sock\n"
                + "lab|true|the lab's engine|tcp://10.1.2.3:2376\n", list[0]);
        assertEquals("lab\n", docker("context", "show")[0]);

        JsonArray inspected = JsonParser.parseString(docker("context", "inspect", "lab", "ctx10")[0]).getAsJsonArray();
        JsonObject lab = inspected.get(0).getAsJsonObject();
        assertEquals("[\"ca.pem\",\"cert.pem\",\"key.pem\"]", lab.getAsJsonObject("TLSMaterial").get("docker").toString());
        assertEquals(store.metadataPath("lab").toString(), lab.getAsJsonObject("Storage").get("MetadataPath").getAsString());
        assertTrue(inspected.get(1).getAsJsonObject().getAsJsonObject("Endpoints").getAsJsonObject("docker")
                .get("SkipTLSVerify").getAsBoolean());

        store.use("default");
        assertEquals("default\n", docker("context", "show")[0]);
        store.remove("ctx9");
        assertEquals("context \"ctx9\" does not exist\n", docker("context", "rm", "ctx9")[1]);
    }
}
