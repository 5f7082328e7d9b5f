package io.github.dockerlessons.command.image;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BuilderStderrTest {
    private static final String RED = "\u001b[91m";
    private static final String RESET = "\u001b[0m";

    private static String printed(List<String> streams) {
        BuilderStderr joiner = new BuilderStderr();
        StringBuilder out = new StringBuilder();
        streams.forEach(s -> out.append(joiner.next(s)));
        return out.append(joiner.end()).toString();
    }

    @Test
    void theSameStderrInAnyNumberOfReadsPrintsTheSameOneRedRun() {
        // lesson 09's npm warnings, as the engine sent them on two builds of the same Dockerfile
        String warn = "npm warn deprecated a\nnpm notice New version\nnpm notice Run npm install\n";
        String once = printed(List.of("Step 3/4 : RUN npm install\n", " ---> Running in abc\n",
                RED + warn + RESET, "added 64 packages\n"));
        String pieces = printed(List.of("Step 3/4 : RUN npm install\n", " ---> Running in abc\n",
                RED + warn.substring(0, 9) + RESET, RED + warn.substring(9, 30) + RESET,
                RED + warn.substring(30) + RESET, "added 64 packages\n"));
        assertEquals(once, pieces);
        assertEquals("Step 3/4 : RUN npm install\n ---> Running in abc\n" + RED + warn + RESET
                + "added 64 packages\n", once);
    }

    @Test
    void aRunAtTheEndOfTheOutputKeepsItsReset() {
        String err = "npm error code ENOENT\nnpm error path /usr/src/app/package.json\n";
        assertEquals(RED + err + RESET, printed(List.of(RED + "npm error code ENOENT\n" + RESET,
                RED + "npm error path /usr/src/app/package.json\n" + RESET)));
    }

    @Test
    void stdoutBetweenTwoRunsKeepsThemApartAndTextWithoutColourPassesAsItIs() {
        assertEquals(RED + "a" + RESET + "b\n" + RED + "c" + RESET,
                printed(List.of(RED + "a" + RESET, "b\n", RED + "c" + RESET)));
        assertEquals("Step 1/2 : FROM node\n", printed(List.of("Step 1/2 : FROM node\n")));
        assertEquals("", new BuilderStderr().end());
    }
}
