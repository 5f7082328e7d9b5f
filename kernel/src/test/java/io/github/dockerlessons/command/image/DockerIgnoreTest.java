package io.github.dockerlessons.command.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 19: .dockerignore patterns as moby's patternmatcher reads them, bad ones in Go's words. */
class DockerIgnoreTest {
    private static DockerIgnore of(String text) throws DockerIgnore.BadPattern {
        return DockerIgnore.compile(DockerIgnore.readAll(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[", "a[", "[]a]", "**/[", "![", "\\", "a\\", "[\\", "[a-", "[a-]", "x/[^]"})
    void malformedPatternsAreGosSyntaxError(String pattern) {
        DockerIgnore.BadPattern e = assertThrows(DockerIgnore.BadPattern.class, () -> of(pattern + "\n"));
        assertEquals("syntax error in pattern", e.getMessage());
    }

    @Test
    void aLoneBangIsAnIllegalExclusion() {
        DockerIgnore.BadPattern e = assertThrows(DockerIgnore.BadPattern.class, () -> of("!\n"));
        assertEquals("illegal exclusion pattern: \"!\"", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[a]", "[^a]", "[a-z]*", "\\[x\\]", "*.log", "**/*.tmp", "/", "a/**", "[]]"})
    void wellFormedPatternsCompile(String pattern) throws Exception {
        if (pattern.equals("[]]")) {
            // Go: a class cannot start with ']' ("[]]" is a syntax error)
            assertThrows(DockerIgnore.BadPattern.class, () -> of(pattern));
            return;
        }
        of(pattern + "\n");
    }

    @Test
    void matchingFollowsPatternmatcher() throws Exception {
        DockerIgnore ignore = of("# comment\n*.log\n!keep.log\nbuild/\n**/*.tmp\nsecret*\n");
        assertTrue(ignore.excludes("a.log"));
        assertFalse(ignore.excludes("keep.log"));
        assertFalse(ignore.excludes("sub/a.log"), "* does not cross folders");
        assertTrue(ignore.excludes("build"));
        assertTrue(ignore.excludes("build/x/y"), "a folder's contents go with it");
        assertTrue(ignore.excludes("x.tmp"));
        assertTrue(ignore.excludes("deep/er/x.tmp"));
        assertTrue(ignore.excludes("secret.txt"));
        assertFalse(ignore.excludes("Dockerfile"));
    }

    @Test
    void anExcludedFolderIsWalkedOnlyWhenAnExclusionNamesSomethingInIt() throws Exception {
        DockerIgnore ignore = of("docs\n!docs/keep.md\n");
        assertTrue(ignore.excludes("docs/other.md"));
        assertFalse(ignore.excludes("docs/keep.md"));
        assertTrue(ignore.mayReinclude("docs"));
        assertFalse(ignore.mayReinclude("src"));
    }

    @Test
    void linesAreCleanedLikePaths() {
        assertEquals(List.of("a/b", "!c", "d", "/"), DockerIgnore.readAll("\uFEFF./a//b/\n ! c \n/d\n/\n\n"));
    }
}
