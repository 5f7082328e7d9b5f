package io.github.dockerlessons.render.template;

import io.github.dockerlessons.golang.GoQuote;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Go's text/template lexer (parse/lex.go): text and actions between {{ and }}, with the trim markers
 * {@code {{- } and {@code -}}, comments, and inside actions the items fields, variables, identifiers,
 * keywords, numbers, strings, characters, parentheses, pipes and spaces. Each item knows where it
 * starts (a char index into the template) and its line; an error item ends the list.
 */
public final class Lexer {
    /** The kinds of items, in Go's order: every keyword comes after {@link #KEYWORD}. */
    public enum Type {
        ERROR, BOOL, CHAR, CHAR_CONSTANT, COMMENT, COMPLEX, ASSIGN, DECLARE, EOF, FIELD, IDENTIFIER, LEFT_DELIM,
        LEFT_PAREN, NUMBER, PIPE, RAW_STRING, RIGHT_DELIM, RIGHT_PAREN, SPACE, STRING, TEXT, VARIABLE,
        KEYWORD, BLOCK, BREAK, CONTINUE, DOT, DEFINE, ELSE, END, IF, NIL, RANGE, TEMPLATE, WITH;

        boolean isKeyword() {
            return ordinal() > KEYWORD.ordinal();
        }
    }

    /** One token; {@code pos} is a char index into the template text. */
    public record Item(Type type, int pos, String val, int line) {
        /** How Go's parser names an item in its errors: "EOF", {@code <end>}, {@code "abc"}, {@code "abcdefghij"...}. */
        @Override
        public String toString() {
            if (type == Type.EOF) {
                return "EOF";
            }
            if (type == Type.ERROR) {
                return val;
            }
            if (type.isKeyword()) {
                return "<" + val + ">";
            }
            if (val.codePointCount(0, val.length()) > 10) {
                return GoQuote.quote(val.substring(0, val.offsetByCodePoints(0, 10))) + "...";
            }
            return GoQuote.quote(val);
        }
    }

    private static final Map<String, Type> KEYWORDS = Map.ofEntries(
            Map.entry(".", Type.DOT), Map.entry("block", Type.BLOCK), Map.entry("break", Type.BREAK),
            Map.entry("continue", Type.CONTINUE), Map.entry("define", Type.DEFINE), Map.entry("else", Type.ELSE),
            Map.entry("end", Type.END), Map.entry("if", Type.IF), Map.entry("range", Type.RANGE),
            Map.entry("nil", Type.NIL), Map.entry("template", Type.TEMPLATE), Map.entry("with", Type.WITH));

    private static final String LEFT_DELIM = "{{";
    private static final String RIGHT_DELIM = "}}";
    private static final String LEFT_COMMENT = "/*";
    private static final String RIGHT_COMMENT = "*/";
    private static final int EOF = -1;
    private static final int TRIM_MARKER_LEN = 2;

    private interface State {
        State run();
    }

    private final String input;
    private final boolean breakOk;
    private final boolean continueOk;
    private final List<Item> items = new ArrayList<>();
    private int pos;
    private int start;
    private boolean atEof;
    private int parenDepth;
    private int line = 1;
    private int startLine = 1;

    private Lexer(String input, boolean breakOk, boolean continueOk) {
        this.input = input;
        this.breakOk = breakOk;
        this.continueOk = continueOk;
    }

    /** The items of a template, ending with EOF or an error. */
    public static List<Item> lex(String input) {
        return lex(input, true, true);
    }

    /** {@code breakOk}/{@code continueOk} are false when a function of that name hides the keyword. */
    public static List<Item> lex(String input, boolean breakOk, boolean continueOk) {
        Lexer lexer = new Lexer(input, breakOk, continueOk);
        State state = lexer::lexText;
        while (state != null) {
            state = state.run();
        }
        return lexer.items;
    }

    // ------------------------------------------------------------------ scanning

    private int next() {
        if (pos >= input.length()) {
            atEof = true;
            return EOF;
        }
        int r = input.codePointAt(pos);
        pos += Character.charCount(r);
        if (r == '\n') {
            line++;
        }
        return r;
    }

    private int peek() {
        int r = next();
        backup();
        return r;
    }

    private void backup() {
        if (!atEof && pos > 0) {
            int r = input.codePointBefore(pos);
            pos -= Character.charCount(r);
            if (r == '\n') {
                line--;
            }
        }
    }

    private void emit(Type type) {
        items.add(new Item(type, start, input.substring(start, pos), startLine));
        start = pos;
        startLine = line;
    }

    private void ignore() {
        line += count(input.substring(start, pos));
        start = pos;
        startLine = line;
    }

    private boolean accept(String valid) {
        int r = next();
        if (r != EOF && valid.indexOf(r) >= 0) {
            return true;
        }
        backup();
        return false;
    }

    private void acceptRun(String valid) {
        int r = next();
        while (r != EOF && valid.indexOf(r) >= 0) {
            r = next();
        }
        backup();
    }

    private State errorf(String message) {
        items.add(new Item(Type.ERROR, start, message, startLine));
        return null;
    }

    private static int count(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    // ------------------------------------------------------------------ states

    private State lexText() {
        int x = input.indexOf(LEFT_DELIM, pos);
        if (x >= 0) {
            pos = x;
            int trimLength = 0;
            if (hasLeftTrimMarker(input, pos + LEFT_DELIM.length())) {
                trimLength = rightTrimLength(input.substring(start, pos));
            }
            pos -= trimLength;
            if (pos > start) {
                line += count(input.substring(start, pos));
                emit(Type.TEXT);
            }
            pos += trimLength;
            ignore();
            return this::lexLeftDelim;
        }
        pos = input.length();
        if (pos > start) {
            line += count(input.substring(start, pos));
            emit(Type.TEXT);
        }
        emit(Type.EOF);
        return null;
    }

    private State lexLeftDelim() {
        pos += LEFT_DELIM.length();
        boolean trimSpace = hasLeftTrimMarker(input, pos);
        int afterMarker = trimSpace ? TRIM_MARKER_LEN : 0;
        if (input.startsWith(LEFT_COMMENT, pos + afterMarker)) {
            pos += afterMarker;
            ignore();
            return this::lexComment;
        }
        emit(Type.LEFT_DELIM);
        pos += afterMarker;
        ignore();
        parenDepth = 0;
        return this::lexInsideAction;
    }

    private State lexComment() {
        pos += LEFT_COMMENT.length();
        int i = input.indexOf(RIGHT_COMMENT, pos);
        if (i < 0) {
            return errorf("unclosed comment");
        }
        pos = i + RIGHT_COMMENT.length();
        boolean[] delim = atRightDelim();
        if (!delim[0]) {
            return errorf("comment ends before closing delimiter");
        }
        if (delim[1]) {
            pos += TRIM_MARKER_LEN;
        }
        pos += RIGHT_DELIM.length();
        if (delim[1]) {
            pos += leftTrimLength(input.substring(pos));
        }
        ignore();
        return this::lexText;
    }

    private State lexRightDelim() {
        boolean trimSpace = hasRightTrimMarker(input, pos);
        if (trimSpace) {
            pos += TRIM_MARKER_LEN;
            ignore();
        }
        pos += RIGHT_DELIM.length();
        emit(Type.RIGHT_DELIM);
        if (trimSpace) {
            pos += leftTrimLength(input.substring(pos));
            ignore();
        }
        return this::lexText;
    }

    private State lexInsideAction() {
        boolean[] delim = atRightDelim();
        if (delim[0]) {
            if (parenDepth == 0) {
                return this::lexRightDelim;
            }
            return errorf("unclosed left paren");
        }
        int r = next();
        if (r == EOF) {
            return errorf("unclosed action");
        }
        if (isSpace(r)) {
            backup(); // Put space back in case we have " -}}".
            return this::lexSpace;
        }
        switch (r) {
            case '=':
                emit(Type.ASSIGN);
                break;
            case ':':
                if (next() != '=') {
                    return errorf("expected :=");
                }
                emit(Type.DECLARE);
                break;
            case '|':
                emit(Type.PIPE);
                break;
            case '"':
                return this::lexQuote;
            case '`':
                return this::lexRawQuote;
            case '$':
                return this::lexVariable;
            case '\'':
                return this::lexChar;
            case '(':
                emit(Type.LEFT_PAREN);
                parenDepth++;
                break;
            case ')':
                parenDepth--;
                if (parenDepth < 0) {
                    return errorf("unexpected right paren");
                }
                emit(Type.RIGHT_PAREN);
                break;
            default:
                if (r == '.' && pos < input.length()) {
                    char c = input.charAt(pos);
                    if (c < '0' || '9' < c) {
                        return this::lexField;
                    }
                }
                if (r == '.' || r == '+' || r == '-' || ('0' <= r && r <= '9')) {
                    backup();
                    return this::lexNumber;
                }
                if (isAlphaNumeric(r)) {
                    backup();
                    return this::lexIdentifier;
                }
                if (r <= 0x7f && GoQuote.isPrint(r)) {
                    emit(Type.CHAR);
                    break;
                }
                return errorf("unrecognized character in action: " + describe(r));
        }
        return this::lexInsideAction;
    }

    private State lexSpace() {
        int numSpaces = 0;
        while (isSpace(peek())) {
            next();
            numSpaces++;
        }
        if (hasRightTrimMarker(input, pos - 1) && input.startsWith(RIGHT_DELIM, pos - 1 + TRIM_MARKER_LEN)) {
            backup(); // Before the space.
            if (numSpaces == 1) {
                return this::lexRightDelim; // On the delim, so go right to that.
            }
        }
        emit(Type.SPACE);
        return this::lexInsideAction;
    }

    private State lexIdentifier() {
        while (true) {
            int r = next();
            if (isAlphaNumeric(r)) {
                continue;
            }
            backup();
            String word = input.substring(start, pos);
            if (!atTerminator()) {
                return errorf("bad character " + describe(r));
            }
            Type keyword = KEYWORDS.get(word);
            if (keyword != null && keyword.isKeyword()) {
                if (keyword == Type.BREAK && !breakOk || keyword == Type.CONTINUE && !continueOk) {
                    emit(Type.IDENTIFIER);
                } else {
                    emit(keyword);
                }
            } else if (word.charAt(0) == '.') {
                emit(Type.FIELD);
            } else if (word.equals("true") || word.equals("false")) {
                emit(Type.BOOL);
            } else {
                emit(Type.IDENTIFIER);
            }
            return this::lexInsideAction;
        }
    }

    private State lexField() {
        return lexFieldOrVariable(Type.FIELD);
    }

    private State lexVariable() {
        if (atTerminator()) {
            emit(Type.VARIABLE);
            return this::lexInsideAction;
        }
        return lexFieldOrVariable(Type.VARIABLE);
    }

    private State lexFieldOrVariable(Type type) {
        if (atTerminator()) {
            emit(type == Type.VARIABLE ? Type.VARIABLE : Type.DOT);
            return this::lexInsideAction;
        }
        int r;
        while (true) {
            r = next();
            if (!isAlphaNumeric(r)) {
                backup();
                break;
            }
        }
        if (!atTerminator()) {
            return errorf("bad character " + describe(r));
        }
        emit(type);
        return this::lexInsideAction;
    }

    private boolean atTerminator() {
        int r = peek();
        if (isSpace(r)) {
            return true;
        }
        switch (r) {
            case EOF, '.', ',', '|', ':', ')', '(' -> {
                return true;
            }
            default -> {
                return input.startsWith(RIGHT_DELIM, pos);
            }
        }
    }

    /** lexChar: a character constant, after its opening quote. */
    private State lexChar() {
        return lexEscaped('\'', Type.CHAR_CONSTANT, "unterminated character constant");
    }

    private State lexNumber() {
        if (!scanNumber()) {
            return errorf("bad number syntax: " + GoQuote.quote(input.substring(start, pos)));
        }
        int sign = peek();
        if (sign == '+' || sign == '-') {
            if (!scanNumber() || input.charAt(pos - 1) != 'i') {
                return errorf("bad number syntax: " + GoQuote.quote(input.substring(start, pos)));
            }
            emit(Type.COMPLEX);
        } else {
            emit(Type.NUMBER);
        }
        return this::lexInsideAction;
    }

    private boolean scanNumber() {
        accept("+-");
        String digits = "0123456789_";
        if (accept("0")) {
            if (accept("xX")) {
                digits = "0123456789abcdefABCDEF_";
            } else if (accept("oO")) {
                digits = "01234567_";
            } else if (accept("bB")) {
                digits = "01_";
            }
        }
        acceptRun(digits);
        if (accept(".")) {
            acceptRun(digits);
        }
        if (digits.length() == 10 + 1 && accept("eE")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        if (digits.length() == 16 + 6 + 1 && accept("pP")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        accept("i");
        if (isAlphaNumeric(peek())) {
            next();
            return false;
        }
        return true;
    }

    /** lexQuote: a quoted string, after its opening quote. */
    private State lexQuote() {
        return lexEscaped('"', Type.STRING, "unterminated quoted string");
    }

    /**
     * The body of lex.go's lexChar and lexQuote, which differ only in the closing quote, the item and
     * the error: up to {@code close}, a backslash taking the next character along, on one line.
     */
    private State lexEscaped(char close, Type type, String unterminated) {
        while (true) {
            int r = next();
            if (r == '\\') {
                int escaped = next();
                if (escaped != EOF && escaped != '\n') {
                    continue;
                }
                return errorf(unterminated);
            }
            if (r == EOF || r == '\n') {
                return errorf(unterminated);
            }
            if (r == close) {
                break;
            }
        }
        emit(type);
        return this::lexInsideAction;
    }

    private State lexRawQuote() {
        while (true) {
            int r = next();
            if (r == EOF) {
                return errorf("unterminated raw quoted string");
            }
            if (r == '`') {
                break;
            }
        }
        emit(Type.RAW_STRING);
        return this::lexInsideAction;
    }

    // ------------------------------------------------------------------ helpers

    /** {delim, trimSpaces}: at a right delimiter, possibly with a trim marker before it. */
    private boolean[] atRightDelim() {
        if (hasRightTrimMarker(input, pos) && input.startsWith(RIGHT_DELIM, pos + TRIM_MARKER_LEN)) {
            return new boolean[]{true, true};
        }
        if (input.startsWith(RIGHT_DELIM, pos)) {
            return new boolean[]{true, false};
        }
        return new boolean[]{false, false};
    }

    private static boolean isSpace(int r) {
        return r == ' ' || r == '\t' || r == '\r' || r == '\n';
    }

    private static boolean isAlphaNumeric(int r) {
        return r == '_' || (r != EOF && (Character.isLetter(r) || Character.isDigit(r)));
    }

    private static boolean hasLeftTrimMarker(String s, int at) {
        return s.length() - at >= 2 && s.charAt(at) == '-' && isSpace(s.charAt(at + 1));
    }

    private static boolean hasRightTrimMarker(String s, int at) {
        return at >= 0 && s.length() - at >= 2 && isSpace(s.charAt(at)) && s.charAt(at + 1) == '-';
    }

    private static int rightTrimLength(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.length() - end;
    }

    private static int leftTrimLength(String s) {
        int i = 0;
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Go's %#U: {@code U+007D '}'}. */
    private static String describe(int r) {
        if (r == EOF) {
            return "U+FFFFFFFFFFFFFFFF";
        }
        return GoFormat.sprintf("%#U", List.of((Object) (long) r));
    }
}
