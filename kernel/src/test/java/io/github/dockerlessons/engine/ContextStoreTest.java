package io.github.dockerlessons.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The store's files, byte for byte as the docker CLI writes them, and the CLI's error words. */
class ContextStoreTest {
    @TempDir
    Path config;

    private ContextStore store() {
        return new ContextStore(config);
    }

    @Test
    void theFolderOfAContextIsTheSha256OfItsName() {
        // `echo -n one | sha256sum`
        assertEquals("7692c3ad3540bb803c020b3aee66cd8887123234ea0c6e7143c0add73ff431ed", ContextStore.directoryName("one"));
    }

    @Test
    void createWritesTheCliLayout() throws Exception {
        byte[] ca = "-----BEGIN CERTIFICATE-----\nca\n-----END CERTIFICATE-----\n".getBytes();
        store().create("one", "first one", new ContextEndpointSpec("unix:///tmp/none.sock", false, null, null, null));
        store().create("tls1", "", new ContextEndpointSpec("tcp://10.0.0.1:2376", false, ca, "c".getBytes(), "k".getBytes()));
        Path meta = config.resolve("contexts/meta/7692c3ad3540bb803c020b3aee66cd8887123234ea0c6e7143c0add73ff431ed/meta.json");
        // The exact bytes `docker context create one --docker host=unix:///tmp/none.sock --description "first one"` writes.
        assertEquals("{\"Name\":\"one\",\"Metadata\":{\"Description\":\"first one\"},\"Endpoints\":{\"docker\":"
                + "{\"Host\":\"unix:///tmp/none.sock\",\"SkipTLSVerify\":false}}}", Files.readString(meta));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(meta)));
        Path tls = store().tlsPath("tls1").resolve("docker");
        assertArrayEquals(ca, Files.readAllBytes(tls.resolve("ca.pem")));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tls)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.resolve("key.pem"))));
        DockerContext read = store().read("tls1");
        assertEquals(List.of("ca.pem", "cert.pem", "key.pem"), read.tlsFiles());
        assertEquals("tcp://10.0.0.1:2376", read.host());
        assertEquals("", read.description());
        assertFalse(Files.exists(store().tlsPath("one")), "no TLS files, no TLS folder");
    }

    @Test
    void listIsInNaturalOrder() throws Exception {
        for (String name : List.of("ctx10", "b", "ctx2", "a1", "ctx1")) {
            store().create(name.length() == 1 ? name + "x" : name, "", new ContextEndpointSpec("unix:///x", false, null, null, null));
        }
        assertEquals(List.of("a1", "bx", "ctx1", "ctx2", "ctx10"), store().list().stream().map(DockerContext::name).toList());
    }

    @Test
    void useWritesCurrentContextAndKeepsTheRestOfConfigJson() throws Exception {
        Files.writeString(config.resolve("config.json"), "{\"auths\":{\"r.example\":{\"auth\":\"x\"}},\"psFormat\":\"table {{.Names}}\"}");
        store().create("one", "", new ContextEndpointSpec("unix:///x", false, null, null, null));
        store().use("one");
        assertEquals("one", store().currentContext());
        String written = Files.readString(config.resolve("config.json"));
        assertTrue(written.contains("\n\t\"currentContext\": \"one\""), written);
        assertTrue(written.contains("\"psFormat\": \"table {{.Names}}\""), written);
        assertTrue(written.contains("\"r.example\""), written);
        store().use("default");
        assertEquals("", store().currentContext());
        assertFalse(Files.readString(config.resolve("config.json")).contains("currentContext"));
    }

    @Test
    void useOfANewConfigWritesWhatTheCliWrites() throws Exception {
        store().create("one", "", new ContextEndpointSpec("unix:///x", false, null, null, null));
        store().use("one");
        assertEquals("{\n\t\"auths\": {},\n\t\"currentContext\": \"one\"\n}", Files.readString(config.resolve("config.json")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config.resolve("config.json"))));
    }

    @Test
    void useOfDefaultWritesNothingWhenNothingChanges() throws Exception {
        store().use("default");
        assertFalse(Files.exists(config.resolve("config.json")));
    }

    @Test
    void errorsAreTheClisWords() throws Exception {
        store().create("two", "", new ContextEndpointSpec("unix:///x", false, null, null, null));
        assertEquals("context \"two\" already exists", assertThrows(ContextError.class,
                () -> store().create("two", "", new ContextEndpointSpec("unix:///y", false, null, null, null))).getMessage());
        assertEquals("\"default\" is a reserved context name",
                assertThrows(ContextError.class, () -> ContextStore.validateName("default")).getMessage());
        assertEquals("context name \"a\" is invalid, names are validated against regexp \"^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$\"",
                assertThrows(ContextError.class, () -> ContextStore.validateName("a")).getMessage());
        assertEquals("context name \"bad name\" is invalid, names are validated against regexp \"^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$\"",
                assertThrows(ContextError.class, () -> ContextStore.validateName("bad name")).getMessage());
        Path meta = store().metadataPath("nosuch").resolve("meta.json");
        assertEquals("context \"nosuch\": context not found: open " + meta + ": no such file or directory",
                assertThrows(ContextError.class, () -> store().use("nosuch")).getMessage());
    }

    @Test
    void removeDeletesMetadataAndTls() throws Exception {
        store().create("gone", "", new ContextEndpointSpec("tcp://h:2376", true, "-----BEGIN CERTIFICATE-----".getBytes(), null, null));
        assertTrue(store().exists("gone"));
        store().remove("gone");
        assertFalse(store().exists("gone"));
        assertFalse(Files.exists(store().tlsPath("gone")));
        assertTrue(store().list().isEmpty());
    }

    @Test
    void copyTakesEndpointsTlsAndDescription() throws Exception {
        byte[] ca = "-----BEGIN CERTIFICATE-----\n".getBytes();
        store().create("src", "original", new ContextEndpointSpec("tcp://h:2376", false, ca, null, null));
        DockerContext copied = store().copy("src", "dst", "");
        assertEquals("original", copied.description());
        assertEquals(List.of("ca.pem"), copied.tlsFiles());
        assertEquals("copy", store().copy("src", "dst2", "copy").description());
    }

    @Test
    void theDockerOptionIsParsedAsTheCliParsesIt() throws Exception {
        assertEquals(Map.of("host", "tcp://h:2376", "ca", "/a,b.pem"),
                ContextEndpointSpec.parseOption("host=tcp://h:2376,\"ca=/a,b.pem\""));
        assertEquals("unable to create docker endpoint config: unrecognized config key: bogus",
                assertThrows(ContextError.class, () -> ContextEndpointSpec.fromOptions(Map.of("host", "unix:///x", "bogus", "1"))).getMessage());
        assertEquals("unable to create docker endpoint config: skip-tls-verify: parsing \"maybe\": invalid syntax",
                assertThrows(ContextError.class, () -> ContextEndpointSpec.fromOptions(Map.of("host", "tcp://h:1", "skip-tls-verify", "maybe"))).getMessage());
        assertEquals("unable to create docker endpoint config: open /nonexistent: no such file or directory",
                assertThrows(ContextError.class, () -> ContextEndpointSpec.fromOptions(Map.of("host", "tcp://h:1", "ca", "/nonexistent"))).getMessage());
        assertEquals("unable to create docker endpoint config: unable to apply docker endpoint options: unable to parse docker host `/tmp/x.sock`",
                assertThrows(ContextError.class, () -> ContextEndpointSpec.fromOptions(Map.of("host", "/tmp/x.sock"))).getMessage());
        assertTrue(ContextEndpointSpec.fromOptions(Map.of("host", "tcp://h:1", "skip-tls-verify", "true")).skipTlsVerify());
    }

    @Test
    void aBrokenMetaFileFailsTheList() throws Exception {
        Files.createDirectories(store().metadataPath("bad"));
        Files.writeString(store().metadataPath("bad").resolve("meta.json"), "{bad");
        assertTrue(assertThrows(ContextError.class, () -> store().list()).getMessage().startsWith("failed to read metadata: parsing "));
    }

    @Test
    void naturalOrder() {
        List<String> names = new ArrayList<>(List.of("x10", "x9", "x09", "y", "x1a", "X"));
        names.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("X", "x1a", "x9", "x09", "x10", "y"), names);
    }
}
