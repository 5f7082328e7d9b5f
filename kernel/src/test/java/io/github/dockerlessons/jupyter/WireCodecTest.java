package io.github.dockerlessons.jupyter;

import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WireCodecTest {
    private final WireCodec codec = codec("secret");

    private static WireCodec codec(String key) {
        try {
            return new WireCodec(new HMACGenerator("HmacSHA256", key));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<byte[]> frames(WireCodec codec) {
        Message<ExecuteRequest> message = new Message<>(null, MessageType.EXECUTE_REQUEST,
                new ExecuteRequest("docker ps", false, true, Map.of(), false, true));
        return new ArrayList<>(codec.encode(message));
    }

    @Test
    void roundTripKeepsTheContent() {
        Message<?> decoded = codec.decode(frames(codec));
        assertEquals(MessageType.EXECUTE_REQUEST, decoded.getHeader().getType());
        assertEquals("docker ps", ((ExecuteRequest) decoded.getContent()).getCode());
    }

    @Test
    void aBadSignatureIsDropped() {
        assertNull(codec.decode(frames(codec("another key"))));
    }

    @Test
    void framesThatAreNotAMessageAreDropped() {
        assertNull(codec.decode(List.of("garbage".getBytes(StandardCharsets.UTF_8))));
        List<byte[]> truncated = frames(codec).subList(0, 4);
        assertNull(codec.decode(truncated));
    }

    @Test
    void headerDatesCarryMicroseconds() {
        String header = new String(frames(codec).get(2), StandardCharsets.UTF_8);
        assertTrue(header.matches(".*\"date\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z\".*"), header);
        assertTrue(header.contains("\"version\":\"5.3\""), header);
    }

    @Test
    void aReplayedMessageIsDroppedTheFirstIsNot() {
        List<byte[]> once = frames(codec);
        assertEquals(MessageType.EXECUTE_REQUEST, codec.decode(once).getHeader().getType());
        assertNull(codec.decode(once));
        assertEquals(MessageType.EXECUTE_REQUEST, codec.decode(frames(codec)).getHeader().getType());
    }

    @Test
    void withoutAKeyEveryMessageIsTaken() {
        WireCodec open = new WireCodec(HMACGenerator.NO_AUTH_INSTANCE);
        List<byte[]> message = frames(open);
        for (int i = 0; i < 3; i++) {
            assertEquals(MessageType.EXECUTE_REQUEST, open.decode(message).getHeader().getType());
        }
    }
}
