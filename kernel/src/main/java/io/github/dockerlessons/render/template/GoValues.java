package io.github.dockerlessons.render.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values templates work on, as Java objects: {@code String} (Go string), {@code Long} (int),
 * {@code Double} (float64), {@code Boolean} (bool), {@link GoSlice}, {@link GoMap}, {@link GoStruct},
 * {@link TemplateObject}, and the rarer ones here ({@link Nil}, {@link Int}, {@link Complex}).
 * {@code null} is Go's invalid value: a missing map key, an untyped nil.
 */
public final class GoValues {
    private GoValues() {
    }

    /**
     * A typed nil pointer ({@code (*formatter.Platform)(nil)}): prints as {@code <nil>}; {@code stringer}
     * when its type has a String method (fmt then prints {@code <nil>} for %s too).
     */
    public record Nil(GoType type, boolean stringer) {
        public Nil(GoType type) {
            this(type, false);
        }
    }

    /** An integer of a type other than int: uint8 from indexing a string, int64, ... */
    public record Int(GoType type, long value) {
    }

    /** complex128, from a template constant such as {@code 1+2i}. */
    public record Complex(double re, double im) {
    }

    /** The Go type of a value; null for the invalid value. */
    public static GoType typeOf(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof String) {
            return GoType.STRING;
        }
        if (v instanceof Long) {
            return GoType.INT;
        }
        if (v instanceof Double) {
            return GoType.FLOAT64;
        }
        if (v instanceof Boolean) {
            return GoType.BOOL;
        }
        if (v instanceof GoSlice s) {
            return s.type();
        }
        if (v instanceof GoMap m) {
            return m.type();
        }
        if (v instanceof GoStruct s) {
            return s.type();
        }
        if (v instanceof TemplateObject o) {
            return o.type();
        }
        if (v instanceof Nil n) {
            return n.type();
        }
        if (v instanceof Int i) {
            return i.type();
        }
        if (v instanceof Complex) {
            return GoType.COMPLEX128;
        }
        throw new IllegalArgumentException("not a template value: " + v.getClass().getName());
    }

    /**
     * Plain Java values as template values: lists and maps become {@code []interface {}} and
     * {@code map[string]interface {}}, other integers int, other numbers float64.
     */
    public static Object of(Object v) {
        if (v == null || v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean
                || v instanceof GoSlice || v instanceof GoMap || v instanceof GoStruct || v instanceof TemplateObject
                || v instanceof Nil || v instanceof Int || v instanceof Complex) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte || v instanceof BigInteger) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
                    ? (Object) d.longValueExact() : (Object) d.doubleValue();
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Character c) {
            return String.valueOf(c);
        }
        if (v instanceof List<?> list) {
            List<Object> items = new ArrayList<>();
            for (Object item : list) {
                items.add(of(item));
            }
            return new GoSlice(GoType.ANY_SLICE, items);
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> entries = new LinkedHashMap<>();
            map.forEach((k, value) -> entries.put(String.valueOf(k), of(value)));
            return new GoMap(GoType.ANY_MAP, entries, false, null);
        }
        return String.valueOf(v);
    }

    /** Go's isTrue: false, 0, "", empty and nil things are false; structs are always true. */
    public static boolean truth(Object v) {
        if (v == null || v instanceof Nil) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof Long n) {
            return n != 0;
        }
        if (v instanceof Int i) {
            return i.value() != 0;
        }
        if (v instanceof Double d) {
            return d != 0;
        }
        if (v instanceof Complex c) {
            return c.re() != 0 || c.im() != 0;
        }
        if (v instanceof GoSlice s) {
            return s.size() > 0;
        }
        if (v instanceof GoMap m) {
            return m.size() > 0;
        }
        return true;
    }

    /** Go's string order: by UTF-8 bytes, which is the order of code points. */
    public static int compareStrings(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** The length in bytes of a Go string. */
    public static int byteLength(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
