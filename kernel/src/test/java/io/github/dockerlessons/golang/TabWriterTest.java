package io.github.dockerlessons.golang;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TabWriterTest {
    @Test
    void columnsAreWidestCellPlusThreeAndAtLeastTen() {
        String out = TabWriter.docker().format(List.of(
                List.of("CONTAINER ID", "PORTS", "NAMES"),
                List.of("24cf35f29927", "", "funny_banzai")));
        assertEquals("CONTAINER ID   PORTS     NAMES\n24cf35f29927             funny_banzai\n", out);
    }

    @Test
    void hangulCountsTwoColumns() {
        String out = TabWriter.docker().format(List.of(List.of("한글이름입니다", "x"), List.of("a", "y")));
        // 7 syllables = 14 columns, plus padding 3 = 17
        assertEquals("한글이름입니다   x\na" + " ".repeat(16) + "y\n", out);
    }

    @Test
    void unevenLinesAlignPerBlockAsGoDoes() {
        assertEquals("a             b\nlonger-cell   c\nx\n",
                TabWriter.docker().format("a\tb\nlonger-cell\tc\nx\n"));
        assertEquals("x\na         b\n", TabWriter.docker().format("x\na\tb\n"));
    }
}
