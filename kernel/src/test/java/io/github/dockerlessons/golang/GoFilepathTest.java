package io.github.dockerlessons.golang;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cases from Go's path/filepath tests (path_test.go's cleantests, match_test.go's bad patterns). */
class GoFilepathTest {
    @Test
    void cleanAsGoDoes() {
        assertEquals(".", GoFilepath.clean(""));
        assertEquals("abc/def", GoFilepath.clean("abc//def//"));
        assertEquals("/", GoFilepath.clean("/../.."));
        assertEquals("../../abc", GoFilepath.clean("abc/../../../abc"));
        assertEquals(".", GoFilepath.clean("abc/.."));
        assertEquals("/abc", GoFilepath.clean("/./abc/"));
    }

    @Test
    void patternSyntaxAsMatchChecksIt() {
        assertTrue(GoFilepath.isValidPattern("*.go"));
        assertTrue(GoFilepath.isValidPattern("a[^b-c]d"));
        assertFalse(GoFilepath.isValidPattern("["));
        assertFalse(GoFilepath.isValidPattern("[]a]"));
        assertFalse(GoFilepath.isValidPattern("a[b-"));
        assertFalse(GoFilepath.isValidPattern("a\\"));
        assertFalse(GoFilepath.isValidPattern("*x["));
    }
}
