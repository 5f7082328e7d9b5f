package io.github.dockerlessons.command.stream;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.github.dockerlessons.RecordingConsole;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A multiplexed stream's frames as moby's stdcopy.StdCopy reads them (what the docker CLI prints). */
class ContainerOutputTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static ContainerOutput multiplexed(RecordingConsole console) {
        ContainerOutput output = new ContainerOutput(console);
        output.expectMultiplexed();
        return output;
    }

    @Test
    void aFrameMarkedStdinGoesToStdoutAsStdcopyWritesIt() {
        RecordingConsole console = new RecordingConsole();
        ContainerOutput output = multiplexed(console);
        output.onNext(new Frame(StreamType.STDOUT, bytes("a\n")));
        output.onNext(new Frame(StreamType.STDIN, bytes("b\n")));
        output.onNext(new Frame(StreamType.STDERR, bytes("c\n")));
        assertEquals("a\nb\n", console.out.toString());
        assertEquals("c\n", console.err.toString());
        assertNull(output.malformed());
    }

    @Test
    void aSystemerrFrameEndsTheStreamWithTheEnginesWordsAsTheCliSaysThem() {
        RecordingConsole console = new RecordingConsole();
        ContainerOutput output = multiplexed(console);
        String message = "Error grabbing logs: invalid character 'x' looking for beginning of value\n";
        byte[] header = {3, 0, 0, 0, 0, 0, 0, (byte) message.length()};
        output.onNext(new Frame(StreamType.STDOUT, bytes("before\n")));
        // docker-java passes an unknown header as a raw frame of its 8 bytes, then raw chunks
        output.onNext(new Frame(StreamType.RAW, header));
        output.onNext(new Frame(StreamType.RAW, bytes(message.substring(0, 10))));
        output.onNext(new Frame(StreamType.RAW, bytes(message.substring(10) + "after")));
        assertEquals("error from daemon in stream: " + message, output.malformed());
        assertEquals("hint.engine.stream.daemon", output.malformedHint());
        assertEquals("before\n", console.out.toString());
    }

    @Test
    void aHeaderNamingNoStreamIsStillUnrecognized() {
        ContainerOutput output = multiplexed(new RecordingConsole());
        output.onNext(new Frame(StreamType.RAW, new byte[] {7, 0, 0, 0, 0, 0, 0, 1}));
        assertEquals("Unrecognized input header: 7", output.malformed());
        assertEquals("hint.engine.stream.header", output.malformedHint());
    }

    @Test
    void whatTheDecoderStillHoldsIsShownWhetherTheStreamCompletesOrFails() {
        byte[] cut = java.util.Arrays.copyOf(bytes("한"), 2); // a character the stream ends inside
        for (boolean fails : new boolean[] {false, true}) {
            RecordingConsole console = new RecordingConsole();
            ContainerOutput output = multiplexed(console);
            output.onNext(new Frame(StreamType.STDOUT, bytes("ok ")));
            output.onNext(new Frame(StreamType.STDOUT, cut));
            String before = console.out.toString();
            if (fails) {
                output.onError(new java.io.IOException("connection reset"));
            } else {
                output.onComplete();
            }
            assertEquals(before + "\uFFFD", console.out.toString(), fails ? "onError" : "onComplete");
        }
    }

    @Test
    void typingWaitsUntilACursorReportHadTimeToBeReadAndNotWhenNoneWasAsked() throws Exception {
        ContainerOutput output = new ContainerOutput(new RecordingConsole(), true);
        List<String> answers = new ArrayList<>();
        output.answerThrough(b -> answers.add(new String(b, StandardCharsets.UTF_8)));
        long before = System.nanoTime();
        output.awaitAnswerRead(300);
        assertTrue(System.nanoTime() - before < 100_000_000L, "no report was asked: no wait");
        before = System.nanoTime();
        output.onNext(new Frame(StreamType.RAW, bytes("/ # \u001b[6n")));
        assertEquals(List.of("\u001b[1;5R"), answers);
        output.awaitAnswerRead(300);
        assertTrue(System.nanoTime() - before >= 300_000_000L, "typed 300 ms after the report at the earliest");
    }
}
