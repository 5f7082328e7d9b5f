package io.github.dockerlessons.command.golden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Golden files, as gotest.tools' golden package has them: {@code golden/<command>-<case>.golden} under
 * the test resources holds the exact text the docker CLI prints for a case, and a test compares a
 * command's output with it byte for byte. Run with {@code -Dgolden.update=true} (or GOLDEN_UPDATE=1)
 * to rewrite the files from what the commands print now, then read the diff: a golden file is only
 * as right as the review of that diff against the CLI.
 */
public final class Golden {
    /** Where the files live in the source tree (surefire runs in the module's folder). */
    static final Path DIR = Path.of("src/test/resources/io/github/dockerlessons/command/golden");

    private Golden() {
    }

    static boolean updating() {
        return Boolean.getBoolean("golden.update") || "1".equals(System.getenv("GOLDEN_UPDATE"))
                || "true".equals(System.getenv("GOLDEN_UPDATE"));
    }

    /** Asserts that {@code actual} is the text of {@code name}.golden (or writes it, when updating). */
    public static void assertMatches(String name, String actual) {
        Path file = DIR.resolve(name + ".golden");
        try {
            if (updating()) {
                Files.createDirectories(DIR);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                fail("no golden file " + file + "; run with -Dgolden.update=true to write it, then review it");
            }
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "output differs from " + file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
