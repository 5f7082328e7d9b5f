package io.github.dockerlessons.command.stream;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Utf8StreamDecoderTest {
    @Test
    void koreanSplitAcrossFramesArrivesIntact() {
        byte[] bytes = "안녕하세요".getBytes(StandardCharsets.UTF_8);
        Utf8StreamDecoder decoder = new Utf8StreamDecoder();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            out.append(decoder.decode(bytes, i, 1)); // one byte per frame: the worst case
        }
        out.append(decoder.finish());
        assertEquals("안녕하세요", out.toString());
    }

    @Test
    void anUnfinishedCharacterAtTheEndBecomesAReplacement() {
        byte[] bytes = "가".getBytes(StandardCharsets.UTF_8);
        Utf8StreamDecoder decoder = new Utf8StreamDecoder();
        assertEquals("", decoder.decode(bytes, 0, 2));
        assertEquals("\uFFFD", decoder.finish());
    }
}
