package io.github.dockerlessons.jupyter;

import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.request.CompleteRequest;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;
import io.github.spencerpark.jupyter.messages.request.KernelInfoRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WireCodecTest {
    private final WireCodec codec = codec("secret");

    private static WireCodec codec(String key) {
        try {
            return new WireCodec(MessageSigner.forConnection("hmac-sha256", key));
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
        WireCodec open = new WireCodec(MessageSigner.NONE);
        List<byte[]> message = frames(open);
        for (int i = 0; i < 3; i++) {
            assertEquals(MessageType.EXECUTE_REQUEST, open.decode(message).getHeader().getType());
        }
    }

    /** Frames as a client would sign them, from the JSON text of each part. */
    private static List<byte[]> raw(String header, String content) {
        return raw(header, "{}", content);
    }

    private static List<byte[]> raw(String header, String metadata, String content) {
        byte[][] parts = {header.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8),
                metadata.getBytes(StandardCharsets.UTF_8), content.getBytes(StandardCharsets.UTF_8)};
        try {
            String signature = new HMACGenerator("HmacSHA256", "secret").calculateSignature(parts);
            List<byte[]> frames = new ArrayList<>();
            frames.add("<IDS|MSG>".getBytes(StandardCharsets.US_ASCII));
            frames.add(signature.getBytes(StandardCharsets.US_ASCII));
            frames.addAll(List.of(parts));
            return frames;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int ids;

    private static String header(String type) {
        return "{\"msg_id\":\"m" + (++ids) + "\",\"msg_type\":\"" + type + "\",\"session\":\"s\",\"username\":\"u\","
                + "\"date\":\"2024-01-01T00:00:00.000000Z\",\"version\":\"5.3\"}";
    }

    private BadRequest bad(String type, String content) {
        Object body = codec.decode(raw(header(type), content)).getContent();
        assertInstanceOf(BadRequest.class, body, String.valueOf(body));
        return (BadRequest) body;
    }

    @Test
    void aRequestWithoutItsFieldsIsABadRequestNamingTheField() {
        BadRequest bad = bad("complete_request", "{}");
        assertEquals(BadRequest.Problem.MISSING, bad.problem());
        assertEquals("code", bad.field());
        assertTrue(bad.isRequest());
        assertEquals("complete_reply", bad.replyType());
    }

    @Test
    void wrongTypesAreBadRequestsWhereTheLibraryReadThemLeniently() {
        assertEquals("LIST", bad("execute_request", "{\"code\":[1,2]}").found());
        BadRequest silent = bad("execute_request", "{\"code\":\"docker ps\",\"silent\":\"yes\"}");
        assertEquals("silent", silent.field());
        assertEquals(BadRequest.Kind.BOOLEAN, silent.expected());
        assertEquals("user_expressions", bad("execute_request", "{\"code\":\"x\",\"user_expressions\":[]}").field());
        assertEquals("user_expressions.a", bad("execute_request", "{\"code\":\"x\",\"user_expressions\":{\"a\":1}}").field());
        assertEquals("store_history", bad("execute_request", "{\"code\":\"x\",\"store_history\":1}").field());
        assertEquals("code", bad("complete_request", "{\"code\":null,\"cursor_pos\":\"x\"}").field());
        assertEquals("cursor_pos", bad("complete_request", "{\"code\":\"x\",\"cursor_pos\":\"x\"}").field());
        assertEquals("NULL", bad("complete_request", "{\"code\":null,\"cursor_pos\":\"x\"}").found());
        assertEquals("NUMBER", bad("inspect_request", "{\"code\":\"x\",\"cursor_pos\":1.5}").found());
        assertEquals("n", bad("history_request", "{\"hist_access_type\":\"tail\",\"n\":\"many\"}").field());
        assertEquals(BadRequest.Problem.MISSING, bad("history_request", "{}").problem());
        BadRequest nonsense = bad("history_request", "{\"hist_access_type\":\"nonsense\"}");
        assertEquals(BadRequest.Problem.NOT_ONE_OF, nonsense.problem());
        assertEquals("\"nonsense\"", nonsense.found());
        assertEquals("restart", bad("shutdown_request", "{\"restart\":\"yes\"}").field());
        assertEquals("value", bad("input_reply", "{\"value\":{}}").field());
        assertEquals("comm_id", bad("comm_msg", "{\"comm_id\":7}").field());
    }

    @Test
    void aHugeCursorIsClampedAndDefaultsAreTheSpecifications() {
        Message<?> complete = codec.decode(raw(header("complete_request"), "{\"code\":\"docker p\",\"cursor_pos\":1000000000000}"));
        assertEquals(Integer.MAX_VALUE, ((CompleteRequest) complete.getContent()).getCursorPos());
        ExecuteRequest execute = (ExecuteRequest) codec.decode(raw(header("execute_request"), "{\"code\":\"x\"}")).getContent();
        assertTrue(execute.shouldStoreHistory());
        assertTrue(execute.shouldStopOnError());
        ExecuteRequest silent = (ExecuteRequest) codec.decode(raw(header("execute_request"),
                "{\"code\":\"x\",\"silent\":true,\"store_history\":null}")).getContent();
        assertTrue(silent.isSilent());
        assertFalse(silent.shouldStoreHistory());
    }

    @Test
    void framesNestedDeepAreAnsweredWithoutRecursingIntoThem() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        BadRequest content = bad("kernel_info_request", "{\"a\":" + deep + "}");
        assertEquals(BadRequest.Problem.TOO_DEEP, content.problem());
        assertEquals(BadRequest.Part.CONTENT, content.part());
        String deepHeader = header("kernel_info_request").replace("}", ",\"x\":" + deep + "}");
        Message<?> message = codec.decode(raw(deepHeader, "{}"));
        assertEquals(BadRequest.Part.HEADER, ((BadRequest) message.getContent()).part());
        assertTrue(message.getHeader().getId().startsWith("m"), "the reply can still be addressed");
        assertEquals(BadRequest.Part.METADATA, ((BadRequest) codec.decode(raw(header("kernel_info_request"),
                "{\"m\":" + deep + "}", "{}")).getContent()).part());
        String limit = "[".repeat(BoundedJson.MAX_DEPTH - 1) + "]".repeat(BoundedJson.MAX_DEPTH - 1);
        assertInstanceOf(KernelInfoRequest.class, codec.decode(raw(header("kernel_info_request"),
                "{\"a\":" + limit + "}")).getContent(), "nesting up to the limit is read");
        String past = "[".repeat(BoundedJson.MAX_DEPTH) + "]".repeat(BoundedJson.MAX_DEPTH);
        assertEquals(BadRequest.Problem.TOO_DEEP, bad("kernel_info_request", "{\"a\":" + past + "}").problem());
        assertEquals(BadRequest.Problem.NOT_AN_OBJECT, bad("kernel_info_request", "[]").problem());
        assertEquals(BadRequest.Problem.NOT_JSON, bad("kernel_info_request", "{\"a\":").problem());
        assertEquals(BadRequest.Problem.NOT_JSON, bad("kernel_info_request", "{} {}").problem());
    }

    @Test
    void aHeaderThatNamesNoMessageIsDroppedAnUnknownTypeIsAnswered() {
        assertNull(codec.decode(raw("{\"msg_type\":\"kernel_info_request\"}", "{}")));
        assertNull(codec.decode(raw("[" .repeat(100_000), "{}")));
        assertNull(codec.decode(raw("{\"msg_id\":5,\"msg_type\":\"kernel_info_request\"}", "{}")));
        BadRequest unknown = bad("frobnicate_request", "{}");
        assertEquals(BadRequest.Problem.UNKNOWN_TYPE, unknown.problem());
        assertEquals("frobnicate_reply", unknown.replyType());
    }

    @Test
    void aReplyToAnUnknownTypeNamesItsOwnType() {
        Message<?> request = codec.decode(raw(header("frobnicate_request"), "{}"));
        Message<?> reply = new Message<>(request, MessageType.UNKNOWN,
                new Replies.Unsupported("frobnicate_reply", "InvalidRequest", "no", List.of("no")));
        String header = new String(codec.encode(reply).get(2), StandardCharsets.UTF_8);
        assertTrue(header.contains("\"msg_type\":\"frobnicate_reply\""), header);
        String parent = new String(codec.encode(reply).get(3), StandardCharsets.UTF_8);
        assertTrue(parent.contains("\"msg_type\":\"frobnicate_request\""), parent);
    }
}
