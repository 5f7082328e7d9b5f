package io.github.dockerlessons.render.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A Go slice: its type ({@code []string}, {@code []interface {}}) and items; nil when items is null. */
public record GoSlice(GoType type, List<Object> items) {
    public GoSlice {
        items = items == null ? null : Collections.unmodifiableList(new ArrayList<>(items));
    }

    public static GoSlice of(GoType element, List<?> items) {
        return new GoSlice(GoType.slice(element), new ArrayList<>(items));
    }

    public static GoSlice strings(List<String> items) {
        return new GoSlice(GoType.STRING_SLICE, new ArrayList<>(items));
    }

    /** A nil slice of that type: prints as {@code []}, marshals as {@code null}. */
    public static GoSlice nil(GoType type) {
        return new GoSlice(type, null);
    }

    public boolean isNil() {
        return items == null;
    }

    public int size() {
        return items == null ? 0 : items.size();
    }

    public Object get(int i) {
        return items.get(i);
    }

    public List<Object> list() {
        return items == null ? List.of() : items;
    }
}
