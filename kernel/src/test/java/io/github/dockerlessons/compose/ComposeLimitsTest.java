package io.github.dockerlessons.compose;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compose files built to exhaust the kernel (issue 19): each ends in an error naming the limit, quickly,
 * and a load can be stopped.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ComposeLimitsTest {
    @TempDir
    Path dir;

    private ComposeFileError fails(String yaml, String dotEnv) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("p"));
        Files.writeString(folder.resolve("compose.yaml"), yaml);
        if (dotEnv != null) {
            Files.writeString(folder.resolve(".env"), dotEnv);
        }
        return assertThrows(ComposeFileError.class, () -> ProjectLoader.load(
                new ProjectLoader.Options(List.of(), null, null, List.of(), folder, Map.of())));
    }

    @Test
    void anAliasBombInAnExtensionKeyIsExcessiveAliasing() throws Exception {
        StringBuilder yaml = new StringBuilder("x-bomb:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 9; level++) {
            String ref = "*a" + (level - 1);
            yaml.append("  a").append(level).append(": &a").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, ref))).append("]\n");
        }
        yaml.append("services:\n  web:\n    image: busybox\n");
        ComposeFileError e = fails(yaml.toString(), null);
        assertTrue(e.getMessage().contains("document contains excessive aliasing"), e.getMessage());
    }

    @Test
    void aMergeKeyThatPointsAtItselfIsRefused() throws Exception {
        ComposeFileError e = fails("""
                x-a: &a
                  b: 1
                  <<: *a
                services:
                  web:
                    image: busybox
                """, null);
        assertTrue(e.getMessage().contains("yaml:"), e.getMessage());
    }

    @Test
    void aMergeKeyThatPointsAtItsParentIsRefused() throws Exception {
        ComposeFileError e = fails("""
                x-a: &a
                  b:
                    <<: *a
                services:
                  web:
                    image: busybox
                """, null);
        assertTrue(e.getMessage().contains("yaml:"), e.getMessage());
    }

    @Test
    void deeplyNestedYamlIsRefused() throws Exception {
        String yaml = "x-deep: " + "[".repeat(100_000) + "]".repeat(100_000) + "\nservices:\n  web:\n    image: busybox\n";
        ComposeFileError e = fails(yaml, null);
        assertTrue(e.getMessage().contains("exceeded max depth of " + YamlLoader.MAX_DEPTH), e.getMessage());
    }

    @Test
    void defaultsNestedVeryDeeplyAreRefused() throws Exception {
        String value = "${A:-".repeat(100_000) + "x" + "}".repeat(100_000);
        ComposeFileError e = fails("services:\n  web:\n    image: busybox\n    hostname: \"" + value + "\"\n", null);
        assertTrue(e.getMessage().contains("nest"), e.getMessage());
    }

    @Test
    void aDotEnvThatDoublesIsRefusedBeforeItFillsTheHeap() throws Exception {
        StringBuilder env = new StringBuilder("V0=xxxxxxxxxxxxxxxx\n");
        for (int i = 1; i <= 40; i++) {
            env.append('V').append(i).append("=${V").append(i - 1).append("}${V").append(i - 1).append("}\n");
        }
        ComposeFileError e = fails("services:\n  web:\n    image: busybox\n", env.toString());
        // V0 is 16 characters; V1..V18 take the budget to 8 Mi less 16, V19 (line 20) passes it
        assertTrue(e.getMessage().matches("failed to read .*/\\.env: line 20: substituted values exceed 8 MiB"),
                e.getMessage());
    }

    @Test
    void valuesThatExpandPastTheLimitAreRefused() throws Exception {
        StringBuilder env = new StringBuilder("V0=" + "x".repeat(1 << 20) + "\n");
        String yaml = "services:\n  web:\n    image: busybox\n    environment:\n"
                + "      A: " + "${V0}".repeat(40) + "\n";
        ComposeFileError e = fails(yaml, env.toString());
        assertTrue(e.getMessage().contains("MiB"), e.getMessage());
    }

    @Test
    void theStopButtonEndsALoad() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("s"));
        Files.writeString(folder.resolve("compose.yaml"), "services:\n  web:\n    image: busybox\n");
        AtomicBoolean stopped = new AtomicBoolean(true);
        ComposeFileError e = assertThrows(ComposeFileError.class, () -> ProjectLoader.load(
                new ProjectLoader.Options(List.of(), null, null, List.of(), folder, Map.of(), stopped::get)));
        assertTrue(e.isStopped());
    }
}
