package io.github.dockerlessons.session;

import io.github.dockerlessons.RecordingConsole;
import io.github.dockerlessons.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-cell budget counts UTF-8 bytes and never cuts inside a character. */
class OutputBudgetTest {
    private final RecordingConsole cell = new RecordingConsole();
    private final Messages messages = new Messages(Messages.ENGLISH);

    @Test
    void theRunningViewOfOutputWithoutNewlinesIsBounded() throws InterruptedException {
        // service logs -f of a task that prints without newlines: the view of "the latest 20 lines" was the
        // whole held tail (512 KiB) at every redraw, sent while holding the budget, so the stop button's end
        // of the cell waited seconds behind it
        OutputBudget budget = new OutputBudget(cell, messages, OutputBudget.DEFAULT_LIMIT);
        budget.out("x".repeat(1 << 20));
        Thread.sleep(800);
        budget.out("y");
        budget.finish();
        assertFalse(cell.displays.isEmpty(), "a running view was shown");
        for (var display : cell.displays) {
            assertTrue(display.plainText().length() < 20_000, String.valueOf(display.plainText().length()));
        }
    }

    @Test
    void emojiAreNeverCut() {
        OutputBudget budget = new OutputBudget(cell, messages, 11);
        budget.out("😀".repeat(10));
        budget.finish();
        String out = cell.out.toString();
        assertFalse(out.contains("?") || out.contains("\uFFFD"), out);
        assertTrue(out.codePoints().allMatch(cp -> cp == 0x1F600), out);
        // 5 bytes of head: one emoji (4 bytes); 6 of tail: one emoji; the rest is left out.
        assertEquals("😀😀", out);
        assertTrue(cell.err.toString().contains("32B"), cell.err.toString());
    }

    @Test
    void koreanCountsThreeBytesACharacter() {
        OutputBudget budget = new OutputBudget(cell, messages, 3000);
        budget.out("가".repeat(3000));
        budget.finish();
        String out = cell.out.toString();
        assertTrue(out.getBytes(StandardCharsets.UTF_8).length <= 3000, String.valueOf(out.length()));
        assertEquals(1000, out.length());
    }

    @Test
    void asciiWithinTheLimitPassesWhole() {
        OutputBudget budget = new OutputBudget(cell, messages, 100);
        budget.out("a".repeat(100));
        budget.finish();
        assertEquals("a".repeat(100), cell.out.toString());
        assertEquals("", cell.err.toString());
    }

    @Test
    void aNewLimitAppliesToTheRestOfTheCell() {
        OutputBudget budget = new OutputBudget(cell, messages, 10);
        budget.setLimit(0);
        budget.out("b".repeat(1000));
        budget.finish();
        assertEquals(1000, cell.out.length());
    }

    @Test
    void utf8Arithmetic() {
        assertEquals(4, OutputBudget.utf8Length("😀"));
        assertEquals(3, OutputBudget.utf8Length("가"));
        assertEquals(0, OutputBudget.prefixWithin("😀", 3));
        assertEquals(2, OutputBudget.prefixWithin("😀😀", 7));
    }
}
