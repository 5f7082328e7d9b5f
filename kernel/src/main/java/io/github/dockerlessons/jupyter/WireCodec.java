package io.github.dockerlessons.jupyter;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.reflect.TypeToken;
import io.github.spencerpark.jupyter.kernel.ExpressionValue;
import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.messages.Header;
import io.github.spencerpark.jupyter.messages.KernelTimestamp;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.ReplyType;
import io.github.spencerpark.jupyter.messages.adapters.ExpressionValueAdapter;
import io.github.spencerpark.jupyter.messages.adapters.HeaderAdapter;
import io.github.spencerpark.jupyter.messages.adapters.HistoryEntryAdapter;
import io.github.spencerpark.jupyter.messages.adapters.HistoryRequestAdapter;
import io.github.spencerpark.jupyter.messages.adapters.KernelTimestampAdapter;
import io.github.spencerpark.jupyter.messages.adapters.MessageTypeAdapter;
import io.github.spencerpark.jupyter.messages.adapters.PublishStatusAdapter;
import io.github.spencerpark.jupyter.messages.adapters.ReplyTypeAdapter;
import io.github.spencerpark.jupyter.messages.publish.PublishStatus;
import io.github.spencerpark.jupyter.messages.request.HistoryRequest;
import org.zeromq.ZMQ;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The wire format of Jupyter messages, for the kernel's own channels. It replaces the base
 * library's reading and writing in three ways the protocol needs: a message with a bad signature,
 * or frames that are not a message, is dropped and logged instead of killing the channel's thread;
 * signatures are compared in constant time; and header dates carry microseconds. Every frame is
 * read with a bound on its nesting ({@link BoundedJson}) and a request's fields are checked
 * ({@link RequestSchema}) before the library's type adapters read them: a message whose header
 * names who asks and what, but whose frames or fields are wrong, becomes a {@link BadRequest} that
 * the channel answers with an error, as every request is answered; only a message without a
 * msg_id or msg_type, which no reply could be addressed to, is dropped (as ipykernel drops it).
 */
