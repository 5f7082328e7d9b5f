package io.github.dockerlessons.session;

import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.render.Bundle;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A substitution's console: what it keeps as words, what still reaches the cell. */
class CapturingConsoleTest {
    /** A cell that can ask and notes what reaches it. */
    private static final class Cell implements Console {
        final List<String> seen = new ArrayList<>();

        @Override
        public void out(String text) {
            seen.add("out:" + text);
        }

        @Override
        public void err(String text) {
            seen.add("err:" + text);
        }

        @Override
        public void show(Bundle bundle) {
            seen.add("show:" + bundle.plainText());
        }

        @Override
        public void result(Bundle bundle) {
            seen.add("result:" + bundle.plainText());
        }

        @Override
        public String showUpdatable(Bundle bundle) {
            seen.add("progress:" + bundle.plainText());
            return "d1";
        }

        @Override
        public boolean canAsk() {
            return true;
        }
    }

    @Test
    void wordsAreKeptWhileStderrAndProgressReachTheCell() {
        Cell cell = new Cell();
        CapturingConsole capture = new CapturingConsole(cell, 1024);
        capture.out("a ");
        capture.show(Bundle.text("b "));
        assertNull(capture.showLive(Bundle.text("c")));
        capture.err("warning\n");
        assertEquals("d1", capture.showUpdatable(Bundle.text("50%")));
        assertEquals("a b c", capture.text());
        assertEquals(List.of("err:warning\n", "progress:50%"), cell.seen);
        assertFalse(capture.canAsk());
    }

    @Test
    void beyondTheLimitNothingIsKept() {
        CapturingConsole capture = new CapturingConsole(new Cell(), 4);
        capture.out("안녕");
        assertTrue(capture.overflowed());
        assertEquals("", capture.text());
    }
}
