package io.github.dockerlessons.render.template;

import java.util.List;

/**
 * A Go struct value: fields in declaration order, each with its JSON name ({@code json:"ApiVersion"})
 * and whether {@code omitempty} drops it when empty.
 */
public record GoStruct(GoType type, List<Field> fields) {
    public record Field(String name, String json, boolean omitEmpty, Object value) {
        public static Field of(String name, Object value) {
            return new Field(name, name, false, value);
        }
    }

    public GoStruct {
        fields = List.copyOf(fields);
    }

    /** The field of that name, or null. */
    public Field field(String name) {
        for (Field f : fields) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }
}
