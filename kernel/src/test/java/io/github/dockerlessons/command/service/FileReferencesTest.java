package io.github.dockerlessons.command.service;

import com.google.gson.JsonArray;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.engine.Cancellation;
import io.github.dockerlessons.engine.EngineDiscovery;
import io.github.dockerlessons.engine.EngineGateway;
import io.github.dockerlessons.engine.FakeDaemon;
import io.github.dockerlessons.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code service create --secret}: docker/cli's SecretOpt and ParseSecrets, over a fake manager. */
class FileReferencesTest {
    @Test
    void aNameAloneIsSourceAndTargetWithTheCliDefaults() throws Exception {
        assertEquals("{\"File\":{\"Name\":\"db-password\",\"UID\":\"0\",\"GID\":\"0\",\"Mode\":292},\"SecretName\":\"db-password\"}",
                FileReferences.SECRET.parse("db-password", "--secret").toString());
        assertEquals("{\"File\":{\"Name\":\"pw\",\"UID\":\"1000\",\"GID\":\"0\",\"Mode\":256},\"SecretName\":\"db-password\"}",
                FileReferences.SECRET.parse("src=db-password,target=pw,uid=1000,mode=0400", "--secret").toString());
    }

    @Test
    void malformedValuesAreTheCliWords() {
        assertEquals("invalid argument \"target=x\" for \"--secret\" flag: source is required",
                assertThrows(DockerError.class, () -> FileReferences.SECRET.parse("target=x", "--secret")).cliText());
        assertEquals("invalid argument \"source=a,oops\" for \"--secret\" flag: invalid field 'oops' must be a key=value pair",
                assertThrows(DockerError.class, () -> FileReferences.SECRET.parse("source=a,oops", "--secret")).cliText());
        assertEquals("invalid argument \"source=a,colour=red\" for \"--secret\" flag: invalid field in secret request: colour",
                assertThrows(DockerError.class, () -> FileReferences.SECRET.parse("source=a,colour=red", "--secret")).cliText());
        assertTrue(assertThrows(DockerError.class, () -> FileReferences.SECRET.parse("source=a,mode=rw", "--secret")).cliText()
                .endsWith("invalid mode specified: strconv.ParseUint: parsing \"rw\": invalid syntax"));
    }

    @Test
    void secretsAreFoundByNameOrNamedWhenMissing() throws Exception {
        FakeDaemon daemon = new FakeDaemon().on("GET", "/secrets",
                FakeDaemon.json(200, "[{\"ID\":\"x1\",\"Spec\":{\"Name\":\"db-password\"}}]"));
        CommandContext ctx = new CommandContext(EngineGateway.inMemory(EngineDiscovery.fixed("unix:///fake.sock"), daemon),
                Console.NOWHERE, new Messages(Messages.ENGLISH), null, new Cancellation(), Clock.systemUTC(),
                Duration.ofSeconds(5));
        JsonArray secrets = FileReferences.SECRET.resolve(ctx, List.of("db-password"), "--secret");
        assertEquals("x1", secrets.get(0).getAsJsonObject().get("SecretID").getAsString());
        assertEquals("secret not found: api-key",
                assertThrows(DockerError.class, () -> FileReferences.SECRET.resolve(ctx, List.of("db-password", "api-key"), "--secret")).cliText());
        assertEquals("duplicate secret target for b not allowed", assertThrows(DockerError.class,
                () -> FileReferences.SECRET.resolve(ctx, List.of("a", "source=b,target=a"), "--secret")).cliText());
    }
}
