package io.github.dockerlessons.jupyter;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import io.github.spencerpark.jupyter.kernel.ExpressionValue;
import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
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
 * signatures are compared in constant time; and header dates carry microseconds. The JSON of the
 * contents uses the library's own type adapters, so every library message type reads and writes
 * as before.
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

    private final HMACGenerator hmac;
    private final Gson gson;
    /** Signatures of the messages received in this session, oldest first. */
    private final Set<String> seenSignatures = new LinkedHashSet<>();

    WireCodec(HMACGenerator hmac) {
        this.hmac = hmac;
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
        } catch (RuntimeException e) {
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
        String expected = hmac.calculateSignature(header, parent, metadata, content);
        if (expected != null && !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature)) {
            LOG.warning("Dropped a message with an invalid signature");
            return null;
        }
        if (expected != null && !expected.isEmpty() && !firstSighting(expected)) {
            LOG.warning("Dropped a replayed message (its signature was seen before)");
            return null;
        }
        Header<?> parsedHeader = gson.fromJson(utf8(header), Header.class);
        if (parsedHeader == null || parsedHeader.getType() == null) {
            LOG.warning("Dropped a message without a header");
            return null;
        }
        Header<?> parentHeader = null;
        JsonElement parentJson = JsonParser.parseString(utf8(parent));
        if (parentJson.isJsonObject() && parentJson.getAsJsonObject().size() > 0) {
            parentHeader = gson.fromJson(parentJson, Header.class);
        }
        Map<String, Object> meta = gson.fromJson(utf8(metadata), MAP_TYPE);
        Object body = gson.fromJson(utf8(content), parsedHeader.getType().getContentType());
        List<byte[]> identities = new ArrayList<>(frames.subList(0, delimiter));
        List<byte[]> blobs = new ArrayList<>(frames.subList(delimiter + 6, frames.size()));
        return new Message(identities, parsedHeader, parentHeader, meta, body, blobs);
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
        byte[] header = headerJson(message.getHeader()).getBytes(StandardCharsets.UTF_8);
        byte[] parent = message.hasParentHeader()
                ? gson.toJson(message.getParentHeader()).getBytes(StandardCharsets.UTF_8) : EMPTY_OBJECT;
        byte[] metadata = message.hasMetadata()
                ? gson.toJson(message.getMetadata()).getBytes(StandardCharsets.UTF_8) : EMPTY_OBJECT;
        byte[] content = gson.toJson(message.getContent()).getBytes(StandardCharsets.UTF_8);
        String signature = hmac.calculateSignature(header, parent, metadata, content);
        List<byte[]> frames = new ArrayList<>(6 + (message.getBlobs() == null ? 0 : message.getBlobs().size()));
        frames.add(DELIMITER);
        frames.add(signature == null ? new byte[0] : signature.getBytes(StandardCharsets.US_ASCII));
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
        JsonObject json = new JsonObject();
        // A message without a request behind it (the starting status) has no session: the protocol
        // still wants strings.
        json.addProperty("msg_id", nonNull(header.getId()));
        json.addProperty("username", nonNull(header.getUsername()));
        json.addProperty("session", nonNull(header.getSessionId()));
        json.addProperty("date", MICROS.format(Instant.now()));
        json.addProperty("msg_type", header.getType().getName());
        json.addProperty("version", PROTOCOL_VERSION);
        return json.toString();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
