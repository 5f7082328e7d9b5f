package io.github.dockerlessons.jupyter;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * JSON frames read with a bound on their nesting: a client (or anyone holding the key) may send a
 * frame nested 100,000 deep, and no reader of the kernel may then recurse that deep or hold a stack
 * that large. The reading is iterative and stops at {@link #MAX_DEPTH}; what is wrong is said in
 * the kernel's terms ({@link Unreadable}), never in the parser's (whose messages name Java classes).
 */
final class BoundedJson {
    /**
     * Deeper than any message a Jupyter client sends (widget states are a few levels), and shallow
     * enough for every recursive reader after this one. Python's own json stops near 1,000.
     */
    static final int MAX_DEPTH = 100;
    private static final int MAX_NUMBER_CHARS = 400;

    private BoundedJson() {
    }

    /** Why a frame could not be read. */
    static final class Unreadable extends Exception {
        private final boolean tooDeep;

        Unreadable(boolean tooDeep) {
            super(tooDeep ? "nested deeper than " + MAX_DEPTH : "not JSON", null, false, false);
            this.tooDeep = tooDeep;
        }

        boolean tooDeep() {
            return tooDeep;
        }
    }

    static JsonElement parse(byte[] frame) throws Unreadable {
        JsonReader reader = new JsonReader(new StringReader(new String(frame, StandardCharsets.UTF_8)));
        // Levels to spare beyond ours (the reader counts the document too): our own count stops a deep frame.
        reader.setNestingLimit(MAX_DEPTH + 2);
        try {
            JsonElement value = read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new Unreadable(false);
            }
            return value;
        } catch (IOException | RuntimeException e) {
            throw new Unreadable(false);
        }
    }

    /** One value, built without recursion; a container deeper than {@link #MAX_DEPTH} ends the reading. */
    private static JsonElement read(JsonReader reader) throws IOException, Unreadable {
        Deque<JsonElement> open = new ArrayDeque<>();
        JsonElement done = null;
        while (done == null) {
            JsonElement parent = open.peek();
            String name = null;
            if (parent instanceof JsonObject) {
                if (!reader.hasNext()) {
                    reader.endObject();
                    done = close(open);
                    continue;
                }
                name = reader.nextName();
            } else if (parent instanceof JsonArray && !reader.hasNext()) {
                reader.endArray();
                done = close(open);
                continue;
            }
            JsonElement value;
            switch (reader.peek()) {
                case BEGIN_OBJECT -> {
                    reader.beginObject();
                    value = new JsonObject();
                }
                case BEGIN_ARRAY -> {
                    reader.beginArray();
                    value = new JsonArray();
                }
                case STRING -> value = new JsonPrimitive(reader.nextString());
                case NUMBER -> value = new JsonPrimitive(number(reader.nextString()));
                case BOOLEAN -> value = new JsonPrimitive(reader.nextBoolean());
                case NULL -> {
                    reader.nextNull();
                    value = JsonNull.INSTANCE;
                }
                default -> throw new Unreadable(false);
            }
            add(parent, name, value);
            if (value.isJsonObject() || value.isJsonArray()) {
                if (open.size() >= MAX_DEPTH) {
                    throw new Unreadable(true);
                }
                open.push(value);
            } else if (parent == null) {
                done = value;
            }
        }
        return done;
    }

    /** Ends the innermost container: the whole value when it was the outermost. */
    private static JsonElement close(Deque<JsonElement> open) {
        JsonElement closed = open.pop();
        return open.isEmpty() ? closed : null;
    }

    /**
     * A number as written. NaN and Infinity (which a lenient reader lets through) are not JSON, and
     * a literal longer than any real number would only cost time to read.
     */
    private static BigDecimal number(String literal) throws Unreadable {
        if (literal.length() > MAX_NUMBER_CHARS) {
            throw new Unreadable(false);
        }
        try {
            return new BigDecimal(literal);
        } catch (NumberFormatException e) {
            throw new Unreadable(false);
        }
    }

    private static void add(JsonElement parent, String name, JsonElement value) {
        if (parent instanceof JsonObject object) {
            object.add(name, value);
        } else if (parent instanceof JsonArray array) {
            array.add(value);
        }
    }

    /**
     * The string members of a frame's outermost object among {@code wanted}, found without building
     * the rest and without a stack (nested values are skipped by counting brackets): enough to
     * address a reply to a header that cannot be read whole. Empty when the frame is not an object.
     */
    static Map<String, String> topLevelStrings(byte[] frame, Set<String> wanted) {
        Map<String, String> found = new HashMap<>();
        String text = new String(frame, StandardCharsets.UTF_8);
        int i = skipSpace(text, 0);
        if (i >= text.length() || text.charAt(i) != '{') {
            return found;
        }
        i++;
        while (true) {
            i = skipSpace(text, i);
            if (i >= text.length() || text.charAt(i) != '"') {
                return found;
            }
            int keyEnd = stringEnd(text, i);
            if (keyEnd < 0) {
                return found;
            }
            String key = unquote(text.substring(i, keyEnd));
            i = skipSpace(text, keyEnd);
            if (i >= text.length() || text.charAt(i) != ':') {
                return found;
            }
            i = skipSpace(text, i + 1);
            if (i >= text.length()) {
                return found;
            }
            int valueEnd;
            if (text.charAt(i) == '"') {
                valueEnd = stringEnd(text, i);
                if (valueEnd < 0) {
                    return found;
                }
                if (key != null && wanted.contains(key) && !found.containsKey(key)) {
                    String value = unquote(text.substring(i, valueEnd));
                    if (value != null) {
                        found.put(key, value);
                    }
                }
            } else {
                valueEnd = skipValue(text, i);
            }
            i = skipSpace(text, valueEnd);
            if (i >= text.length() || text.charAt(i) != ',') {
                return found;
            }
            i++;
        }
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The index after the string that starts at {@code start} (its quote), or -1 if it never ends. */
    private static int stringEnd(String text, int start) {
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i + 1;
            }
        }
        return -1;
    }

    /** Past a number, literal, object or array (counted, not parsed), to the next ',' or '}' outside it. */
    private static int skipValue(String text, int i) {
        long depth = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                int end = stringEnd(text, i);
                if (end < 0) {
                    return text.length();
                }
                i = end;
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                return i;
            }
            i++;
        }
        return i;
    }

    private static String unquote(String quoted) {
        try {
            return JsonParser.parseString(quoted).getAsString();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
