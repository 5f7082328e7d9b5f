package io.github.dockerlessons.command.compose;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.github.dockerlessons.RecordingConsole;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What compose shows: the log lines after their container's name, and the progress display. */
class PanelsTest {
    @Test
    void logLinesCarryTheirContainersNamePaddedToTheLongestAndHtmlColoursIt() {
        RecordingConsole console = new RecordingConsole();
        LogPanel panel = new LogPanel(console, true, n -> n + " dropped");
        ResultCallback.Adapter<Frame> web = panel.follow("web-1");
        ResultCallback.Adapter<Frame> client = panel.follow("client-1");
        byte[] korean = "안녕\n둘".getBytes(StandardCharsets.UTF_8);
        // a character cut between two frames still arrives whole
        web.onNext(new Frame(StreamType.STDOUT, Arrays.copyOfRange(korean, 0, 4)));
        web.onNext(new Frame(StreamType.STDOUT, Arrays.copyOfRange(korean, 4, korean.length)));
        client.onNext(new Frame(StreamType.STDERR, "err\n".getBytes(StandardCharsets.UTF_8)));
        web.onComplete();
        panel.status("web-1", "exited with code 0");
        panel.close();
        assertEquals("web-1     | 안녕\nclient-1  | err\nweb-1     | 둘\nweb-1 exited with code 0\n", panel.text());
        String html = console.displays.get(0).data().get("text/html").toString();
        assertTrue(html.startsWith("<pre class=\"compose-logs\""), html);
    }

    @Test
    void withoutPrefixTheLinesAreBare() {
        LogPanel panel = new LogPanel(new RecordingConsole(), false, n -> "");
        ResultCallback.Adapter<Frame> one = panel.follow("one-1");
        one.onNext(new Frame(StreamType.STDOUT, "x\n".getBytes(StandardCharsets.UTF_8)));
        panel.close();
        assertEquals("x\n", panel.text());
    }

    @Test
    void progressShowsTheTitleTheCountAndALinePerObject() {
        RecordingConsole console = new RecordingConsole();
        ProgressPanel progress = new ProgressPanel(console, "Running");
        progress.working("Network p_default", "Creating");
        String first = console.displays.get(0).plainText();
        assertTrue(first.startsWith("[+] Running 0/1\n ⠿ Network p_default  Creating "), first);
        assertTrue(console.displays.get(0).data().containsKey("text/html"));
    }
}
