package io.github.dockerlessons.render.template;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part of Go's text/template that docker's {@code --format} and {@code inspect -f} use: fields
 * and chains ({@code .State.Status}), method calls ({@code .Label "k"}), pipelines ({@code .X | json}),
 * {@code range} (with {@code $i, $e :=}) over lists and maps, {@code if}/{@code else}, variables,
 * trim markers, and docker's functions (json, join, split, upper, lower, title, pad, truncate,
 * println) with Go's (index, len, print, printf, not, and, or, eq, ne).
 *
 * <p>Values are Java maps, lists, strings, numbers, booleans or {@link TemplateObject}s; JSON from
 * the engine is converted with {@link #fromJson}. Printing follows Go's {@code %v}.
 */
public final class GoTemplate {
    private final List<Node> nodes;

    private GoTemplate(List<Node> nodes) {
        this.nodes = nodes;
    }

    public static GoTemplate parse(String text) throws TemplateException {
        Parser parser = new Parser(text);
        List<Node> nodes = parser.parseList(Set.of());
        if (parser.pendingEnd != null) {
            throw new TemplateException("template: :1: unexpected {{" + parser.pendingEnd + "}}");
        }
        return new GoTemplate(nodes);
    }

    public String execute(Object data) throws TemplateException {
        StringBuilder out = new StringBuilder();
        Map<String, Object> vars = new HashMap<>();
        vars.put("$", data);
        run(nodes, data, vars, out);
        return out.toString();
    }

    // ------------------------------------------------------------------ model

    private interface Node { }

    private record Text(String text) implements Node { }

    private record Action(Pipeline pipeline) implements Node { }

    private record Range(List<String> vars, Pipeline pipeline, List<Node> body, List<Node> otherwise) implements Node { }

    private record If(Pipeline pipeline, List<Node> then, List<Node> otherwise, boolean with) implements Node { }

    /** {@code $x := pipeline} declares; commands separated by {@code |}. */
    private record Pipeline(String declare, List<List<Term>> commands) { }

    private sealed interface Term permits Field, Var, Str, Num, Ident, Sub { }

    /** {@code .A.B} (receiver null: the dot) or {@code $x.A}. */
    private record Field(String receiverVar, List<String> path) implements Term { }

    private record Var(String name) implements Term { }

    private record Str(String value) implements Term { }

    private record Num(BigDecimal value) implements Term { }

    private record Ident(String name) implements Term { }

    private record Sub(Pipeline pipeline) implements Term { }

    private interface Set<T> {
        boolean contains(T t);

        static <T> Set<T> of(T... items) {
            List<T> list = List.of(items);
            return list::contains;
        }
    }

    // ------------------------------------------------------------------ parsing

    private static final class Parser {
        private final String src;
        private int pos;
        String pendingEnd;

        Parser(String src) {
            this.src = src;
        }

        /** Nodes until one of {@code stops} ({@code end}, {@code else}) or the end of the text. */
        List<Node> parseList(Set<String> stops) throws TemplateException {
            List<Node> nodes = new ArrayList<>();
            while (pos < src.length()) {
                int open = src.indexOf("{{", pos);
                if (open < 0) {
                    nodes.add(new Text(src.substring(pos)));
                    pos = src.length();
                    break;
                }
                String text = src.substring(pos, open);
                int close = src.indexOf("}}", open + 2);
                if (close < 0) {
                    throw new TemplateException("template: :1: unclosed action");
                }
                String inner = src.substring(open + 2, close);
                boolean trimLeft = inner.startsWith("- ") || inner.equals("-");
                boolean trimRight = inner.endsWith(" -");
                if (trimLeft) {
                    text = text.stripTrailing();
                    inner = inner.substring(1);
                }
                if (trimRight) {
                    inner = inner.substring(0, inner.length() - 1);
                }
                if (!text.isEmpty()) {
                    nodes.add(new Text(text));
                }
                pos = close + 2;
                if (trimRight) {
                    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
                        pos++;
                    }
                }
                String action = inner.strip();
                String keyword = action.split("\\s+", 2)[0];
                if (stops.contains(keyword)) {
                    pendingEnd = action;
                    return nodes;
                }
                switch (keyword) {
                    case "end", "else" -> throw new TemplateException("template: :1: unexpected {{" + keyword + "}}");
                    case "range" -> nodes.add(parseRange(action.substring(5).strip()));
                    case "if", "with" -> nodes.add(parseIf(action.substring(keyword.length()).strip(), keyword.equals("with")));
                    default -> {
                        if (action.startsWith("/*")) {
                            continue; // a comment
                        }
                        nodes.add(new Action(new Lexer(action).pipeline()));
                    }
                }
            }
            return nodes;
        }

        private Node parseRange(String header) throws TemplateException {
            List<String> vars = new ArrayList<>();
            String expression = header;
            int assign = header.indexOf(":=");
            if (assign >= 0) {
                for (String v : header.substring(0, assign).split(",")) {
                    vars.add(v.strip());
                }
                expression = header.substring(assign + 2).strip();
            }
            Pipeline pipeline = new Lexer(expression).pipeline();
            List<Node> body = parseList(Set.of("end", "else"));
            List<Node> otherwise = List.of();
            if ("else".equals(pendingEnd)) {
                pendingEnd = null;
                otherwise = parseList(Set.of("end"));
            }
            expectEnd("range");
            return new Range(vars, pipeline, body, otherwise);
        }

        private Node parseIf(String expression, boolean with) throws TemplateException {
            Pipeline pipeline = new Lexer(expression).pipeline();
            List<Node> then = parseList(Set.of("end", "else"));
            List<Node> otherwise = List.of();
            if (pendingEnd != null && pendingEnd.startsWith("else")) {
                String rest = pendingEnd.substring(4).strip();
                pendingEnd = null;
                if (rest.startsWith("if ")) {
                    otherwise = List.of(parseIf(rest.substring(3).strip(), false));
                    return new If(pipeline, then, otherwise, with);
                }
                otherwise = parseList(Set.of("end"));
            }
            expectEnd(with ? "with" : "if");
            return new If(pipeline, then, otherwise, with);
        }

        private void expectEnd(String what) throws TemplateException {
            if (!"end".equals(pendingEnd)) {
                throw new TemplateException("template: :1: unexpected EOF in " + what);
            }
            pendingEnd = null;
        }
    }

    /** Tokens of one action. */
    private static final class Lexer {
        private final String s;
        private int i;

        Lexer(String s) {
            this.s = s;
        }

        Pipeline pipeline() throws TemplateException {
            skip();
            String declare = null;
            int save = i;
            if (peek() == '$') {
                String name = word();
                skip();
                if (s.startsWith(":=", i)) {
                    i += 2;
                    declare = name;
                } else {
                    i = save;
                }
            }
            List<List<Term>> commands = new ArrayList<>();
            List<Term> command = new ArrayList<>();
            while (true) {
                skip();
                if (i >= s.length() || peek() == ')') {
                    break;
                }
                if (peek() == '|') {
                    i++;
                    commands.add(command);
                    command = new ArrayList<>();
                    continue;
                }
                command.add(term());
            }
            commands.add(command);
            for (List<Term> c : commands) {
                if (c.isEmpty()) {
                    throw new TemplateException("template: :1: missing value for command");
                }
            }
            return new Pipeline(declare, commands);
        }

        private Term term() throws TemplateException {
            char c = peek();
            if (c == '"' || c == '`') {
                return new Str(string());
            }
            if (c == '(') {
                i++;
                Pipeline inner = pipeline();
                if (peek() != ')') {
                    throw new TemplateException("template: :1: unclosed left paren");
                }
                i++;
                return new Sub(inner);
            }
            if (c == '.') {
                return new Field(null, path(word()));
            }
            if (c == '$') {
                String w = word();
                int dot = w.indexOf('.');
                if (dot < 0) {
                    return new Var(w);
                }
                return new Field(w.substring(0, dot), path(w.substring(dot)));
            }
            if (Character.isDigit(c) || c == '-') {
                return new Num(new BigDecimal(word()));
            }
            String w = word();
            if (w.isEmpty()) {
                throw new TemplateException("template: :1: unexpected \"" + c + "\" in command");
            }
            return new Ident(w);
        }

        private static List<String> path(String dotted) {
            List<String> path = new ArrayList<>();
            for (String part : dotted.split("\\.")) {
                if (!part.isEmpty()) {
                    path.add(part);
                }
            }
            return path;
        }

        private String word() {
            int start = i;
            while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "|()\"`".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            return s.substring(start, i);
        }

        private String string() throws TemplateException {
            char quote = s.charAt(i++);
            StringBuilder out = new StringBuilder();
            while (i < s.length() && s.charAt(i) != quote) {
                char c = s.charAt(i++);
                if (c == '\\' && quote == '"' && i < s.length()) {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case '"' -> out.append('"');
                        case '\\' -> out.append('\\');
                        default -> out.append('\\').append(e);
                    }
                } else {
                    out.append(c);
                }
            }
            if (i >= s.length()) {
                throw new TemplateException("template: :1: unterminated quoted string");
            }
            i++;
            return out.toString();
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private char peek() {
            return i < s.length() ? s.charAt(i) : 0;
        }
    }

    // ------------------------------------------------------------------ execution

    private static void run(List<Node> nodes, Object dot, Map<String, Object> vars, StringBuilder out)
            throws TemplateException {
        for (Node node : nodes) {
            if (node instanceof Text text) {
                out.append(text.text());
            } else if (node instanceof Action action) {
                Object value = evalPipeline(action.pipeline(), dot, vars);
                if (action.pipeline().declare() == null) {
                    out.append(print(value));
                }
            } else if (node instanceof If branch) {
                Object value = evalPipeline(branch.pipeline(), dot, vars);
                if (truthy(value)) {
                    run(branch.then(), branch.with() ? value : dot, vars, out);
                } else {
                    run(branch.otherwise(), dot, vars, out);
                }
            } else if (node instanceof Range range) {
                runRange(range, dot, vars, out);
            }
        }
    }

    private static void runRange(Range range, Object dot, Map<String, Object> vars, StringBuilder out)
            throws TemplateException {
        Object value = evalPipeline(range.pipeline(), dot, vars);
        List<Object[]> items = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            // Go ranges over a map in key order.
            for (Map.Entry<?, ?> entry : new TreeMap<>(map).entrySet()) {
                items.add(new Object[]{entry.getKey(), entry.getValue()});
            }
        } else if (value instanceof List<?> list) {
            for (int k = 0; k < list.size(); k++) {
                items.add(new Object[]{k, list.get(k)});
            }
        } else if (value != null) {
            throw new TemplateException("range can't iterate over " + print(value));
        }
        if (items.isEmpty()) {
            run(range.otherwise(), dot, vars, out);
            return;
        }
        for (Object[] item : items) {
            Map<String, Object> scope = new HashMap<>(vars);
            if (range.vars().size() == 1) {
                scope.put(range.vars().get(0), item[1]);
            } else if (range.vars().size() == 2) {
                scope.put(range.vars().get(0), item[0]);
                scope.put(range.vars().get(1), item[1]);
            }
            run(range.body(), item[1], scope, out);
        }
    }

    private static Object evalPipeline(Pipeline pipeline, Object dot, Map<String, Object> vars) throws TemplateException {
        Object value = null;
        boolean first = true;
        for (List<Term> command : pipeline.commands()) {
            value = evalCommand(command, dot, vars, first ? null : new Object[]{value});
            first = false;
        }
        if (pipeline.declare() != null) {
            vars.put(pipeline.declare(), value);
        }
        return value;
    }

    private static Object evalCommand(List<Term> command, Object dot, Map<String, Object> vars, Object[] piped)
            throws TemplateException {
        Term head = command.get(0);
        List<Object> args = new ArrayList<>();
        for (Term term : command.subList(1, command.size())) {
            args.add(evalTerm(term, dot, vars));
        }
        if (piped != null) {
            args.add(piped[0]);
        }
        if (head instanceof Ident ident) {
            return Functions.call(ident.name(), args);
        }
        if (head instanceof Field field && (!args.isEmpty())) {
            // A method call: .Label "k"
            Object receiver = field.receiverVar() == null ? dot : variable(field.receiverVar(), vars);
            List<String> path = field.path();
            for (String name : path.subList(0, path.size() - 1)) {
                receiver = fieldOf(receiver, name);
            }
            String method = path.get(path.size() - 1);
            if (receiver instanceof TemplateObject object) {
                return object.call(method, args);
            }
            throw new TemplateException("can't give argument to non-function ." + method);
        }
        if (!args.isEmpty()) {
            throw new TemplateException("can't give argument to non-function");
        }
        return evalTerm(head, dot, vars);
    }

    private static Object evalTerm(Term term, Object dot, Map<String, Object> vars) throws TemplateException {
        if (term instanceof Str str) {
            return str.value();
        }
        if (term instanceof Num num) {
            return num.value();
        }
        if (term instanceof Var var) {
            return variable(var.name(), vars);
        }
        if (term instanceof Sub sub) {
            return evalPipeline(sub.pipeline(), dot, vars);
        }
        if (term instanceof Ident ident) {
            return switch (ident.name()) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "nil" -> null;
                default -> Functions.call(ident.name(), List.of());
            };
        }
        Field field = (Field) term;
        Object value = field.receiverVar() == null ? dot : variable(field.receiverVar(), vars);
        for (String name : field.path()) {
            value = fieldOf(value, name);
        }
        return value;
    }

    private static Object variable(String name, Map<String, Object> vars) throws TemplateException {
        if (!vars.containsKey(name)) {
            throw new TemplateException("template: :1: undefined variable \"" + name + "\"");
        }
        return vars.get(name);
    }

    static Object fieldOf(Object value, String name) throws TemplateException {
        if (value instanceof TemplateObject object) {
            Object field = object.field(name);
            if (field == TemplateObject.NO_FIELD) {
                throw new TemplateException("template: :1: executing \"\" at <." + name + ">: can't evaluate field "
                        + name);
            }
            return field;
        }
        if (value instanceof Map<?, ?> map) {
            return map.get(name); // a missing map key is <no value>, as in Go
        }
        if (value == null) {
            return null;
        }
        throw new TemplateException("template: :1: executing \"\" at <." + name + ">: can't evaluate field "
                + name + " in type " + typeName(value));
    }

    static String typeName(Object value) {
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof List) {
            return "[]interface {}";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        return value instanceof BigDecimal ? "float64" : "interface {}";
    }

    static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof BigDecimal n) {
            return n.signum() != 0;
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    /** Go's {@code %v}. */
    public static String print(Object value) {
        if (value == null) {
            return "<no value>";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof BigDecimal n) {
            return formatNumber(n);
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            for (Object item : list) {
                items.add(item == null ? "<nil>" : print(item));
            }
            return "[" + String.join(" ", items) + "]";
        }
        if (value instanceof Map<?, ?> map) {
            List<String> items = new ArrayList<>();
            for (Map.Entry<?, ?> entry : new TreeMap<>(map).entrySet()) {
                items.add(entry.getKey() + ":" + (entry.getValue() == null ? "<nil>" : print(entry.getValue())));
            }
            return "map[" + String.join(" ", items) + "]";
        }
        if (value instanceof TemplateObject object) {
            return print(object.toJsonValue());
        }
        return String.valueOf(value);
    }

    /** Go prints a JSON number (a float64) with %v: shortest form, exponent from 1e21 or 1e-4. */
    static String formatNumber(BigDecimal n) {
        if (n.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = n.stripTrailingZeros();
        int exponent = stripped.precision() - stripped.scale() - 1;
        if (exponent < -4 || exponent >= 21) {
            String digits = stripped.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (n.signum() < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
        }
        return stripped.toPlainString();
    }

    /** JSON from the engine as template values: maps keep the engine's key order. */
    public static Object fromJson(JsonElement json) {
        if (json == null || json.isJsonNull()) {
            return null;
        }
        if (json.isJsonObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> entry : json.getAsJsonObject().entrySet()) {
                map.put(entry.getKey(), fromJson(entry.getValue()));
            }
            return map;
        }
        if (json.isJsonArray()) {
            List<Object> list = new ArrayList<>();
            for (JsonElement item : json.getAsJsonArray()) {
                list.add(fromJson(item));
            }
            return list;
        }
        JsonPrimitive primitive = json.getAsJsonPrimitive();
        if (primitive.isBoolean()) {
            return primitive.getAsBoolean();
        }
        if (primitive.isNumber()) {
            return primitive.getAsBigDecimal();
        }
        return primitive.getAsString();
    }

    /** A template value as JSON, for the json function. */
    static JsonElement toJson(Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof TemplateObject object) {
            return toJson(object.toJsonValue());
        }
        if (value instanceof Map<?, ?> map) {
            JsonObject json = new JsonObject();
            map.forEach((k, v) -> json.add(String.valueOf(k), toJson(v)));
            return json;
        }
        if (value instanceof List<?> list) {
            JsonArray json = new JsonArray();
            list.forEach(v -> json.add(toJson(v)));
            return json;
        }
        if (value instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        if (value instanceof BigDecimal n) {
            return new JsonPrimitive(n);
        }
        return new JsonPrimitive(String.valueOf(value));
    }

    /** Go's json.Marshal as docker's json function uses it: compact, HTML characters escaped. */
    static String marshal(Object value) {
        String json = new GsonBuilder().serializeNulls().create().toJson(toJson(value));
        return json.replace("=", "\\u003d").replace("'", "\\u0027");
    }

    /** The functions docker registers, with Go's built-ins a format string is likely to use. */
    private static final class Functions {
        static Object call(String name, List<Object> args) throws TemplateException {
            switch (name) {
                case "json":
                    return marshal(arg(args, 0, name));
                case "join":
                    return String.join(print(arg(args, 1, name)), strings(arg(args, 0, name)));
                case "split":
                    return new ArrayList<Object>(List.of(print(arg(args, 0, name)).split(
                            java.util.regex.Pattern.quote(print(arg(args, 1, name))), -1)));
                case "upper":
                    return print(arg(args, 0, name)).toUpperCase(Locale.ROOT);
                case "lower":
                    return print(arg(args, 0, name)).toLowerCase(Locale.ROOT);
                case "title":
                    String s = print(arg(args, 0, name));
                    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
                case "pad":
                    String text = print(arg(args, 0, name));
                    int before = ((BigDecimal) arg(args, 1, name)).intValue();
                    int after = ((BigDecimal) arg(args, 2, name)).intValue();
                    return " ".repeat(before) + text + " ".repeat(after);
                case "truncate":
                    String t = print(arg(args, 0, name));
                    int n = ((BigDecimal) arg(args, 1, name)).intValue();
                    return t.length() > n ? t.substring(0, n) : t;
                case "println":
                    List<String> parts = new ArrayList<>();
                    for (Object a : args) {
                        parts.add(print(a));
                    }
                    return String.join(" ", parts) + "\n";
                case "print":
                    StringBuilder joined = new StringBuilder();
                    for (Object a : args) {
                        joined.append(print(a));
                    }
                    return joined.toString();
                case "printf":
                    String format = print(arg(args, 0, name));
                    Object[] rest = args.subList(1, args.size()).stream().map(GoTemplate::printfArg).toArray();
                    return String.format(Locale.ROOT, format.replace("%v", "%s").replace("%q", "\"%s\""), rest);
                case "index":
                    Object target = arg(args, 0, name);
                    for (Object key : args.subList(1, args.size())) {
                        if (target instanceof Map<?, ?> map) {
                            target = map.get(print(key));
                        } else if (target instanceof List<?> list && key instanceof BigDecimal k) {
                            int at = k.intValue();
                            if (at < 0 || at >= list.size()) {
                                throw new TemplateException("error calling index: index out of range: " + at);
                            }
                            target = list.get(at);
                        } else if (target instanceof TemplateObject object) {
                            target = object.field(print(key));
                        } else {
                            throw new TemplateException("error calling index: cannot index " + print(target));
                        }
                    }
                    return target;
                case "len":
                    Object v = arg(args, 0, name);
                    int length = v instanceof Collection<?> c ? c.size() : v instanceof Map<?, ?> m ? m.size()
                            : print(v).length();
                    return BigDecimal.valueOf(length);
                case "not":
                    return !truthy(arg(args, 0, name));
                case "and":
                    for (Object a : args) {
                        if (!truthy(a)) {
                            return a;
                        }
                    }
                    return args.isEmpty() ? null : args.get(args.size() - 1);
                case "or":
                    for (Object a : args) {
                        if (truthy(a)) {
                            return a;
                        }
                    }
                    return args.isEmpty() ? null : args.get(args.size() - 1);
                case "eq":
                    Object first = arg(args, 0, name);
                    for (Object other : args.subList(1, args.size())) {
                        if (print(first).equals(print(other))) {
                            return true;
                        }
                    }
                    return false;
                case "ne":
                    return !print(arg(args, 0, name)).equals(print(arg(args, 1, name)));
                default:
                    throw new TemplateException("template: :1: function \"" + name + "\" not defined");
            }
        }

        private static Object arg(List<Object> args, int i, String function) throws TemplateException {
            if (i >= args.size()) {
                throw new TemplateException("template: :1: wrong number of args for " + function);
            }
            return args.get(i);
        }

        private static List<String> strings(Object value) {
            List<String> out = new ArrayList<>();
            if (value instanceof Collection<?> c) {
                for (Object item : c) {
                    out.add(print(item));
                }
            } else if (value != null) {
                out.add(print(value));
            }
            return out;
        }
    }

    private static Object printfArg(Object value) {
        if (value instanceof BigDecimal n) {
            return n.stripTrailingZeros().scale() <= 0 ? (Object) n.longValue() : n.doubleValue();
        }
        return print(value);
    }
}
