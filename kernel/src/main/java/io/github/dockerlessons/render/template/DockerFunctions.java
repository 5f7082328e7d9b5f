package io.github.dockerlessons.render.template;

import io.github.dockerlessons.render.template.GoFunction.Failure;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions docker/cli (28.2, templates/templates.go) adds to every template: json, split, join,
 * title, lower, upper, pad, truncate; and the header variants a {@code table} format's header row runs
 * with, which leave the column name as it is.
 */
public final class DockerFunctions {
    private static final Map<String, GoFunction> BASIC = Map.of(
            "json", GoFunction.of("json", args -> GoJson.marshal(args.get(0), false), GoType.ANY),
            "split", GoFunction.of("split", args -> split((String) args.get(0), (String) args.get(1)),
                    GoType.STRING, GoType.STRING),
            "join", GoFunction.of("join", args -> join((GoSlice) args.get(0), (String) args.get(1)),
                    GoType.STRING_SLICE, GoType.STRING),
            "title", GoFunction.of("title", args -> title((String) args.get(0)), GoType.STRING),
            "lower", GoFunction.of("lower", args -> mapRunes((String) args.get(0), false), GoType.STRING),
            "upper", GoFunction.of("upper", args -> mapRunes((String) args.get(0), true), GoType.STRING),
            "pad", GoFunction.of("pad", args -> pad((String) args.get(0), (Long) args.get(1), (Long) args.get(2)),
                    GoType.STRING, GoType.INT, GoType.INT),
            "truncate", GoFunction.of("truncate", args -> truncate((String) args.get(0), (Long) args.get(1)),
                    GoType.STRING, GoType.INT));

    private static final Map<String, GoFunction> HEADER = header();

    private DockerFunctions() {
    }

    /** docker's basicFunctions. */
    public static Map<String, GoFunction> basic() {
        return BASIC;
    }

    /** basicFunctions with docker's HeaderFunctions over them, for a table's header row. */
    public static Map<String, GoFunction> forHeader() {
        return HEADER;
    }

    private static Map<String, GoFunction> header() {
        Map<String, GoFunction> functions = new HashMap<>(BASIC);
        Body identity = args -> args.get(0);
        functions.put("json", GoFunction.of("json", identity::call, GoType.STRING));
        functions.put("split", GoFunction.of("split", identity::call, GoType.STRING, GoType.STRING));
        functions.put("join", GoFunction.of("join", identity::call, GoType.STRING, GoType.STRING));
        functions.put("title", GoFunction.of("title", identity::call, GoType.STRING));
        functions.put("lower", GoFunction.of("lower", identity::call, GoType.STRING));
        functions.put("upper", GoFunction.of("upper", identity::call, GoType.STRING));
        functions.put("truncate", GoFunction.of("truncate", identity::call, GoType.STRING, GoType.INT));
        return Map.copyOf(functions);
    }

    private interface Body {
        Object call(List<Object> args);
    }

    /** strings.Split: an empty separator splits into characters; an empty text is one empty item. */
    static GoSlice split(String s, String sep) {
        List<String> parts = new ArrayList<>();
        if (sep.isEmpty()) {
            s.codePoints().forEach(cp -> parts.add(new String(Character.toChars(cp))));
            return GoSlice.strings(parts);
        }
        int from = 0;
        int at;
        while ((at = s.indexOf(sep, from)) >= 0) {
            parts.add(s.substring(from, at));
            from = at + sep.length();
        }
        parts.add(s.substring(from));
        return GoSlice.strings(parts);
    }

    static String join(GoSlice elements, String sep) {
        List<String> parts = new ArrayList<>();
        for (Object item : elements.list()) {
            parts.add((String) item);
        }
        return String.join(sep, parts);
    }

    /** strings.Title: the first letter of every word in title case. */
    static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int prev = ' ';
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            out.appendCodePoint(isSeparator(prev) ? Character.toTitleCase(r) : r);
            prev = r;
        }
        return out.toString();
    }

    private static boolean isSeparator(int r) {
        if (r <= 0x7f) {
            return !(r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '_');
        }
        if (Character.isLetter(r) || Character.isDigit(r)) {
            return false;
        }
        return Character.isWhitespace(r) || Character.isSpaceChar(r);
    }

    /** strings.ToUpper/ToLower: rune by rune, without locale rules. */
    static String mapRunes(String s, boolean upper) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(r -> out.appendCodePoint(upper ? Character.toUpperCase(r) : Character.toLowerCase(r)));
        return out.toString();
    }

    static String pad(String source, long prefix, long suffix) throws Failure {
        if (source.isEmpty()) {
            return source;
        }
        return repeat(prefix) + source + repeat(suffix);
    }

    private static String repeat(long count) throws Failure {
        if (count < 0) {
            throw new Failure("strings: negative Repeat count");
        }
        if (count > 1_000_000) {
            throw new Failure("runtime error: makeslice: len out of range");
        }
        return " ".repeat((int) count);
    }

    /** source[:length] in bytes when it is at least that long. */
    static String truncate(String source, long length) throws Failure {
        byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < length) {
            return source;
        }
        if (length < 0) {
            throw new Failure("runtime error: slice bounds out of range [:" + length + "]");
        }
        return new String(bytes, 0, (int) length, StandardCharsets.UTF_8);
    }
}
