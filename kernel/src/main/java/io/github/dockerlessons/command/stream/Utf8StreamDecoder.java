package io.github.dockerlessons.command.stream;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one output stream that arrives in frames cut anywhere: a Korean character whose three
 * bytes straddle two 1024-byte frames is held back until its last byte arrives, instead of turning
 * into two replacement characters. One decoder per stream.
 */
public final class Utf8StreamDecoder {
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer pending = ByteBuffer.allocate(0);

    /** Text complete so far; bytes of an unfinished character wait for the next call. */
    public synchronized String decode(byte[] bytes, int offset, int length) {
        ByteBuffer input;
        if (pending.hasRemaining()) {
            input = ByteBuffer.allocate(pending.remaining() + length);
            input.put(pending).put(bytes, offset, length).flip();
        } else {
            input = ByteBuffer.wrap(bytes, offset, length);
        }
        CharBuffer out = CharBuffer.allocate((int) (input.remaining() * 1.1) + 4);
        decoder.decode(input, out, false);
        pending = input.hasRemaining() ? copyOf(input) : ByteBuffer.allocate(0);
        return out.flip().toString();
    }

    /** Whatever is left at the end of the stream; an unfinished character becomes U+FFFD. */
    public synchronized String finish() {
        CharBuffer out = CharBuffer.allocate(pending.remaining() + 4);
        decoder.decode(pending, out, true);
        decoder.flush(out);
        decoder.reset();
        pending = ByteBuffer.allocate(0);
        return out.flip().toString();
    }

    private static ByteBuffer copyOf(ByteBuffer buffer) {
        ByteBuffer copy = ByteBuffer.allocate(buffer.remaining());
        copy.put(buffer).flip();
        return copy;
    }
}
