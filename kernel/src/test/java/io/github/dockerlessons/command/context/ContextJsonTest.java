package io.github.dockerlessons.command.context;

import com.google.gson.JsonObject;
import io.github.dockerlessons.engine.ContextEndpointSpec;
import io.github.dockerlessons.engine.ContextError;
import io.github.dockerlessons.engine.ContextStore;
import io.github.dockerlessons.engine.DockerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** docker context inspect's JSON and --docker's value grammar, as docker/cli 28.2 prints and reads them. */
class ContextJsonTest {
    @TempDir
    Path config;

    @Test
    void theDefaultContextIsInMemoryWithEmptyMetadata() {
        assertEquals("{\"Name\":\"default\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\"unix:///var/run/docker.sock\","
                        + "\"SkipTLSVerify\":false}},\"TLSMaterial\":{},\"Storage\":{\"MetadataPath\":\"\\u003cIN MEMORY\\u003e\","
                        + "\"TLSPath\":\"\\u003cIN MEMORY\\u003e\"}}",
                ContextJson.of(DockerContext.defaultContext("unix:///var/run/docker.sock", false)));
    }

    @Test
    void aStoredContextNamesItsTlsFilesAndFolders() throws Exception {
        ContextStore store = new ContextStore(config);
        byte[] pem = "-----BEGIN CERTIFICATE-----\n".getBytes();
        DockerContext lab = store.create("lab", "a<b>&c", new ContextEndpointSpec("tcp://h:2376", false, pem, null, null));
        String hash = ContextStore.directoryName("lab");
        assertEquals("{\"Name\":\"lab\",\"Metadata\":{\"Description\":\"a\\u003cb\\u003e\\u0026c\"},\"Endpoints\":{\"docker\":"
                + "{\"Host\":\"tcp://h:2376\",\"SkipTLSVerify\":false}},\"TLSMaterial\":{\"docker\":[\"ca.pem\"]},"
                + "\"Storage\":{\"MetadataPath\":\"" + config.resolve("contexts/meta/" + hash) + "\",\"TLSPath\":\""
                + config.resolve("contexts/tls/" + hash) + "\"}}", ContextJson.of(lab));
    }

    @Test
    void anEmptyHostIsLeftOutAsTheCliDoes() throws Exception {
        DockerContext c = new ContextStore(config).create("nohost", "", new ContextEndpointSpec("", false, null, null, null));
        JsonObject docker = c.endpoints().getAsJsonObject("docker");
        assertEquals("{\"SkipTLSVerify\":false}", docker.toString());
    }

    @Test
    void dockerFlagValuesFollowPflagsStringToString() throws Exception {
        assertEquals(Map.of("host", "tcp://x,ca"), ContextEndpointSpec.parseOption("host=tcp://x,ca"));
        assertEquals(Map.of("host", "tcp://a", "skip-tls-verify", "true"),
                ContextEndpointSpec.parseOption("host=tcp://a,skip-tls-verify=true"));
        assertEquals(Map.of("host", ""), ContextEndpointSpec.parseOption("host="));
        assertEquals(" must be formatted as key=value",
                assertThrows(ContextError.class, () -> ContextEndpointSpec.parseOption("")).getMessage());
        assertEquals("nothing must be formatted as key=value",
                assertThrows(ContextError.class, () -> ContextEndpointSpec.parseOption("nothing")).getMessage());
    }

    @Test
    void lsRowsCarryTheFieldsTheirTemplatesUse() {
        var row = ContextFields.of(DockerContext.defaultContext("unix:///x.sock", false), true);
        assertEquals("{\"Current\":true,\"Description\":\"Current DOCKER_HOST based configuration\","
                + "\"DockerEndpoint\":\"unix:///x.sock\",\"Error\":\"\",\"Name\":\"default\"}", row.marshalJson());
    }
}
