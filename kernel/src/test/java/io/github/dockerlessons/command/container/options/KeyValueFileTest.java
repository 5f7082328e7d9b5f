package io.github.dockerlessons.command.container.options;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** docker's pkg/kvfile, to its words: the lines kept, and the first failing line's error. */
class KeyValueFileTest {
    @TempDir
    Path folder;

    private String file(byte[] bytes) throws IOException {
        Path path = folder.resolve("vars.env");
        Files.write(path, bytes);
        return path.toString();
    }

    private String error(String file) {
        return assertThrows(InvalidOptions.class, () -> KeyValueFile.read(List.of(file), Map.of())).getMessage();
    }

    @Test
    void aLineThatIsNotUtf8IsNamedWithItsNumberAndBytesAsGoPrintsThem() throws IOException {
        String file = file(new byte[] {'A', '=', '1', '\n', 'B', '=', (byte) 0xff, 'x', '\r', '\n', 'C', '=', '3'});
        assertEquals("invalid env file (" + file + "): invalid utf8 bytes at line 2: [66 61 255 120]", error(file));
    }

    @Test
    void anEarlierLinesErrorComesFirstAsTheCliParsesLineByLine() throws IOException {
        String file = file(new byte[] {'=', 'x', '\n', 'B', '=', (byte) 0xc3, '\n'});
        assertEquals("invalid env file (" + file + "): no variable name on line '=x'", error(file));
    }

    @Test
    void bomCrLfCommentsAndBareKeysAreReadAsTheCliReadsThem() throws Exception {
        String file = file("\uFEFFA=1\r\n# c\r\n\r\n  B = 2 \nHOME\nC=é".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("invalid env file (" + file + "): variable 'B ' contains whitespaces", error(file));
        String ok = file("\uFEFFA=1\r\n# c\r\n\r\n  B= 2 \nHOME\nC=é".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of("A=1", "B= 2 ", "HOME=/h", "C=é"), KeyValueFile.read(List.of(ok), Map.of("HOME", "/h")));
    }

    @Test
    void leadingSpaceIsGosUnicodeIsSpaceNotJavasIsWhitespace() throws Exception {
        // Go strips NBSP, NEL and the other White_Space characters; the file separators 0x1c-0x1f it keeps
        String file = file("\u00a0A=1\n\u0085\u2007\u3000B=2\n\u001cC=3\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of("A=1", "B=2", "\u001cC=3"), KeyValueFile.read(List.of(file), null));
    }

    @Test
    void manyVariablesEndInWordsBeforeTheHeapDoes() throws Exception {
        // 8 MiB of "A=1" lines ended the kernel on OutOfMemoryError; the bound counts all files together
        String most = file("A=1\n".repeat(KeyValueFile.MAX_VARIABLES).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(KeyValueFile.MAX_VARIABLES, KeyValueFile.read(List.of(most), null).size());
        Path one = folder.resolve("one.env");
        Files.writeString(one, "B=2\n");
        assertEquals("invalid env file (" + one + "): more than 100000 variables or 8 MiB of them: the kernel takes at most that",
                assertThrows(InvalidOptions.class, () -> KeyValueFile.read(List.of(most, one.toString()), null)).getMessage());
        // a bare name takes the environment's value: short lines, long variables
        String bare = file("P\n".repeat(1000).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThrows(InvalidOptions.class, () -> KeyValueFile.read(List.of(bare), Map.of("P", "x".repeat(10_000))));
    }

    @Test
    void aLineOfGoScannersBufferIsTooLongAndOneByteLessIsRead() throws Exception {
        byte[] longest = new byte[64 * 1024];
        java.util.Arrays.fill(longest, (byte) 'a');
        longest[0] = 'K';
        longest[1] = '=';
        longest[longest.length - 1] = '\n';
        assertEquals(1, KeyValueFile.read(List.of(file(longest)), null).size());
        byte[] tooLong = java.util.Arrays.copyOf(longest, longest.length + 1);
        tooLong[longest.length - 1] = 'a';
        tooLong[longest.length] = '\n';
        String file = file(tooLong);
        assertEquals("invalid env file (" + file + "): bufio.Scanner: token too long", error(file));
    }
}