final class WireCodec {
    /** The protocol version whose semantics the kernel implements, said in every header. */
    static final String PROTOCOL_VERSION = "5.3";

    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);
    private static final Type MAP_TYPE = new TypeToken<Map<String, Object>>() { }.getType();
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final Logger LOG = Logger.getLogger("DockerKernel.Wire");

    /** As jupyter_client's digest history: how many signatures are remembered to refuse a replay. */
    private static final int SIGNATURES_REMEMBERED = 1 << 16;

    private final MessageSigner signer;
    private final Gson gson;
    /** The header's fields a message is addressed and typed by. */
    private static final Set<String> HEADER_FIELDS = Set.of("msg_id", "msg_type", "session", "username", "date",
            "version");
    /** Signatures of the messages received in this session, oldest first. */
    private final Set<String> seenSignatures = new LinkedHashSet<>();

    WireCodec(MessageSigner signer) {
        this.signer = signer;
        Gson replyGson = new GsonBuilder()
                .registerTypeAdapter(HistoryEntry.class, HistoryEntryAdapter.INSTANCE)
                .registerTypeAdapter(ExpressionValue.class, ExpressionValueAdapter.INSTANCE)
                .disableHtmlEscaping()
                .create();
        this.gson = new GsonBuilder()
                .registerTypeAdapter(KernelTimestamp.class, KernelTimestampAdapter.INSTANCE)
                .registerTypeAdapter(Header.class, HeaderAdapter.INSTANCE)
                .registerTypeAdapter(MessageType.class, MessageTypeAdapter.INSTANCE)
                .registerTypeAdapter(PublishStatus.class, PublishStatusAdapter.INSTANCE)
                .registerTypeAdapter(HistoryRequest.class, HistoryRequestAdapter.INSTANCE)
                .registerTypeHierarchyAdapter(ReplyType.class, new ReplyTypeAdapter(replyGson))
                .disableHtmlEscaping()
                .create();
    }

    /**
     * The largest frame a request channel accepts: anybody who reaches a port may send, before any
     * signature is checked, and the kernel's heap is 256 MiB. A bigger frame drops the sender's
     * connection in ZeroMQ itself (ZMQ_MAXMSGSIZE), before it is held whole. Well above the cell
     * limit (2 MiB by default), so that a cell too large is still answered with the limit's name, and
     * below what decoding can hold (a 40 MiB cell ended the kernel; 30 MiB is answered).
     */
    static final long MAX_FRAME_BYTES = 32L << 20;
    /** The largest frame of a channel that only ever receives a few bytes (iopub's subscriptions, heartbeats). */
    static final long MAX_SMALL_FRAME_BYTES = 64L << 10;
    /** Makes ZeroMQ refuse frames over {@code maxFrameBytes} on the socket's connections (set before bind). */
    static void limitIncoming(ZMQ.Socket socket, long maxFrameBytes) {
        socket.setMaxMsgSize(maxFrameBytes);
    }

    /** Reads one whole multipart message; null (after logging why) when it is not a valid message. */
    Message<?> receive(ZMQ.Socket socket) {
        List<byte[]> frames = new ArrayList<>();
        do {
            byte[] frame = socket.recv();
            if (frame == null) {
                break;
            }
            frames.add(frame);
        } while (socket.hasReceiveMore());
        try {
            return decode(frames);
        } catch (RuntimeException | StackOverflowError e) {
            // The channel's thread must survive whatever a message holds: it serves every request after.
            LOG.log(Level.WARNING, "Dropped a message that could not be read: " + e);
            return null;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Message<?> decode(List<byte[]> frames) {
        int delimiter = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(DELIMITER, frames.get(i))) {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0 || frames.size() < delimiter + 6) {
            LOG.warning("Dropped frames that are not a Jupyter message (" + frames.size() + " frames)");
            return null;
        }
        byte[] signature = frames.get(delimiter + 1);
        byte[] header = frames.get(delimiter + 2);
        byte[] parent = frames.get(delimiter + 3);
        byte[] metadata = frames.get(delimiter + 4);
        byte[] content = frames.get(delimiter + 5);
        String expected = signer.sign(header, parent, metadata, content);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature)) {
            LOG.warning("Dropped a message with an invalid signature");
            return null;
        }
        if (!expected.isEmpty() && !firstSighting(expected)) {
            LOG.warning("Dropped a replayed message (its signature was seen before)");
            return null;
        }
        Map<String, String> fields = new HashMap<>();
        BadRequest.Problem headerProblem = readHeader(header, fields);
        String id = fields.get("msg_id");
        String typeName = fields.get("msg_type");
        if (id == null || typeName == null) {
            // Nothing to address a reply to, or no type to reply with: as ipykernel, the message is dropped.
            LOG.warning("Dropped a message whose header names no msg_id or msg_type");
            return null;
        }
        MessageType<?> type = MessageType.getType(typeName);
        Header<?> parsedHeader = header(fields, type);
        Header<?> parentHeader = parentHeader(parent);
        List<byte[]> identities = new ArrayList<>(frames.subList(0, delimiter));
        List<byte[]> blobs = new ArrayList<>(frames.subList(delimiter + 6, frames.size()));
        Map<String, Object> meta = null;
        Object body;
        if (headerProblem != null) {
            body = BadRequest.frame(typeName, headerProblem, BadRequest.Part.HEADER);
        } else {
            ObjectFrame readMeta = readObject(typeName, BadRequest.Part.METADATA, metadata);
            ObjectFrame readContent = readMeta.problem() != null ? readMeta
                    : readObject(typeName, BadRequest.Part.CONTENT, content);
            if (readContent.problem() != null) {
                body = readContent.problem();
            } else {
                meta = gson.fromJson(readMeta.object(), MAP_TYPE);
                body = content(typeName, type, readContent.object());
            }
        }
        return new Message(identities, parsedHeader, parentHeader, meta, body, blobs);
    }

    /** The header's fields; why it cannot be read whole, or null when it can. */
    private static BadRequest.Problem readHeader(byte[] header, Map<String, String> fields) {
        try {
            JsonElement json = BoundedJson.parse(header);
            if (!json.isJsonObject()) {
                return BadRequest.Problem.NOT_AN_OBJECT;
            }
            for (Map.Entry<String, JsonElement> member : json.getAsJsonObject().entrySet()) {
                JsonElement value = member.getValue();
                if (HEADER_FIELDS.contains(member.getKey()) && value.isJsonPrimitive()
                        && value.getAsJsonPrimitive().isString()) {
                    fields.put(member.getKey(), value.getAsString());
                }
            }
            return null;
        } catch (BoundedJson.Unreadable e) {
            // A header nested too deep (or cut short) may still say who is asking: then it is answered.
            fields.putAll(BoundedJson.topLevelStrings(header, HEADER_FIELDS));
            return e.tooDeep() ? BadRequest.Problem.TOO_DEEP : BadRequest.Problem.NOT_JSON;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Header<?> header(Map<String, String> fields, MessageType<?> type) {
        String date = fields.get("date");
        KernelTimestamp timestamp = date == null ? KernelTimestamp.now() : new KernelTimestamp(date);
        String id = fields.get("msg_id");
        String username = fields.getOrDefault("username", "");
        String session = fields.getOrDefault("session", "");
        String version = fields.getOrDefault("version", PROTOCOL_VERSION);
        if (type == MessageType.UNKNOWN) {
            return new UnknownTypeHeader(id, username, session, timestamp, type, version, fields.get("msg_type"));
        }
        return new Header(id, username, session, timestamp, type, version);
    }

    /** A request's parent header is usually empty; whatever it holds, only its names are kept. */
    private static Header<?> parentHeader(byte[] parent) {
        Map<String, String> fields = BoundedJson.topLevelStrings(parent, HEADER_FIELDS);
        if (fields.get("msg_id") == null || fields.get("msg_type") == null) {
            return null;
        }
        return header(fields, MessageType.getType(fields.get("msg_type")));
    }

    /** A frame that must be a JSON object: the object, or what is wrong with the frame. */
    private record ObjectFrame(JsonObject object, BadRequest problem) {
    }

    private static ObjectFrame readObject(String typeName, BadRequest.Part part, byte[] frame) {
        try {
            JsonElement json = BoundedJson.parse(frame);
            if (!json.isJsonObject()) {
                return new ObjectFrame(null, BadRequest.frame(typeName, BadRequest.Problem.NOT_AN_OBJECT, part));
            }
            return new ObjectFrame(json.getAsJsonObject(), null);
        } catch (BoundedJson.Unreadable e) {
            BadRequest.Problem problem = e.tooDeep() ? BadRequest.Problem.TOO_DEEP : BadRequest.Problem.NOT_JSON;
            return new ObjectFrame(null, BadRequest.frame(typeName, problem, part));
        }
    }

    /** The content as the library's class for its type, once its fields are checked. */
    private Object content(String typeName, MessageType<?> type, JsonObject json) {
        if (type == MessageType.UNKNOWN) {
            return BadRequest.unknownType(typeName);
        }
        BadRequest problem = RequestSchema.check(typeName, json);
        if (problem != null) {
            return problem;
        }
        try {
            Object body = gson.fromJson(json, type.getContentType());
            return body != null ? body : BadRequest.frame(typeName, BadRequest.Problem.NOT_READABLE,
                    BadRequest.Part.CONTENT);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The content of a " + typeName + " could not be read", e);
            return BadRequest.frame(typeName, BadRequest.Problem.NOT_READABLE, BadRequest.Part.CONTENT);
        }
    }

    /** Remembers a signature; false when it was seen before (a replayed message). */
    private boolean firstSighting(String signature) {
        synchronized (seenSignatures) {
            if (!seenSignatures.add(signature)) {
                return false;
            }
            if (seenSignatures.size() > SIGNATURES_REMEMBERED) {
                // As jupyter_client culls its digest history: forget the oldest tenth at once.
                Iterator<String> oldest = seenSignatures.iterator();
                for (int i = 0; i < SIGNATURES_REMEMBERED / 10 && oldest.hasNext(); i++) {
                    oldest.next();
                    oldest.remove();
                }
            }
            return true;
        }
    }

    /** Writes a message; its header is stamped now, to the microsecond. */
    void send(ZMQ.Socket socket, Message<?> message) {
        for (byte[] identity : message.getIdentities()) {
            socket.sendMore(identity);
        }
        List<byte[]> frames = encode(message);
        for (int i = 0; i < frames.size() - 1; i++) {
            socket.sendMore(frames.get(i));
        }
        socket.send(frames.get(frames.size() - 1));
    }

    /** The frames after the identities: delimiter, signature, header, parent, metadata, content, blobs. */
    List<byte[]> encode(Message<?> message) {
        // A reply to a request of a type the library does not know names its type itself.
        String msgType = message.getContent() instanceof Replies.Unsupported unsupported
                ? unsupported.replyType() : message.getHeader().getType().getName();
        byte[] header = headerJson(message.getHeader(), msgType).getBytes(StandardCharsets.UTF_8);
        byte[] parent = message.hasParentHeader()
                ? parentJson(message.getParentHeader()).getBytes(StandardCharsets.UTF_8) : EMPTY_OBJECT;
        byte[] metadata = message.hasMetadata()
                ? gson.toJson(message.getMetadata()).getBytes(StandardCharsets.UTF_8) : EMPTY_OBJECT;
        byte[] content = gson.toJson(message.getContent()).getBytes(StandardCharsets.UTF_8);
        String signature = signer.sign(header, parent, metadata, content);
        List<byte[]> frames = new ArrayList<>(6 + (message.getBlobs() == null ? 0 : message.getBlobs().size()));
        frames.add(DELIMITER);
        frames.add(signature.getBytes(StandardCharsets.US_ASCII));
        frames.add(header);
        frames.add(parent);
        frames.add(metadata);
        frames.add(content);
        if (message.getBlobs() != null) {
            frames.addAll(message.getBlobs());
        }
        return frames;
    }

    static String headerJson(Header<?> header) {
        return headerJson(header, header.getType().getName());
    }

    static String headerJson(Header<?> header, String msgType) {
        JsonObject json = new JsonObject();
        // A message without a request behind it (the starting status) has no session: the protocol
        // still wants strings.
        json.addProperty("msg_id", nonNull(header.getId()));
        json.addProperty("username", nonNull(header.getUsername()));
        json.addProperty("session", nonNull(header.getSessionId()));
        json.addProperty("date", MICROS.format(Instant.now()));
        json.addProperty("msg_type", msgType);
        json.addProperty("version", PROTOCOL_VERSION);
        return json.toString();
    }

    /** The request's header, as it came: its date as written, its type as named (the library may not know it). */
    private static String parentJson(Header<?> header) {
        JsonObject json = new JsonObject();
        json.addProperty("msg_id", nonNull(header.getId()));
        json.addProperty("username", nonNull(header.getUsername()));
        json.addProperty("session", nonNull(header.getSessionId()));
        if (header.getTimestamp() != null) {
            json.addProperty("date", header.getTimestamp().getDateString());
        }
        json.addProperty("msg_type", header instanceof UnknownTypeHeader<?> unknown
                ? unknown.typeName : header.getType().getName());
        json.addProperty("version", nonNull(header.getVersion()));
        return json.toString();
    }

    /** The header of a message whose type the library does not know: the type's name is kept. */
    private static final class UnknownTypeHeader<T> extends Header<T> {
        private final String typeName;

        UnknownTypeHeader(String id, String username, String session, KernelTimestamp date, MessageType<T> type,
                          String version, String typeName) {
            super(id, username, session, date, type, version);
            this.typeName = typeName;
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

}
