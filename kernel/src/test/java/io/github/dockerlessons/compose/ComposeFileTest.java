package io.github.dockerlessons.compose;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Compose file read as docker compose reads it: YAML, the schema, the model, the names; errors with a place. */
class ComposeFileTest {
    @TempDir
    Path dir;

    private ProjectLoader.Loaded load(String yaml, Map<String, String> env, String... files) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("My Lesson_08"));
        Files.writeString(folder.resolve("compose.yaml"), yaml);
        return ProjectLoader.load(new ProjectLoader.Options(List.of(files), null, null, List.of(), folder, env));
    }

    private ComposeFileError fails(String yaml) {
        return assertThrows(ComposeFileError.class, () -> load(yaml, Map.of()));
    }

    @Test
    void theLessonsFileBecomesAProject() throws Exception {
        ProjectLoader.Loaded loaded = load("""
                services:
                  web:
                    image: busybox
                    command: httpd -f -p 80 -h /www
                    ports:
                      - "8080:80"
                      - 127.0.0.1:9000-9001:90-91/udp
                    volumes:
                      - site:/www
                      - ./conf:/conf:ro
                    environment:
                      GREETING: ${GREETING:-안녕}
                      FROM_ENV:
                    networks: [front]
                  client:
                    image: busybox
                    depends_on: [web]
                volumes:
                  site:
                networks:
                  front:
                """, Map.of("FROM_ENV", "yes"));
        ComposeProject p = loaded.project();
        assertEquals("mylesson_08", p.name());
        ComposeProject.Service web = p.services().get("web");
        assertEquals(List.of("httpd", "-f", "-p", "80", "-h", "/www"), web.command());
        assertEquals(new ComposeProject.Port(null, "8080", "80", "tcp"), web.ports().get(0));
        assertEquals(new ComposeProject.Port("127.0.0.1", "9001", "91", "udp"), web.ports().get(2));
        assertEquals(new ComposeProject.Mount("volume", "site", "/www", false), web.volumes().get(0));
        assertEquals(new ComposeProject.Mount("bind", dir.resolve("My Lesson_08/conf").toString(), "/conf", true),
                web.volumes().get(1));
        assertEquals(List.of("GREETING=안녕", "FROM_ENV=yes"), web.environment());
        assertEquals("mylesson_08_site", p.volumes().get("site").name());
        // client names no network, so the project gets its default network
        assertEquals(List.of("default", "front"), List.copyOf(p.networks().keySet()));
        assertEquals("mylesson_08_default", p.networks().get("default").name());
        assertEquals("mylesson_08-web-1", ComposeNames.container(p.name(), web, 1));
        assertEquals(List.of("web", "client"), DependencyOrder.startOrder(p, List.of(p.services().get("client")), true)
                .stream().map(ComposeProject.Service::name).toList());
        Map<String, String> labels = ComposeNames.containerLabels(p, web, 1, null, false);
        assertEquals("mylesson_08", labels.get(ComposeNames.PROJECT));
        assertEquals("web", labels.get(ComposeNames.SERVICE));
        assertEquals("1", labels.get(ComposeNames.CONTAINER_NUMBER));
        assertEquals("False", labels.get(ComposeNames.ONEOFF));
    }

    @Test
    void theNameComesFromMinusPThenTheEnvironmentThenTheFileThenTheFolder() throws Exception {
        assertEquals("shop", load("name: Shop!\nservices:\n  a:\n    image: busybox\n", Map.of()).project().name());
        assertEquals("envname", load("name: shop\nservices:\n  a:\n    image: busybox\n",
                Map.of("COMPOSE_PROJECT_NAME", "envname")).project().name());
        ComposeFileError bad = assertThrows(ComposeFileError.class, () -> ProjectLoader.load(new ProjectLoader.Options(
                List.of(), "Bad Name", null, List.of(), dir.resolve("My Lesson_08"), Map.of())));
        assertTrue(bad.getMessage().startsWith("invalid project name \"Bad Name\": must consist only of lowercase"),
                bad.getMessage());
    }

    @Test
    void anUnknownKeyIsTheSchemasErrorAtTheKeysPlace() {
        ComposeFileError e = fails("services:\n  web:\n    image: busybox\n    imagee: busybox\n");
        assertTrue(e.getMessage().startsWith("validating "), e.getMessage());
        assertTrue(e.getMessage().endsWith("compose.yaml: services.web additional properties 'imagee' not allowed"),
                e.getMessage());
        assertEquals(new YamlNode.Position(4, 5), e.position());
    }

    @Test
    void aWrongTypeIsTheSchemasErrorAtTheValue() {
        ComposeFileError e = fails("services:\n  web:\n    image: busybox\n    ports: 8080\n");
        assertTrue(e.getMessage().endsWith(": services.web.ports must be a array"), e.getMessage());
        assertEquals(new YamlNode.Position(4, 12), e.position());
        ComposeFileError top = fails("servics:\n  web:\n    image: busybox\n");
        assertTrue(top.getMessage().endsWith(":  additional properties 'servics' not allowed"), top.getMessage());
    }

    @Test
    void yamlMistakesInGoYamlsWords() {
        ComposeFileError e = fails("services:\n  web:\n    image: busybox\n  web:\n    image: redis\n");
        assertTrue(e.getMessage().endsWith("yaml: unmarshal errors:\n  line 4: mapping key \"web\" already defined at line 2"),
                e.getMessage());
        ComposeFileError tab = fails("services:\n\tweb:\n");
        assertTrue(tab.getMessage().contains("yaml: line 2: found character that cannot start any token"), tab.getMessage());
    }

    @Test
    void mergeKeysAndAnchorsWork() throws Exception {
        ComposeProject p = load("""
                x-base: &base
                  image: busybox
                  environment: [A=1]
                services:
                  one:
                    <<: *base
                  two:
                    <<: *base
                    image: redis
                """, Map.of()).project();
        assertEquals("busybox", p.services().get("one").image());
        assertEquals("redis", p.services().get("two").image());
        assertEquals(List.of("A=1"), p.services().get("two").environment());
    }

    @Test
    void versionIsObsoleteWithComposesWarning() throws Exception {
        ProjectLoader.Loaded loaded = load("version: '3'\nservices:\n  a:\n    image: busybox\n", Map.of());
        assertTrue(loaded.warnings().get(0).endsWith("compose.yaml: the attribute `version` is obsolete, it will be "
                + "ignored, please remove it to avoid potential confusion"), loaded.warnings().toString());
    }

    @Test
    void referencesAndCyclesInComposeGoWords() {
        assertEquals("service \"a\" depends on undefined service \"db\": invalid compose project",
                fails("services:\n  a:\n    image: busybox\n    depends_on: [db]\n").getMessage());
        assertEquals("service \"a\" refers to undefined volume data: invalid compose project",
                fails("services:\n  a:\n    image: busybox\n    volumes: [data:/d]\n").getMessage());
        assertEquals("service \"a\" refers to undefined network back: invalid compose project",
                fails("services:\n  a:\n    image: busybox\n    networks: [back]\n").getMessage());
        assertEquals("dependency cycle detected: a -> b -> a", fails(
                "services:\n  a:\n    image: busybox\n    depends_on: [b]\n  b:\n    image: busybox\n    depends_on: [a]\n")
                .getMessage());
        assertEquals("service \"a\" has neither an image nor a build context specified: invalid compose project",
                fails("services:\n  a:\n    command: ls\n").getMessage());
    }

    @Test
    void keysTheKernelDoesNotCarryOutAreRefusedAtTheirPlace() {
        ComposeFileError e = fails("services:\n  a:\n    image: busybox\n    sysctls:\n      net.core.somaxconn: 1024\n");
        assertTrue(e.isUnsupported());
        assertEquals("services.a.sysctls: not supported by this kernel", e.getMessage());
        assertEquals(new YamlNode.Position(4, 5), e.position());
    }

    @Test
    void anEmptyFileAndNoFile() throws Exception {
        assertEquals("empty compose file", fails("").getMessage());
        Path empty = Files.createDirectories(dir.resolve("nothing"));
        ComposeFileError none = assertThrows(ComposeFileError.class, () -> ProjectLoader.load(
                new ProjectLoader.Options(List.of(), null, null, List.of(), empty, Map.of())));
        assertEquals("no configuration file provided: not found", none.getMessage());
        assertFalse(ProjectLoader.hasFile(new ProjectLoader.Options(List.of(), null, null, List.of(), empty, Map.of())));
        assertNull(YamlLoader.load("# only a comment\n", "x.yaml"));
    }

    @Test
    void stopGracePeriodIsAGoDuration() throws Exception {
        String yaml = "services:\n  a:\n    image: busybox\n    stop_grace_period: %s\n";
        assertEquals(90, load(yaml.formatted("1m30s"), Map.of()).project().services().get("a").stopGraceSeconds());
        assertEquals(1, load(yaml.formatted("500ms"), Map.of()).project().services().get("a").stopGraceSeconds());
        assertEquals(1, load(yaml.formatted("1.5\u03bcs"), Map.of()).project().services().get("a").stopGraceSeconds());
        assertEquals("services.a.stop_grace_period: time: invalid duration \"ten\"", fails(yaml.formatted("ten")).getMessage());
        assertEquals("services.a.stop_grace_period: time: missing unit in duration \"10\"",
                fails(yaml.formatted("'10'")).getMessage());
    }

    @Test
    void smallParsers() {
        assertEquals(List.of("sh", "-c", "echo 'hi' \"there\""), ShellWords.split("sh -c \"echo 'hi' \\\"there\\\"\""));
        assertEquals(List.of(new ComposeProject.Port(null, "", "80", "tcp")), PortSpec.parse("80"));
        assertThrows(IllegalArgumentException.class, () -> PortSpec.parse("80/xyz"));
        assertEquals("myapp_1", ProjectLoader.normalize("_My App_1"));
        assertEquals("my-app", ProjectLoader.normalize("-My-App"));
    }

    @Test
    void configShowsNetworksAndVolumesWithWhatIsSetOnly() throws Exception {
        ComposeProject p = load("""
                services:
                  web:
                    image: busybox
                networks:
                  front:
                    driver: bridge
                    internal: true
                    labels: {b: "2", a: "1"}
                  outside:
                    external: true
                volumes:
                  site:
                  kept:
                    external: true
                    name: kept-data
                """, Map.of()).project();
        Map<String, Object> config = CanonicalConfig.of(p, List.copyOf(p.services().values()));
        assertEquals("{default={name=mylesson_08_default}, front={driver=bridge, internal=true, labels={a=1, b=2}, name=mylesson_08_front}, "
                + "outside={external=true, name=outside}}", config.get("networks").toString());
        assertEquals("{site={name=mylesson_08_site}, kept={external=true, name=kept-data}}",
                config.get("volumes").toString());
    }
}
