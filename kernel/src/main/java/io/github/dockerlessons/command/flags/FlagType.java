package io.github.dockerlessons.command.flags;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The kind of value a flag takes, as pflag's Value types: its name in help ("string", "int",
 * "list", "bytes", ...), how one given value is read (and the words pflag uses when it cannot be),
 * and whether repeating the flag collects every value (lists) or keeps the last (everything else).
 *
 * @param <T> what the command reads back
 */
public final class FlagType<T> {
    /** The reason a value could not be read, in pflag's words after "invalid argument ... flag: ". */
    public static final class InvalidValue extends Exception {
        public InvalidValue(String detail) {
            super(detail);
        }
    }

    /** Reads one value. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(String text) throws InvalidValue;
    }

    private final String name;
    private final boolean bool;
    private final Reader<?> element;
    private final boolean repeated;
    private final Function<List<Object>, T> collect;

    private FlagType(String name, boolean bool, Reader<?> element, boolean repeated, Function<List<Object>, T> collect) {
        this.name = name;
        this.bool = bool;
        this.element = element;
        this.repeated = repeated;
        this.collect = collect;
    }

    /** A flag that is on when given; {@code --flag=false} turns it off. */
    public static final FlagType<Boolean> BOOL = single("bool", true, FlagType::parseBool);
    public static final FlagType<String> STRING = single("string", false, text -> text);
    public static final FlagType<Integer> INT = single("int", false, FlagType::parseInt);
    public static final FlagType<Long> INT64 = single("int", false, FlagType::parseLong);
    /** docker's opts.ListOpts: every value of a repeated flag, commas kept. */
    public static final FlagType<List<String>> LIST = listOf("list", text -> text);
    /** pflag's StringSlice: every value of a repeated flag, each split at its commas ("a,b" is two). */
    public static final FlagType<List<String>> STRINGS = new FlagType<>("strings", false, text -> text, true,
            FlagType::commaSeparated);

    /** A single value of the type named {@code name} in help. */
    public static <T> FlagType<T> single(String name, Reader<T> reader) {
        return single(name, false, reader);
    }

    /** Every value of a repeated flag, each read by {@code reader}. */
    @SuppressWarnings("unchecked")
    public static <E> FlagType<List<E>> listOf(String name, Reader<E> reader) {
        return new FlagType<>(name, false, reader, true, values -> (List<E>) List.copyOf(values));
    }

    @SuppressWarnings("unchecked")
    private static <T> FlagType<T> single(String name, boolean bool, Reader<T> reader) {
        return new FlagType<>(name, bool, reader, false, values -> (T) values.get(values.size() - 1));
    }

    private static List<String> commaSeparated(List<Object> values) {
        List<String> out = new ArrayList<>();
        for (Object value : values) {
            String text = (String) value;
            if (!text.isEmpty()) { // pflag reads "" as no value at all
                out.addAll(List.of(text.split(",", -1)));
            }
        }
        return List.copyOf(out);
    }

    /** The type's name in help; empty for a bool, whose help shows no value. */
    public String helpName() {
        return bool ? "" : name;
    }

    public boolean isBool() {
        return bool;
    }

    boolean isRepeated() {
        return repeated;
    }

    Object readOne(String text) throws InvalidValue {
        return element.read(text);
    }

    T collect(List<Object> values) {
        return collect.apply(new ArrayList<>(values));
    }

    /** Go's strconv.ParseBool. */
    static Boolean parseBool(String text) throws InvalidValue {
        return switch (text) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw new InvalidValue("strconv.ParseBool: parsing " + quote(text) + ": invalid syntax");
        };
    }

    /** Go's strconv.ParseInt(text, 0, 64) as pflag's int flags use it (base prefixes included). */
    static Long parseLong(String text) throws InvalidValue {
        String digits = text;
        boolean negative = false;
        if (digits.startsWith("+") || digits.startsWith("-")) {
            negative = digits.startsWith("-");
            digits = digits.substring(1);
        }
        int radix = 10;
        String lower = digits.toLowerCase();
        if (lower.startsWith("0x")) {
            radix = 16;
            digits = digits.substring(2);
        } else if (lower.startsWith("0b")) {
            radix = 2;
            digits = digits.substring(2);
        } else if (lower.startsWith("0o")) {
            radix = 8;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            radix = 8;
            digits = digits.substring(1);
        }
        digits = digits.replace("_", "");
        if (digits.isEmpty()) {
            throw new InvalidValue("strconv.ParseInt: parsing " + quote(text) + ": invalid syntax");
        }
        for (char c : digits.toCharArray()) {
            if (Character.digit(c, radix) < 0) {
                throw new InvalidValue("strconv.ParseInt: parsing " + quote(text) + ": invalid syntax");
            }
        }
        try {
            return Long.parseLong((negative ? "-" : "") + digits, radix);
        } catch (NumberFormatException e) {
            throw new InvalidValue("strconv.ParseInt: parsing " + quote(text) + ": value out of range");
        }
    }

    static Integer parseInt(String text) throws InvalidValue {
        long value = parseLong(text);
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            throw new InvalidValue("strconv.ParseInt: parsing " + quote(text) + ": value out of range");
        }
        return (int) value;
    }

    /** Go's %q of a string, enough for flag messages: quotes, backslashes and control characters escaped. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        out.append(String.format("\\x%02x", cp));
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
