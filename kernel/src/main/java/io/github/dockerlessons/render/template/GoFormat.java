package io.github.dockerlessons.render.template;

import io.github.dockerlessons.golang.GoFtoa;
import io.github.dockerlessons.golang.GoQuote;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Go's fmt over template values: {@code Sprintf} with the verbs (v T t d b o O x X c q U e E f F g G
 * s p), the flags (+ - # 0 space), width and precision (numbers, {@code *}, argument indexes
 * {@code %[2]d}), and fmt's own words for mistakes: {@code %!d(string=web)}, {@code %!s(MISSING)},
 * {@code %!(EXTRA int=2)}, {@code %!(BADWIDTH)}, {@code %!(NOVERB)}. {@code Sprint} and {@code Sprintln}
 * space operands as Go does, and {@link #print} is what a template action writes.
 */
public final class GoFormat {
    private static final String LOWER = "0123456789abcdefx";
    private static final String UPPER = "0123456789ABCDEFX";
    /** Where a pointer points, for %p: Go prints an address; any non-zero value will do here. */
    private static final long SOME_ADDRESS = 0xc000010000L;

    private GoFormat() {
    }

    public static String sprintf(String format, List<Object> args) {
        Printer p = new Printer();
        p.doPrintf(format, args);
        return p.buf.toString();
    }

    public static String sprint(List<Object> args) {
        Printer p = new Printer();
        p.doPrint(args);
        return p.buf.toString();
    }

    public static String sprintln(List<Object> args) {
        Printer p = new Printer();
        p.doPrintln(args);
        return p.buf.toString();
    }

    /** What {@code {{.X}}} writes: {@code <no value>} for the invalid value, else fmt's %v. */
    public static String print(Object value) {
        if (value == null) {
            return "<no value>";
        }
        Printer p = new Printer();
        p.printArg(value, 'v');
        return p.buf.toString();
    }

    /** One Sprintf/Sprint run: Go's pp and fmt structs in one. */
    private static final class Printer {
        final StringBuilder buf = new StringBuilder();
        Object arg;
        Object value;
        boolean hasValue;
        boolean erroring;
        boolean reordered;
        boolean goodArgNum;

        boolean widPresent;
        boolean precPresent;
        boolean minus;
        boolean plus;
        boolean sharp;
        boolean space;
        boolean zero;
        boolean plusV;
        boolean sharpV;
        int wid;
        int prec;

        void clearFlags() {
            widPresent = precPresent = minus = plus = sharp = space = zero = plusV = sharpV = false;
            wid = prec = 0;
        }

        // -------------------------------------------------------------- printf

        void doPrintf(String format, List<Object> a) {
            int end = format.length();
            int argNum = 0;
            boolean afterIndex;
            reordered = false;
            formatLoop:
            for (int i = 0; i < end; ) {
                goodArgNum = true;
                int lasti = i;
                while (i < end && format.charAt(i) != '%') {
                    i++;
                }
                if (i > lasti) {
                    buf.append(format, lasti, i);
                }
                if (i >= end) {
                    break;
                }
                i++;
                clearFlags();
                simpleFormat:
                for (; i < end; i++) {
                    char c = format.charAt(i);
                    switch (c) {
                        case '#' -> sharp = true;
                        case '0' -> zero = !minus;
                        case '+' -> plus = true;
                        case '-' -> {
                            minus = true;
                            zero = false;
                        }
                        case ' ' -> space = true;
                        default -> {
                            if ('a' <= c && c <= 'z' && argNum < a.size()) {
                                if (c == 'v') {
                                    sharpV = sharp;
                                    sharp = false;
                                    plusV = plus;
                                    plus = false;
                                }
                                printArg(a.get(argNum), c);
                                argNum++;
                                i++;
                                continue formatLoop;
                            }
                            break simpleFormat;
                        }
                    }
                }
                int[] r = argNumber(argNum, format, i, a.size());
                argNum = r[0];
                i = r[1];
                afterIndex = r[2] != 0;
                if (i < end && format.charAt(i) == '*') {
                    i++;
                    int[] w = intFromArg(a, argNum);
                    wid = w[0];
                    widPresent = w[1] != 0;
                    argNum = w[2];
                    if (!widPresent) {
                        buf.append("%!(BADWIDTH)");
                    }
                    if (wid < 0) {
                        wid = -wid;
                        minus = true;
                        zero = false;
                    }
                    afterIndex = false;
                } else {
                    int[] n = parseNum(format, i, end);
                    wid = n[0];
                    widPresent = n[1] != 0;
                    i = n[2];
                    if (afterIndex && widPresent) {
                        goodArgNum = false;
                    }
                }
                if (i + 1 < end && format.charAt(i) == '.') {
                    i++;
                    if (afterIndex) {
                        goodArgNum = false;
                    }
                    r = argNumber(argNum, format, i, a.size());
                    argNum = r[0];
                    i = r[1];
                    afterIndex = r[2] != 0;
                    if (i < end && format.charAt(i) == '*') {
                        i++;
                        int[] pr = intFromArg(a, argNum);
                        prec = pr[0];
                        precPresent = pr[1] != 0;
                        argNum = pr[2];
                        if (prec < 0) {
                            prec = 0;
                            precPresent = false;
                        }
                        if (!precPresent) {
                            buf.append("%!(BADPREC)");
                        }
                        afterIndex = false;
                    } else {
                        int[] n = parseNum(format, i, end);
                        prec = n[0];
                        precPresent = n[1] != 0;
                        i = n[2];
                        if (!precPresent) {
                            prec = 0;
                            precPresent = true;
                        }
                    }
                }
                if (!afterIndex) {
                    r = argNumber(argNum, format, i, a.size());
                    argNum = r[0];
                    i = r[1];
                }
                if (i >= end) {
                    buf.append("%!(NOVERB)");
                    break;
                }
                int verb = format.codePointAt(i);
                i += Character.charCount(verb);
                if (verb == '%') {
                    buf.append('%');
                } else if (!goodArgNum) {
                    buf.append("%!").appendCodePoint(verb).append("(BADINDEX)");
                } else if (argNum >= a.size()) {
                    buf.append("%!").appendCodePoint(verb).append("(MISSING)");
                } else {
                    if (verb == 'v') {
                        sharpV = sharp;
                        sharp = false;
                        plusV = plus;
                        plus = false;
                    }
                    printArg(a.get(argNum), verb);
                    argNum++;
                }
            }
            if (!reordered && argNum < a.size()) {
                clearFlags();
                buf.append("%!(EXTRA ");
                for (int k = argNum; k < a.size(); k++) {
                    if (k > argNum) {
                        buf.append(", ");
                    }
                    Object extra = a.get(k);
                    if (extra == null) {
                        buf.append("<nil>");
                    } else {
                        buf.append(GoValues.typeOf(extra).name()).append('=');
                        printArg(extra, 'v');
                    }
                }
                buf.append(')');
            }
        }

        /** {@code [n]} at i: the argument index it names; {newArgNum, newI, found}. */
        int[] argNumber(int argNum, String format, int i, int numArgs) {
            if (format.length() <= i || format.charAt(i) != '[') {
                return new int[]{argNum, i, 0};
            }
            reordered = true;
            int[] parsed = parseArgNumber(format.substring(i));
            int index = parsed[0];
            int width = parsed[1];
            boolean ok = parsed[2] != 0;
            if (ok && 0 <= index && index < numArgs) {
                return new int[]{index, i + width, 1};
            }
            goodArgNum = false;
            return new int[]{argNum, i + width, ok ? 1 : 0};
        }

        static int[] parseArgNumber(String format) {
            if (format.length() < 3) {
                return new int[]{0, 1, 0};
            }
            for (int i = 1; i < format.length(); i++) {
                if (format.charAt(i) == ']') {
                    int[] n = parseNum(format, 1, i);
                    if (n[1] == 0 || n[2] != i) {
                        return new int[]{0, i + 1, 0};
                    }
                    return new int[]{n[0] - 1, i + 1, 1};
                }
            }
            return new int[]{0, 1, 0};
        }

        /** Digits from start: {num, isNum, newI}; overflow past a million reads as no number. */
        static int[] parseNum(String s, int start, int end) {
            if (start >= end) {
                return new int[]{0, 0, end};
            }
            int num = 0;
            boolean isNum = false;
            int i = start;
            for (; i < end && '0' <= s.charAt(i) && s.charAt(i) <= '9'; i++) {
                if (tooLarge(num)) {
                    return new int[]{0, 0, end};
                }
                num = num * 10 + (s.charAt(i) - '0');
                isNum = true;
            }
            return new int[]{num, isNum ? 1 : 0, i};
        }

        static boolean tooLarge(long x) {
            return x > 1_000_000 || x < -1_000_000;
        }

        /** A width or precision from an argument: {num, isInt, newArgNum}. */
        static int[] intFromArg(List<Object> a, int argNum) {
            int newArgNum = argNum;
            long num = 0;
            boolean isInt = false;
            if (argNum < a.size()) {
                Object v = a.get(argNum);
                if (v instanceof Long n) {
                    num = n;
                    isInt = true;
                } else if (v instanceof GoValues.Int n) {
                    num = n.value();
                    isInt = n.type().kind() == GoType.Kind.INT || n.value() >= 0;
                }
                newArgNum = argNum + 1;
                if (tooLarge(num)) {
                    num = 0;
                    isInt = false;
                }
            }
            return new int[]{(int) num, isInt ? 1 : 0, newArgNum};
        }

        // -------------------------------------------------------------- print, println

        void doPrint(List<Object> a) {
            boolean prevString = false;
            for (int k = 0; k < a.size(); k++) {
                Object arg = a.get(k);
                boolean isString = arg instanceof String;
                if (k > 0 && !isString && !prevString) {
                    buf.append(' ');
                }
                printArg(arg, 'v');
                prevString = isString;
            }
        }

        void doPrintln(List<Object> a) {
            for (int k = 0; k < a.size(); k++) {
                if (k > 0) {
                    buf.append(' ');
                }
                printArg(a.get(k), 'v');
            }
            buf.append('\n');
        }

        // -------------------------------------------------------------- operands

        void printArg(Object a, int verb) {
            arg = a;
            value = null;
            hasValue = false;
            if (a == null) {
                if (verb == 'T' || verb == 'v') {
                    padString("<nil>");
                } else {
                    badVerb(verb);
                }
                return;
            }
            if (verb == 'T') {
                fmtS(GoValues.typeOf(a).name());
                return;
            }
            if (verb == 'p') {
                fmtPointer(a, 'p');
                return;
            }
            if (a instanceof Boolean b) {
                fmtBool(b, verb);
            } else if (a instanceof Double d) {
                fmtFloat(d, verb);
            } else if (a instanceof GoValues.Complex c) {
                fmtComplex(c, verb);
            } else if (a instanceof Long n) {
                fmtInteger(n, true, verb);
            } else if (a instanceof GoValues.Int n) {
                fmtInteger(n.value(), n.type().kind() == GoType.Kind.INT, verb);
            } else if (a instanceof String s) {
                fmtString(s, verb);
            } else if (!handleMethods(verb)) {
                printValue(a, verb, 0);
            }
        }

        /** fmt's Stringer handling: a value with a String method prints that for v s x X q. */
        boolean handleMethods(int verb) {
            if (erroring || sharpV) {
                return false;
            }
            if (verb != 'v' && verb != 's' && verb != 'x' && verb != 'X' && verb != 'q') {
                return false;
            }
            if (arg instanceof TemplateObject o && o.string() != null) {
                fmtString(o.string(), verb);
                return true;
            }
            if (arg instanceof GoValues.Nil n && n.stringer()) {
                buf.append("<nil>"); // String() on a nil receiver panics; fmt prints <nil>
                return true;
            }
            return false;
        }

        void printValue(Object v, int verb, int depth) {
            if (depth > 0 && v != null) {
                arg = v;
                if (handleMethods(verb)) {
                    return;
                }
            }
            arg = null;
            value = v;
            hasValue = v != null;
            if (v == null) {
                if (depth == 0) {
                    buf.append("<invalid reflect.Value>");
                } else if (verb == 'v') {
                    buf.append("<nil>");
                } else {
                    badVerb(verb);
                }
            } else if (v instanceof Boolean b) {
                fmtBool(b, verb);
            } else if (v instanceof Long n) {
                fmtInteger(n, true, verb);
            } else if (v instanceof GoValues.Int n) {
                fmtInteger(n.value(), n.type().kind() == GoType.Kind.INT, verb);
            } else if (v instanceof Double d) {
                fmtFloat(d, verb);
            } else if (v instanceof GoValues.Complex c) {
                fmtComplex(c, verb);
            } else if (v instanceof String s) {
                fmtString(s, verb);
            } else if (v instanceof GoMap m) {
                if (m.printsAsStruct()) {
                    printStruct(m.type().name(), m.isNil() ? List.of() : List.copyOf(m.entries().keySet()), m, verb, depth);
                } else {
                    printMap(m, verb, depth);
                }
            } else if (v instanceof GoStruct s) {
                printStruct(s, verb, depth);
            } else if (v instanceof GoSlice s) {
                printSlice(s, verb, depth);
            } else if (v instanceof TemplateObject) {
                if (depth == 0) {
                    buf.append("&{}");
                } else {
                    fmtPointer(v, verb);
                }
            } else {
                fmtPointer(v, verb);
            }
        }

        private void printMap(GoMap m, int verb, int depth) {
            if (sharpV) {
                buf.append(m.type().name());
                if (m.isNil()) {
                    buf.append("(nil)");
                    return;
                }
                buf.append('{');
            } else {
                buf.append("map[");
            }
            boolean first = true;
            for (String key : m.sortedKeys()) {
                if (!first) {
                    buf.append(sharpV ? ", " : " ");
                }
                first = false;
                printValue(key, verb, depth + 1);
                buf.append(':');
                printValue(m.get(key), verb, depth + 1);
            }
            buf.append(sharpV ? '}' : ']');
        }

        private void printStruct(String typeName, List<String> names, GoMap fields, int verb, int depth) {
            if (sharpV) {
                buf.append(typeName);
            }
            buf.append('{');
            boolean first = true;
            for (String name : names) {
                if (!first) {
                    buf.append(sharpV ? ", " : " ");
                }
                first = false;
                if (plusV || sharpV) {
                    buf.append(name).append(':');
                }
                printValue(fields.get(name), verb, depth + 1);
            }
            buf.append('}');
        }

        private void printStruct(GoStruct s, int verb, int depth) {
            if (sharpV) {
                buf.append(s.type().name());
            }
            buf.append('{');
            boolean first = true;
            for (GoStruct.Field field : s.fields()) {
                if (!first) {
                    buf.append(sharpV ? ", " : " ");
                }
                first = false;
                if (plusV || sharpV) {
                    buf.append(field.name()).append(':');
                }
                printValue(field.value(), verb, depth + 1);
            }
            buf.append('}');
        }

        private void printSlice(GoSlice s, int verb, int depth) {
            if (sharpV) {
                buf.append(s.type().name());
                if (s.isNil()) {
                    buf.append("(nil)");
                    return;
                }
                buf.append('{');
                for (int k = 0; k < s.size(); k++) {
                    if (k > 0) {
                        buf.append(", ");
                    }
                    printValue(s.get(k), verb, depth + 1);
                }
                buf.append('}');
                return;
            }
            buf.append('[');
            for (int k = 0; k < s.size(); k++) {
                if (k > 0) {
                    buf.append(' ');
                }
                printValue(s.get(k), verb, depth + 1);
            }
            buf.append(']');
        }

        void badVerb(int verb) {
            erroring = true;
            buf.append("%!").appendCodePoint(verb).append('(');
            if (arg != null) {
                buf.append(GoValues.typeOf(arg).name()).append('=');
                printArg(arg, 'v');
            } else if (hasValue) {
                Object v = value;
                buf.append(GoValues.typeOf(v).name()).append('=');
                printValue(v, 'v', 0);
            } else {
                buf.append("<nil>");
            }
            buf.append(')');
            erroring = false;
        }

        void fmtBool(boolean v, int verb) {
            if (verb == 't' || verb == 'v') {
                padString(v ? "true" : "false");
            } else {
                badVerb(verb);
            }
        }

        void fmt0x64(long v, boolean leading0x) {
            boolean saved = sharp;
            sharp = leading0x;
            integer(v, 16, false, 'v', LOWER);
            sharp = saved;
        }

        void fmtInteger(long v, boolean signed, int verb) {
            switch (verb) {
                case 'v' -> {
                    if (sharpV && !signed) {
                        fmt0x64(v, true);
                    } else {
                        integer(v, 10, signed, verb, LOWER);
                    }
                }
                case 'd' -> integer(v, 10, signed, verb, LOWER);
                case 'b' -> integer(v, 2, signed, verb, LOWER);
                case 'o', 'O' -> integer(v, 8, signed, verb, LOWER);
                case 'x' -> integer(v, 16, signed, verb, LOWER);
                case 'X' -> integer(v, 16, signed, verb, UPPER);
                case 'c' -> fmtC(v);
                case 'q' -> fmtQc(v);
                case 'U' -> fmtUnicode(v);
                default -> badVerb(verb);
            }
        }

        void fmtFloat(double v, int verb) {
            switch (verb) {
                case 'v' -> floating(v, 'g', -1);
                case 'b', 'g', 'G', 'x', 'X' -> floating(v, (char) verb, -1);
                case 'f', 'e', 'E' -> floating(v, (char) verb, 6);
                case 'F' -> floating(v, 'f', 6);
                default -> badVerb(verb);
            }
        }

        void fmtComplex(GoValues.Complex v, int verb) {
            switch (verb) {
                case 'v', 'b', 'g', 'G', 'x', 'X', 'f', 'F', 'e', 'E' -> {
                    boolean oldPlus = plus;
                    buf.append('(');
                    fmtFloat(v.re(), verb);
                    plus = true;
                    fmtFloat(v.im(), verb);
                    buf.append("i)");
                    plus = oldPlus;
                }
                default -> badVerb(verb);
            }
        }

        void fmtString(String v, int verb) {
            switch (verb) {
                case 'v' -> {
                    if (sharpV) {
                        fmtQ(v);
                    } else {
                        fmtS(v);
                    }
                }
                case 's' -> fmtS(v);
                case 'x' -> fmtSx(v, LOWER);
                case 'X' -> fmtSx(v, UPPER);
                case 'q' -> fmtQ(v);
                default -> badVerb(verb);
            }
        }

        void fmtPointer(Object v, int verb) {
            long u;
            if (v instanceof GoValues.Nil) {
                u = 0;
            } else if (v instanceof GoMap m) {
                u = m.isNil() ? 0 : SOME_ADDRESS;
            } else if (v instanceof GoSlice s) {
                u = s.isNil() ? 0 : SOME_ADDRESS;
            } else if (v instanceof TemplateObject) {
                u = SOME_ADDRESS;
            } else {
                badVerb(verb);
                return;
            }
            switch (verb) {
                case 'v' -> {
                    if (sharpV) {
                        buf.append('(').append(GoValues.typeOf(v).name()).append(")(");
                        if (u == 0) {
                            buf.append("nil");
                        } else {
                            fmt0x64(u, true);
                        }
                        buf.append(')');
                    } else if (u == 0) {
                        padString("<nil>");
                    } else {
                        fmt0x64(u, !sharp);
                    }
                }
                case 'p' -> fmt0x64(u, !sharp);
                case 'b', 'o', 'd', 'x', 'X' -> fmtInteger(u, false, verb);
                default -> badVerb(verb);
            }
        }

        // -------------------------------------------------------------- Go's fmt.fmt

        void writePadding(int n) {
            char pad = zero ? '0' : ' ';
            for (int k = 0; k < n; k++) {
                buf.append(pad);
            }
        }

        void pad(String s) {
            if (!widPresent || wid == 0) {
                buf.append(s);
                return;
            }
            int width = wid - s.codePointCount(0, s.length());
            if (!minus) {
                writePadding(width);
                buf.append(s);
            } else {
                buf.append(s);
                writePadding(width);
            }
        }

        void padString(String s) {
            pad(s);
        }

        void fmtUnicode(long u) {
            int precision = 4;
            if (precPresent && prec > 4) {
                precision = prec;
            }
            StringBuilder digits = new StringBuilder(Long.toUnsignedString(u, 16).toUpperCase());
            while (digits.length() < precision) {
                digits.insert(0, '0');
            }
            String out = "U+" + digits;
            if (sharp && u >= 0 && u <= Character.MAX_CODE_POINT && GoQuote.isPrint((int) u)
                    && !(u >= 0xD800 && u <= 0xDFFF)) {
                out += " '" + new String(Character.toChars((int) u)) + "'";
            }
            boolean oldZero = zero;
            zero = false;
            pad(out);
            zero = oldZero;
        }

        void integer(long u, int base, boolean isSigned, int verb, String digits) {
            boolean negative = isSigned && u < 0;
            if (negative) {
                u = -u;
            }
            int precision = 0;
            if (precPresent) {
                precision = prec;
                if (precision == 0 && u == 0) {
                    boolean oldZero = zero;
                    zero = false;
                    writePadding(wid);
                    zero = oldZero;
                    return;
                }
            } else if (zero && widPresent) {
                precision = wid;
                if (negative || plus || space) {
                    precision--;
                }
            }
            StringBuilder num = new StringBuilder();
            do {
                int d = (int) Long.remainderUnsigned(u, base);
                num.append(digits.charAt(d));
                u = Long.divideUnsigned(u, base);
            } while (u != 0);
            while (num.length() < precision) {
                num.append('0');
            }
            num.reverse();
            if (sharp) {
                switch (base) {
                    case 2 -> num.insert(0, "0b");
                    case 8 -> {
                        if (num.charAt(0) != '0') {
                            num.insert(0, '0');
                        }
                    }
                    case 16 -> num.insert(0, "0" + digits.charAt(16));
                    default -> {
                    }
                }
            }
            if (verb == 'O') {
                num.insert(0, "0o");
            }
            if (negative) {
                num.insert(0, '-');
            } else if (plus) {
                num.insert(0, '+');
            } else if (space) {
                num.insert(0, ' ');
            }
            boolean oldZero = zero;
            zero = false;
            pad(num.toString());
            zero = oldZero;
        }

        String truncateString(String s) {
            if (precPresent) {
                int runes = s.codePointCount(0, s.length());
                if (prec < runes) {
                    return s.substring(0, s.offsetByCodePoints(0, prec));
                }
            }
            return s;
        }

        void fmtS(String s) {
            pad(truncateString(s));
        }

        void fmtSx(String s, String digits) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            int length = b.length;
            if (precPresent && prec < length) {
                length = prec;
            }
            int width = 2 * length;
            if (width > 0) {
                if (space) {
                    if (sharp) {
                        width *= 2;
                    }
                    width += length - 1;
                } else if (sharp) {
                    width += 2;
                }
            } else {
                if (widPresent) {
                    writePadding(wid);
                }
                return;
            }
            if (widPresent && wid > width && !minus) {
                writePadding(wid - width);
            }
            if (sharp) {
                buf.append('0').append(digits.charAt(16));
            }
            for (int k = 0; k < length; k++) {
                if (space && k > 0) {
                    buf.append(' ');
                    if (sharp) {
                        buf.append('0').append(digits.charAt(16));
                    }
                }
                int c = b[k] & 0xff;
                buf.append(digits.charAt(c >> 4)).append(digits.charAt(c & 15));
            }
            if (widPresent && wid > width && minus) {
                writePadding(wid - width);
            }
        }

        void fmtQ(String s) {
            s = truncateString(s);
            if (sharp && GoQuote.canBackquote(s)) {
                padString("`" + s + "`");
                return;
            }
            pad(plus ? GoQuote.quoteToASCII(s) : GoQuote.quote(s));
        }

        void fmtC(long c) {
            int r = Long.compareUnsigned(c, Character.MAX_CODE_POINT) > 0 ? 0xFFFD : GoQuote.validRune(c);
            pad(new String(Character.toChars(r)));
        }

        void fmtQc(long c) {
            long r = Long.compareUnsigned(c, Character.MAX_CODE_POINT) > 0 ? 0xFFFD : c;
            pad(plus ? GoQuote.quoteRuneToASCII(r) : GoQuote.quoteRune(r));
        }

        /** Go's fmt.fmtFloat: sign, #, zero padding around strconv's digits. */
        void floating(double v, char verb, int precision) {
            if (precPresent) {
                precision = prec;
            }
            String digits = GoFtoa.formatFloat(v, verb, precision);
            StringBuilder num = new StringBuilder();
            if (digits.startsWith("-") || digits.startsWith("+")) {
                num.append(digits);
            } else {
                num.append('+').append(digits);
            }
            if (space && num.charAt(0) == '+' && !plus) {
                num.setCharAt(0, ' ');
            }
            if (num.charAt(1) == 'I' || num.charAt(1) == 'N') {
                boolean oldZero = zero;
                zero = false;
                if (num.charAt(1) == 'N' && !space && !plus) {
                    num.deleteCharAt(0);
                }
                pad(num.toString());
                zero = oldZero;
                return;
            }
            if (sharp && verb != 'b') {
                int want = 0;
                if (verb == 'g' || verb == 'G' || verb == 'x') {
                    want = precision == -1 ? 6 : precision;
                }
                String tail = "";
                boolean hasDecimalPoint = false;
                boolean sawNonzeroDigit = false;
                for (int k = 1; k < num.length(); k++) {
                    char c = num.charAt(k);
                    if (c == '.') {
                        hasDecimalPoint = true;
                    } else if (c == 'p' || c == 'P') {
                        tail = num.substring(k);
                        num.setLength(k);
                        break;
                    } else if ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X') {
                        tail = num.substring(k);
                        num.setLength(k);
                        break;
                    } else {
                        if (c != '0') {
                            sawNonzeroDigit = true;
                        }
                        if (sawNonzeroDigit) {
                            want--;
                        }
                    }
                }
                if (!hasDecimalPoint) {
                    if (num.length() == 2 && num.charAt(1) == '0') {
                        want--;
                    }
                    num.append('.');
                }
                while (want > 0) {
                    num.append('0');
                    want--;
                }
                num.append(tail);
            }
            if (plus || num.charAt(0) != '+') {
                if (zero && widPresent && wid > num.length()) {
                    buf.append(num.charAt(0));
                    writePadding(wid - num.length());
                    buf.append(num, 1, num.length());
                    return;
                }
                pad(num.toString());
                return;
            }
            pad(num.substring(1));
        }
    }
}
