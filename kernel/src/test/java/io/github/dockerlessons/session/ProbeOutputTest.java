package io.github.dockerlessons.session;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProbeOutputTest {
    @Test
    void aWantedTextIsFoundAcrossChunksAndInALogLongerThanWhatIsKept() {
        ProbeOutput output = new ProbeOutput(true, "Ready to accept", 16);
        output.out("x".repeat(1000) + "Ready to ");
        output.out("acc");
        output.err("ept connections\n" + "y".repeat(5000) + "\nlast line\n");
        assertTrue(output.seen());
        assertTrue(output.cut());
        assertEquals(16, output.text().length());
        assertTrue(output.text().endsWith("last line\n"));
    }

    @Test
    void stderrCountsOnlyWhereAsked() {
        ProbeOutput exec = new ProbeOutput(false, "", 64);
        exec.out("PONG\n");
        exec.err("warning\n");
        assertEquals("PONG\n", exec.text());
        assertFalse(exec.seen());
        assertFalse(exec.cut());
    }

    @Test
    void aTextThatNeverCameIsNotSeen() {
        ProbeOutput output = new ProbeOutput(true, "abc", 4);
        output.out("ab");
        output.out("xabx");
        output.out("bc");
        assertFalse(output.seen());
    }
}
