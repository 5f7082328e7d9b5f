package io.github.dockerlessons.render.template;

import io.github.dockerlessons.golang.GoFtoa;

import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's encoding/json for template values: {@link #marshal} writes what {@code json.Marshal} (HTML
 * escaping on) or docker's {@code json} function (an Encoder with HTML escaping off) writes, and
 * {@link #decodePrimitive} reads a JSON scalar as a template value (integers as int, other numbers
 * as float64).
 */
public final class GoJson {
    private static final String HEX = "0123456789abcdef";

    private GoJson() {
    }

    /** Compact JSON of a value; a value JSON cannot hold is the error json.Marshal returns. */
    public static String marshal(Object value, boolean escapeHtml) throws GoFunction.Failure {
        StringBuilder out = new StringBuilder();
        write(out, value, escapeHtml);
        return out.toString();
    }

    private static void write(StringBuilder out, Object v, boolean escapeHtml) throws GoFunction.Failure {
        if (v == null || v instanceof GoValues.Nil) {
            out.append("null");
        } else if (v instanceof String s) {
            appendString(out, s, escapeHtml);
        } else if (v instanceof Boolean b) {
            out.append(b);
        } else if (v instanceof Long n) {
            out.append(n);
        } else if (v instanceof GoValues.Int n) {
            out.append(n.type().kind() == GoType.Kind.UINT ? Long.toUnsignedString(n.value()) : Long.toString(n.value()));
        } else if (v instanceof Double d) {
            appendFloat(out, d);
        } else if (v instanceof GoValues.Complex) {
            throw new GoFunction.Failure("json: unsupported type: complex128");
        } else if (v instanceof GoSlice s) {
            if (s.isNil()) {
                out.append("null");
                return;
            }
            out.append('[');
            for (int i = 0; i < s.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(out, s.get(i), escapeHtml);
            }
            out.append(']');
        } else if (v instanceof GoMap m) {
            if (m.isNil()) {
                out.append("null");
                return;
            }
            List<String> keys = m.printsAsStruct() ? new ArrayList<>(m.entries().keySet()) : m.sortedKeys();
            out.append('{');
            boolean first = true;
            for (String key : keys) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                appendString(out, key, escapeHtml);
                out.append(':');
                write(out, m.get(key), escapeHtml);
            }
            out.append('}');
        } else if (v instanceof GoStruct s) {
            out.append('{');
            boolean first = true;
            for (GoStruct.Field field : s.fields()) {
                if (field.json().equals("-") || field.omitEmpty() && isEmpty(field.value())) {
                    continue;
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                appendString(out, field.json(), escapeHtml);
                out.append(':');
                write(out, field.value(), escapeHtml);
            }
            out.append('}');
        } else if (v instanceof TemplateObject o) {
            String raw = o.marshalJson();
            out.append(escapeHtml ? escapeHtmlInJson(raw) : raw);
        } else {
            throw new GoFunction.Failure("json: unsupported type: " + GoValues.typeOf(v));
        }
    }

    /** omitempty's empty: false, 0, "", and nil or empty slices and maps. */
    private static boolean isEmpty(Object v) {
        return v == null || v instanceof GoValues.Nil || Boolean.FALSE.equals(v) || Long.valueOf(0).equals(v)
                || Double.valueOf(0).equals(v) || "".equals(v) || v instanceof GoSlice s && s.size() == 0
                || v instanceof GoMap m && m.size() == 0 || v instanceof GoValues.Int i && i.value() == 0;
    }

    private static String escapeHtmlInJson(String raw) {
        return raw.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    /** encoding/json's string: quotes, backslash escapes, six-character escapes for controls and U+2028/9. */
    public static void appendString(StringBuilder out, String s, boolean escapeHtml) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\' && !(escapeHtml && (c == '<' || c == '>' || c == '&'))) {
                    out.append(c);
                    continue;
                }
                switch (c) {
                    case '\\', '"' -> out.append('\\').append(c);
                    case '\b' -> out.append("\\b");
                    case '\f' -> out.append("\\f");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> out.append("\\u00").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 15));
                }
            } else if (c == '\u2028' || c == '\u2029') {
                out.append("\\u202").append(HEX.charAt(c & 15));
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append("\\ufffd");
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static void appendFloat(StringBuilder out, double f) throws GoFunction.Failure {
        if (Double.isNaN(f) || Double.isInfinite(f)) {
            throw new GoFunction.Failure("json: unsupported value: " + GoFtoa.formatFloat(f, 'g', -1));
        }
        double abs = Math.abs(f);
        char fmt = abs != 0 && (abs < 1e-6 || abs >= 1e21) ? 'e' : 'f';
        String text = GoFtoa.formatFloat(f, fmt, -1);
        if (fmt == 'e') {
            int n = text.length();
            if (n >= 4 && text.charAt(n - 4) == 'e' && text.charAt(n - 3) == '-' && text.charAt(n - 2) == '0') {
                text = text.substring(0, n - 2) + text.charAt(n - 1);
            }
        }
        out.append(text);
    }

    /** A JSON number written as an integer is an int (as in docker's typed structs), others float64. */
    public static Object decodePrimitive(JsonPrimitive primitive) {
        if (primitive.isBoolean()) {
            return primitive.getAsBoolean();
        }
        if (primitive.isNumber()) {
            String text = primitive.getAsString();
            if (text.matches("-?\\d{1,18}")) {
                return Long.parseLong(text);
            }
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                return text;
            }
        }
        return primitive.getAsString();
    }
}
