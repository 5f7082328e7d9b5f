package io.github.dockerlessons.render.template;

import io.github.dockerlessons.golang.GoQuote;
import io.github.dockerlessons.render.template.GoFunction.Failure;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Go's predefined template functions (text/template funcs.go): and, or, not, len, index, slice,
 * print, printf, println, html, js, urlquery, call, eq, ne, lt, le, gt, ge, with Go's signatures
 * and error words. {@code and}, {@code or} and {@code call} are evaluated by the executor (they
 * short-circuit, or need the callee's name); their entries here give the signatures.
 */
public final class Builtins {
    private static final GoType V = GoType.REFLECT_VALUE;
    private static final Map<String, GoFunction> ALL = build();

    private Builtins() {
    }

    /** Every builtin by name. */
    public static Map<String, GoFunction> all() {
        return ALL;
    }

    private static Map<String, GoFunction> build() {
        Map<String, GoFunction> f = new LinkedHashMap<>();
        f.put("and", GoFunction.variadic("and", args -> null, V, V));
        f.put("or", GoFunction.variadic("or", args -> null, V, V));
        f.put("call", GoFunction.variadic("call", args -> null, V, V));
        f.put("html", GoFunction.variadic("html", args -> htmlEscape(evalArgs(args)), GoType.ANY));
        f.put("js", GoFunction.variadic("js", args -> jsEscape(evalArgs(args)), GoType.ANY));
        f.put("urlquery", GoFunction.variadic("urlquery", args -> queryEscape(evalArgs(args)), GoType.ANY));
        f.put("index", GoFunction.variadic("index", args -> index(args.get(0), args.subList(1, args.size())), V, V));
        f.put("slice", GoFunction.variadic("slice", args -> slice(args.get(0), args.subList(1, args.size())), V, V));
        f.put("len", GoFunction.of("len", args -> length(args.get(0)), V));
        f.put("not", GoFunction.of("not", args -> !GoValues.truth(args.get(0)), V));
        f.put("print", GoFunction.variadic("print", GoFormat::sprint, GoType.ANY));
        f.put("printf", GoFunction.variadic("printf",
                args -> GoFormat.sprintf((String) args.get(0), args.subList(1, args.size())), GoType.STRING, GoType.ANY));
        f.put("println", GoFunction.variadic("println", GoFormat::sprintln, GoType.ANY));
        f.put("eq", GoFunction.variadic("eq", args -> eq(args.get(0), args.subList(1, args.size())), V, V));
        f.put("ne", GoFunction.of("ne", args -> !eq(args.get(0), List.of(args.get(1))), V, V));
        f.put("lt", GoFunction.of("lt", args -> lt(args.get(0), args.get(1)), V, V));
        f.put("le", GoFunction.of("le", args -> le(args.get(0), args.get(1)), V, V));
        f.put("gt", GoFunction.of("gt", args -> !le(args.get(0), args.get(1)), V, V));
        f.put("ge", GoFunction.of("ge", args -> !lt(args.get(0), args.get(1)), V, V));
        return Map.copyOf(f);
    }

    // ------------------------------------------------------------------ index, slice, len

    static Object index(Object item, List<Object> indexes) throws Failure {
        if (item == null) {
            throw new Failure("index of untyped nil");
        }
        for (Object index : indexes) {
            if (item == null || item instanceof GoValues.Nil) {
                throw new Failure("index of nil pointer");
            }
            if (item instanceof String s) {
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                int x = indexArg(index, bytes.length);
                if (x == bytes.length) {
                    throw new Failure("reflect: string index out of range");
                }
                item = new GoValues.Int(GoType.UINT8, bytes[x] & 0xff);
            } else if (item instanceof GoSlice slice) {
                int x = indexArg(index, slice.size());
                if (x == slice.size()) {
                    throw new Failure("reflect: slice index out of range");
                }
                item = slice.get(x);
            } else if (item instanceof GoMap map) {
                if (index == null) {
                    throw new Failure("value is nil; should be of type string");
                }
                if (!(index instanceof String key)) {
                    throw new Failure("value has type " + GoValues.typeOf(index) + "; should be string");
                }
                item = map.containsKey(key) ? map.get(key) : zero(map.type().element());
            } else {
                throw new Failure("can't index item of type " + indirectType(item));
            }
        }
        return item;
    }

    /** The zero value of a type: "", 0, false, or a nil of its kind (null for interfaces). */
    static Object zero(GoType type) {
        if (type == null) {
            return null;
        }
        return switch (type.kind()) {
            case STRING -> "";
            case INT -> type.equals(GoType.INT) ? (Object) 0L : new GoValues.Int(type, 0);
            case UINT -> new GoValues.Int(type, 0);
            case FLOAT -> 0.0;
            case BOOL -> false;
            case COMPLEX -> new GoValues.Complex(0, 0);
            case SLICE -> GoSlice.nil(type);
            case MAP -> GoMap.nil(type);
            case POINTER -> new GoValues.Nil(type);
            default -> null;
        };
    }

    private static int indexArg(Object index, int cap) throws Failure {
        long x;
        if (index instanceof Long n) {
            x = n;
        } else if (index instanceof GoValues.Int n) {
            x = n.value();
        } else if (index == null) {
            throw new Failure("cannot index slice/array with nil");
        } else {
            throw new Failure("cannot index slice/array with type " + GoValues.typeOf(index));
        }
        if (x < 0 || x > cap) {
            throw new Failure("index out of range: " + x);
        }
        return (int) x;
    }

    static Object slice(Object item, List<Object> indexes) throws Failure {
        if (item == null) {
            throw new Failure("slice of untyped nil");
        }
        if (indexes.size() > 3) {
            throw new Failure("too many slice indexes: " + indexes.size());
        }
        int cap;
        byte[] bytes = null;
        if (item instanceof String s) {
            if (indexes.size() == 3) {
                throw new Failure("cannot 3-index slice a string");
            }
            bytes = s.getBytes(StandardCharsets.UTF_8);
            cap = bytes.length;
        } else if (item instanceof GoSlice slice) {
            cap = slice.size();
        } else {
            throw new Failure("can't slice item of type " + indirectType(item));
        }
        int[] idx = {0, cap, 0};
        for (int i = 0; i < indexes.size(); i++) {
            idx[i] = indexArg(indexes.get(i), cap);
        }
        if (idx[0] > idx[1]) {
            throw new Failure("invalid slice index: " + idx[0] + " > " + idx[1]);
        }
        if (indexes.size() == 3 && idx[1] > idx[2]) {
            throw new Failure("invalid slice index: " + idx[1] + " > " + idx[2]);
        }
        if (bytes != null) {
            return new String(bytes, idx[0], idx[1] - idx[0], StandardCharsets.UTF_8);
        }
        GoSlice slice = (GoSlice) item;
        if (slice.isNil()) {
            return slice;
        }
        return new GoSlice(slice.type(), slice.list().subList(idx[0], idx[1]));
    }

    static long length(Object item) throws Failure {
        if (item == null) {
            throw new Failure("reflect: call of reflect.Value.Type on zero Value");
        }
        if (item instanceof GoValues.Nil) {
            throw new Failure("len of nil pointer");
        }
        if (item instanceof String s) {
            return GoValues.byteLength(s);
        }
        if (item instanceof GoSlice s) {
            return s.size();
        }
        if (item instanceof GoMap m) {
            return m.size();
        }
        throw new Failure("len of type " + indirectType(item));
    }

    /** The type after Go's indirect(): a pointer to a struct is taken as the struct. */
    private static String indirectType(Object item) {
        String name = GoValues.typeOf(item).name();
        return item instanceof TemplateObject && name.startsWith("*") ? name.substring(1) : name;
    }

    // ------------------------------------------------------------------ comparison

    private enum Kind { INVALID, BOOL, COMPLEX, INT, FLOAT, STRING, UINT }

    private static Kind basicKind(Object v) {
        if (v instanceof Boolean) {
            return Kind.BOOL;
        }
        if (v instanceof Long) {
            return Kind.INT;
        }
        if (v instanceof GoValues.Int n) {
            return n.type().kind() == GoType.Kind.INT ? Kind.INT : Kind.UINT;
        }
        if (v instanceof Double) {
            return Kind.FLOAT;
        }
        if (v instanceof GoValues.Complex) {
            return Kind.COMPLEX;
        }
        if (v instanceof String) {
            return Kind.STRING;
        }
        return Kind.INVALID;
    }

    private static long intOf(Object v) {
        return v instanceof Long n ? n : ((GoValues.Int) v).value();
    }

    private static boolean isNil(Object v) {
        return v == null || v instanceof GoValues.Nil || v instanceof GoSlice s && s.isNil()
                || v instanceof GoMap m && m.isNil();
    }

    static boolean eq(Object arg1, List<Object> arg2) throws Failure {
        if (arg2.isEmpty()) {
            throw new Failure("missing argument for comparison");
        }
        Kind k1 = basicKind(arg1);
        for (Object arg : arg2) {
            Kind k2 = basicKind(arg);
            boolean truth;
            if (k1 != k2) {
                if (k1 == Kind.INT && k2 == Kind.UINT) {
                    truth = intOf(arg1) >= 0 && intOf(arg1) == intOf(arg);
                } else if (k1 == Kind.UINT && k2 == Kind.INT) {
                    truth = intOf(arg) >= 0 && intOf(arg1) == intOf(arg);
                } else {
                    if (arg1 != null && arg != null) {
                        throw new Failure("incompatible types for comparison");
                    }
                    truth = false;
                }
            } else {
                truth = switch (k1) {
                    case BOOL, STRING -> arg1.equals(arg);
                    case COMPLEX -> arg1.equals(arg);
                    case FLOAT -> (double) (Double) arg1 == (Double) arg;
                    case INT, UINT -> intOf(arg1) == intOf(arg);
                    case INVALID -> compareOther(arg1, arg);
                };
            }
            if (truth) {
                return true;
            }
        }
        return false;
    }

    /** eq of two values that are not basic: nil against nil, or comparable composites. */
    private static boolean compareOther(Object a, Object b) throws Failure {
        boolean sameKind = a == null || b == null || GoValues.typeOf(a).kind() == GoValues.typeOf(b).kind();
        if (!sameKind) {
            throw new Failure("non-comparable types " + GoFormat.print(a) + ": " + GoValues.typeOf(a) + ", "
                    + GoValues.typeOf(b) + ": " + GoFormat.print(b));
        }
        if (isNil(a) || isNil(b)) {
            return isNil(a) == isNil(b);
        }
        if (b instanceof GoSlice || b instanceof GoMap) {
            throw new Failure("non-comparable type " + GoFormat.print(b) + ": " + GoValues.typeOf(b));
        }
        return a == b || a.equals(b);
    }

    static boolean lt(Object arg1, Object arg2) throws Failure {
        Kind k1 = basicKind(arg1);
        if (k1 == Kind.INVALID) {
            throw new Failure("invalid type for comparison");
        }
        Kind k2 = basicKind(arg2);
        if (k2 == Kind.INVALID) {
            throw new Failure("invalid type for comparison");
        }
        if (k1 != k2) {
            if (k1 == Kind.INT && k2 == Kind.UINT) {
                return intOf(arg1) < 0 || Long.compareUnsigned(intOf(arg1), intOf(arg2)) < 0;
            }
            if (k1 == Kind.UINT && k2 == Kind.INT) {
                return intOf(arg2) >= 0 && Long.compareUnsigned(intOf(arg1), intOf(arg2)) < 0;
            }
            throw new Failure("incompatible types for comparison");
        }
        return switch (k1) {
            case BOOL, COMPLEX, INVALID -> throw new Failure("invalid type for comparison");
            case FLOAT -> (Double) arg1 < (Double) arg2;
            case INT -> intOf(arg1) < intOf(arg2);
            case UINT -> Long.compareUnsigned(intOf(arg1), intOf(arg2)) < 0;
            case STRING -> GoValues.compareStrings((String) arg1, (String) arg2) < 0;
        };
    }

    static boolean le(Object arg1, Object arg2) throws Failure {
        return lt(arg1, arg2) || eq(arg1, List.of(arg2));
    }

    // ------------------------------------------------------------------ escapers

    /** The text the escapers work on: one string as is, anything else as fmt.Sprint prints it. */
    private static String evalArgs(List<Object> args) {
        if (args.size() == 1 && args.get(0) instanceof String s) {
            return s;
        }
        return GoFormat.sprint(args);
    }

    static String htmlEscape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case 0 -> out.append('\uFFFD');
                case '"' -> out.append("&#34;");
                case '\'' -> out.append("&#39;");
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String jsEscape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            switch (r) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '"' -> out.append("\\\"");
                case '<' -> out.append("\\u003C");
                case '>' -> out.append("\\u003E");
                case '&' -> out.append("\\u0026");
                case '=' -> out.append("\\u003D");
                default -> {
                    if (r < ' ') {
                        out.append(String.format("\\u00%02X", r));
                    } else if (r < 0x80 || GoQuote.isPrint(r)) {
                        out.appendCodePoint(r);
                    } else {
                        out.append(String.format("\\u%04X", r));
                    }
                }
            }
        }
        return out.toString();
    }

    /** url.QueryEscape: unreserved characters stay, space becomes '+', the rest %XX per byte. */
    static String queryEscape(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append((char) c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append("0123456789ABCDEF".charAt(c >> 4)).append("0123456789ABCDEF".charAt(c & 15));
            }
        }
        return out.toString();
    }
}
