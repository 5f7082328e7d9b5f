package io.github.dockerlessons.compose;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Compose file as YAML gives it, reduced to what the Compose model needs (mappings with text keys,
 * sequences, typed scalars), each node with where it starts in the file so that every error can name
 * its line and column. Immutable.
 */
public sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

    /** Where a node starts: 1-based line and column, as an editor counts them. */
    record Position(int line, int column) {
        @Override
        public String toString() {
            return line + ":" + column;
        }
    }

    Position position();

    /** The JSON type the Compose schema checks: object, array, string, integer, number, boolean, null. */
    String jsonType();

    /** One key of a mapping, with where the key itself stands. */
    record Entry(String key, Position keyPosition, YamlNode value) { }

    record Mapping(Position position, Map<String, Entry> entries) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        public YamlNode get(String key) {
            Entry entry = entries.get(key);
            return entry == null ? null : entry.value();
        }

        public boolean has(String key) {
            return entries.containsKey(key);
        }

        @Override
        public String jsonType() {
            return "object";
        }
    }

    record Sequence(Position position, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String jsonType() {
            return "array";
        }
    }

    /** The type YAML 1.2's core schema gives a scalar (go-yaml's, which Compose uses). */
    enum Kind { STRING, INT, FLOAT, BOOL, NULL }

    /**
     * A scalar: its text as written (after interpolation) and its type.
     *
     * @param plain written without quotes, so its type comes from its text
     */
    record Scalar(Position position, String text, Kind kind, boolean plain) implements YamlNode {
        @Override
        public String jsonType() {
            return switch (kind) {
                case STRING -> "string";
                case INT -> "integer";
                case FLOAT -> "number";
                case BOOL -> "boolean";
                case NULL -> "null";
            };
        }

        public boolean isNull() {
            return kind == Kind.NULL;
        }

        /** The value as Compose reads it into a string field: booleans and numbers as written. */
        public String asText() {
            return kind == Kind.NULL ? "" : text;
        }

        public boolean asBoolean() {
            return kind == Kind.BOOL && text.equalsIgnoreCase("true");
        }
    }
}
