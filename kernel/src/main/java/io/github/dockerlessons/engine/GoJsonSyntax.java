package io.github.dockerlessons.engine;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What Go's encoding/json says about the first JSON value of an engine's answer, as the CLI's
 * {@code json.NewDecoder(body).Decode(&v)} reports it: "invalid character 'x' looking for beginning
 * of value", "unexpected EOF", "EOF". A port of the states of Go's scanner.go that give its error
 * words; it checks syntax only (a value of the wrong shape is the caller's to say).
 */
public final class GoJsonSyntax {
    /** Go's maxNestingDepth. */
    private static final int MAX_NESTING = 10000;

    private enum Scope { OBJECT_KEY, OBJECT_VALUE, ARRAY }

    private enum State {
        BEGIN_VALUE, BEGIN_VALUE_OR_EMPTY, BEGIN_STRING_OR_EMPTY, BEGIN_STRING, END_VALUE, IN_STRING, IN_STRING_ESC,
        U1, U2, U3, U4, NEG, ZERO, ONE, DOT, DOT0, E, E_SIGN, E0, LITERAL
    }

    private GoJsonSyntax() {
    }

    /**
     * Go's error for the first value in {@code data[0..length)}, or null when it is a complete value.
     * When {@code whole} is false the bytes are only the answer's beginning: running out of them is no
     * error (null).
     */
    public static String error(byte[] data, int length, boolean whole) {
        return scan(data, length, whole, new int[]{length});
    }

    /**
     * What Go's {@code json.Unmarshal} says of {@code data}, or null when it is one JSON value: as
     * {@link #error} for the whole, but what follows the value may only be spaces ("invalid character
     * 'x' after top-level value"), and input that ends too early is "unexpected end of JSON input".
     */
    public static String unmarshalError(byte[] data) {
        int[] end = {data.length};
        String error = scan(data, data.length, true, end);
        if ("EOF".equals(error) || "unexpected EOF".equals(error)) {
            return "unexpected end of JSON input";
        }
        if (error != null) {
            return error;
        }
        for (int i = end[0]; i < data.length; i++) {
            if (!isSpace(data[i] & 0xff)) {
                return invalid(data[i] & 0xff, "after top-level value");
            }
        }
        return null;
    }

    /** The first value is complete; {@code end[0]} is where it ended. */
    private static String ended(int[] end, int at) {
        end[0] = at;
        return null;
    }

    private static String scan(byte[] data, int length, boolean whole, int[] end) {
        Deque<Scope> stack = new ArrayDeque<>();
        State state = State.BEGIN_VALUE;
        String literal = null;
        int literalAt = 0;
        boolean started = false;
        for (int i = 0; i < length; i++) {
            int c = data[i] & 0xff;
            boolean again = true;
            while (again) {
                again = false;
                switch (state) {
                    case BEGIN_VALUE_OR_EMPTY, BEGIN_VALUE -> {
                        if (isSpace(c)) {
                            break;
                        }
                        if (state == State.BEGIN_VALUE_OR_EMPTY && c == ']') {
                            state = State.END_VALUE;
                            again = true; // ']' ends the array in END_VALUE
                            break;
                        }
                        started = true;
                        switch (c) {
                            case '{' -> {
                                if (stack.size() >= MAX_NESTING) {
                                    return invalid(c, "exceeded max depth"); // Go's scanner names the opening byte
                                }
                                stack.push(Scope.OBJECT_KEY);
                                state = State.BEGIN_STRING_OR_EMPTY;
                            }
                            case '[' -> {
                                if (stack.size() >= MAX_NESTING) {
                                    return invalid(c, "exceeded max depth"); // Go's scanner names the opening byte
                                }
                                stack.push(Scope.ARRAY);
                                state = State.BEGIN_VALUE_OR_EMPTY;
                            }
                            case '"' -> state = State.IN_STRING;
                            case '-' -> state = State.NEG;
                            case '0' -> state = State.ZERO;
                            case 't', 'f', 'n' -> {
                                literal = c == 't' ? "true" : c == 'f' ? "false" : "null";
                                literalAt = 1;
                                state = State.LITERAL;
                            }
                            default -> {
                                if (c >= '1' && c <= '9') {
                                    state = State.ONE;
                                } else {
                                    return invalid(c, "looking for beginning of value");
                                }
                            }
                        }
                    }
                    case BEGIN_STRING_OR_EMPTY, BEGIN_STRING -> {
                        if (isSpace(c)) {
                            break;
                        }
                        if (state == State.BEGIN_STRING_OR_EMPTY && c == '}') {
                            stack.pop();
                            stack.push(Scope.OBJECT_VALUE);
                            state = State.END_VALUE;
                            again = true;
                            break;
                        }
                        if (c != '"') {
                            return invalid(c, "looking for beginning of object key string");
                        }
                        state = State.IN_STRING;
                    }
                    case END_VALUE -> {
                        if (stack.isEmpty()) {
                            return ended(end, i); // the Decoder stops after the first value
                        }
                        if (isSpace(c)) {
                            break;
                        }
                        Scope scope = stack.peek();
                        if (scope == Scope.OBJECT_KEY) {
                            if (c != ':') {
                                return invalid(c, "after object key");
                            }
                            stack.pop();
                            stack.push(Scope.OBJECT_VALUE);
                            state = State.BEGIN_VALUE;
                        } else if (scope == Scope.OBJECT_VALUE) {
                            if (c == ',') {
                                stack.pop();
                                stack.push(Scope.OBJECT_KEY);
                                state = State.BEGIN_STRING;
                            } else if (c == '}') {
                                stack.pop();
                                if (stack.isEmpty()) {
                                    return ended(end, i + 1);
                                }
                            } else {
                                return invalid(c, "after object key:value pair");
                            }
                        } else {
                            if (c == ',') {
                                state = State.BEGIN_VALUE;
                            } else if (c == ']') {
                                stack.pop();
                                if (stack.isEmpty()) {
                                    return ended(end, i + 1);
                                }
                            } else {
                                return invalid(c, "after array element");
                            }
                        }
                    }
                    case IN_STRING -> {
                        if (c == '"') {
                            state = State.END_VALUE;
                            if (stack.isEmpty()) {
                                return ended(end, i + 1);
                            }
                        } else if (c == '\\') {
                            state = State.IN_STRING_ESC;
                        } else if (c < 0x20) {
                            return invalid(c, "in string literal");
                        }
                    }
                    case IN_STRING_ESC -> {
                        if ("bfnrt\\/\"".indexOf(c) >= 0) {
                            state = State.IN_STRING;
                        } else if (c == 'u') {
                            state = State.U1;
                        } else {
                            return invalid(c, "in string escape code");
                        }
                    }
                    case U1, U2, U3, U4 -> {
                        if (!isHex(c)) {
                            return invalid(c, "in \\u hexadecimal character escape");
                        }
                        state = state == State.U4 ? State.IN_STRING : State.values()[state.ordinal() + 1];
                    }
                    case NEG -> {
                        if (c == '0') {
                            state = State.ZERO;
                        } else if (c >= '1' && c <= '9') {
                            state = State.ONE;
                        } else {
                            return invalid(c, "in numeric literal");
                        }
                    }
                    case ONE, ZERO -> {
                        if (state == State.ONE && isDigit(c)) {
                            break;
                        }
                        if (c == '.') {
                            state = State.DOT;
                        } else if (c == 'e' || c == 'E') {
                            state = State.E;
                        } else {
                            state = State.END_VALUE;
                            again = true;
                        }
                    }
                    case DOT -> {
                        if (!isDigit(c)) {
                            return invalid(c, "after decimal point in numeric literal");
                        }
                        state = State.DOT0;
                    }
                    case DOT0 -> {
                        if (isDigit(c)) {
                            break;
                        }
                        if (c == 'e' || c == 'E') {
                            state = State.E;
                        } else {
                            state = State.END_VALUE;
                            again = true;
                        }
                    }
                    case E -> {
                        if (c == '+' || c == '-') {
                            state = State.E_SIGN;
                        } else {
                            state = State.E_SIGN;
                            again = true;
                        }
                    }
                    case E_SIGN -> {
                        if (!isDigit(c)) {
                            return invalid(c, "in exponent of numeric literal");
                        }
                        state = State.E0;
                    }
                    case E0 -> {
                        if (!isDigit(c)) {
                            state = State.END_VALUE;
                            again = true;
                        }
                    }
                    case LITERAL -> {
                        char expected = literal.charAt(literalAt);
                        if (c != expected) {
                            return invalid(c, "in literal " + literal + " (expecting " + quoteChar(expected) + ")");
                        }
                        if (++literalAt == literal.length()) {
                            state = State.END_VALUE;
                            if (stack.isEmpty()) {
                                return ended(end, i + 1);
                            }
                        }
                    }
                    default -> throw new IllegalStateException(state.name());
                }
            }
        }
        if (!whole) {
            return null;
        }
        if (!started) {
            return "EOF";
        }
        // a number at the very end is complete; anything else open is not
        boolean numberDone = stack.isEmpty()
                && (state == State.ONE || state == State.ZERO || state == State.DOT0 || state == State.E0);
        return numberDone || (stack.isEmpty() && state == State.END_VALUE) ? null : "unexpected EOF";
    }

    private static String invalid(int c, String context) {
        return "invalid character " + quoteChar(c) + " " + context;
    }

    /** Go's quoteChar: the byte in single quotes, escaped as strconv.Quote escapes it. */
    static String quoteChar(int c) {
        if (c == '\'') {
            return "'\\''";
        }
        if (c == '"') {
            return "'\"'";
        }
        String quoted = switch (c) {
            case 7 -> "\\a";
            case 8 -> "\\b";
            case 9 -> "\\t";
            case 10 -> "\\n";
            case 11 -> "\\v";
            case 12 -> "\\f";
            case 13 -> "\\r";
            case '\\' -> "\\\\";
            default -> c < 0x20 || c == 0x7f ? String.format("\\x%02x", c)
                    : c >= 0x80 && c < 0xa0 ? String.format("\\u%04x", c) : String.valueOf((char) c);
        };
        return "'" + quoted + "'";
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(int c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
