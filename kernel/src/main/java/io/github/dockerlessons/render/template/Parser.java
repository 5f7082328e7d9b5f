package io.github.dockerlessons.render.template;

import io.github.dockerlessons.golang.GoAtof;
import io.github.dockerlessons.golang.GoAtoi;
import io.github.dockerlessons.golang.GoQuote;
import io.github.dockerlessons.render.template.Lexer.Item;
import io.github.dockerlessons.render.template.Lexer.Type;
import io.github.dockerlessons.render.template.Node.ActionNode;
import io.github.dockerlessons.render.template.Node.BoolNode;
import io.github.dockerlessons.render.template.Node.BreakNode;
import io.github.dockerlessons.render.template.Node.ChainNode;
import io.github.dockerlessons.render.template.Node.CommandNode;
import io.github.dockerlessons.render.template.Node.ContinueNode;
import io.github.dockerlessons.render.template.Node.DotNode;
import io.github.dockerlessons.render.template.Node.ElseNode;
import io.github.dockerlessons.render.template.Node.EndNode;
import io.github.dockerlessons.render.template.Node.FieldNode;
import io.github.dockerlessons.render.template.Node.IdentifierNode;
import io.github.dockerlessons.render.template.Node.IfNode;
import io.github.dockerlessons.render.template.Node.ListNode;
import io.github.dockerlessons.render.template.Node.NilNode;
import io.github.dockerlessons.render.template.Node.NumberNode;
import io.github.dockerlessons.render.template.Node.PipeNode;
import io.github.dockerlessons.render.template.Node.RangeNode;
import io.github.dockerlessons.render.template.Node.StringNode;
import io.github.dockerlessons.render.template.Node.TemplateNode;
import io.github.dockerlessons.render.template.Node.TextNode;
import io.github.dockerlessons.render.template.Node.VariableNode;
import io.github.dockerlessons.render.template.Node.WithNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Go's text/template parser (parse/parse.go): items to trees, one per template name ({@code define}
 * and {@code block} add named trees beside the main one). Errors are Go's, with the line:
 * {@code template: :1: unexpected "}" in operand}, {@code template: :1: function "x" not defined}.
 */
public final class Parser {
    private static final int MAX_STACK_DEPTH = 10000;
    private static final int MAX_PIPELINE_CMDS = 100000;

    /** The error of a failed parse, as Go words it. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    private final String parseName;
    private final Set<String> functions;
    private final List<Item> items;
    private int nextItem;
    private final Map<String, ListNode> treeSet = new LinkedHashMap<>();

    private Parser(String parseName, String text, Set<String> functions) {
        this.parseName = parseName;
        this.functions = functions;
        this.items = Lexer.lex(text, !functions.contains("break"), !functions.contains("continue"));
    }

    /**
     * The trees of a template text named {@code name}, the main one under that name; identifiers
     * must name one of {@code functions}.
     */
    public static Map<String, ListNode> parse(String name, String text, Set<String> functions)
            throws TemplateException {
        Parser parser = new Parser(name, text, functions);
        try {
            Tree main = parser.new Tree(name);
            main.parse();
            main.add();
        } catch (Failure e) {
            throw new TemplateException(e.getMessage());
        }
        return parser.treeSet;
    }

    private Item lexNext() {
        Item item = items.get(Math.min(nextItem, items.size() - 1));
        nextItem++;
        return item;
    }

    /** One tree being parsed, with Go's three-token lookahead and its variables in scope. */
    private final class Tree {
        private String name;
        private ListNode root;
        private final Item[] token = new Item[3];
        private int peekCount;
        private final List<String> vars = new ArrayList<>(List.of("$"));
        private int actionLine;
        private int rangeDepth;
        private int stackDepth;

        Tree(String name) {
            this.name = name;
        }

        // -------------------------------------------------------------- tokens

        Item next() {
            if (peekCount > 0) {
                peekCount--;
            } else {
                token[0] = lexNext();
            }
            return token[peekCount];
        }

        void backup() {
            peekCount++;
        }

        void backup2(Item t1) {
            token[1] = t1;
            peekCount = 2;
        }

        void backup3(Item t2, Item t1) {
            token[1] = t1;
            token[2] = t2;
            peekCount = 3;
        }

        Item peek() {
            if (peekCount > 0) {
                return token[peekCount - 1];
            }
            peekCount = 1;
            token[0] = lexNext();
            return token[0];
        }

        Item nextNonSpace() {
            Item item;
            do {
                item = next();
            } while (item.type() == Type.SPACE);
            return item;
        }

        Item peekNonSpace() {
            Item item = nextNonSpace();
            backup();
            return item;
        }

        // -------------------------------------------------------------- errors

        Failure errorf(String message) {
            int line = token[0] == null ? 1 : token[0].line();
            throw new Failure("template: " + parseName + ":" + line + ": " + message);
        }

        Item expect(Type expected, String context) {
            Item item = nextNonSpace();
            if (item.type() != expected) {
                unexpected(item, context);
            }
            return item;
        }

        Item expectOneOf(Type expected1, Type expected2, String context) {
            Item item = nextNonSpace();
            if (item.type() != expected1 && item.type() != expected2) {
                unexpected(item, context);
            }
            return item;
        }

        void unexpected(Item item, String context) {
            if (item.type() == Type.ERROR) {
                String extra = "";
                if (actionLine != 0 && actionLine != item.line()) {
                    extra = " in action started at " + parseName + ":" + actionLine;
                    if (item.val().endsWith(" action")) {
                        extra = extra.substring(" in action".length());
                    }
                }
                throw errorf(item + extra);
            }
            throw errorf("unexpected " + item + " in " + context);
        }

        // -------------------------------------------------------------- structure

        void add() {
            ListNode existing = treeSet.get(name);
            if (existing == null || isEmptyTree(existing)) {
                treeSet.put(name, root);
                return;
            }
            if (!isEmptyTree(root)) {
                throw errorf("template: multiple definition of template " + GoQuote.quote(name));
            }
        }

        void parse() {
            root = new ListNode(peek().pos(), new ArrayList<>());
            while (peek().type() != Type.EOF) {
                if (peek().type() == Type.LEFT_DELIM) {
                    Item delim = next();
                    if (nextNonSpace().type() == Type.DEFINE) {
                        Tree definition = new Tree("definition");
                        definition.parseDefinition();
                        continue;
                    }
                    backup2(delim);
                }
                Node n = textOrAction();
                if (n instanceof EndNode || n instanceof ElseNode) {
                    throw errorf("unexpected " + n);
                }
                root.nodes().add(n);
            }
        }

        void parseDefinition() {
            String context = "define clause";
            Item nameItem = expectOneOf(Type.STRING, Type.RAW_STRING, context);
            name = unquote(nameItem.val());
            expect(Type.RIGHT_DELIM, context);
            Node[] end = new Node[1];
            root = itemList(end);
            if (!(end[0] instanceof EndNode)) {
                throw errorf("unexpected " + end[0] + " in " + context);
            }
            add();
        }

        /** textOrAction* up to {{end}} or {{else}}, which is returned in {@code next[0]}. */
        ListNode itemList(Node[] next) {
            ListNode list = new ListNode(peekNonSpace().pos(), new ArrayList<>());
            while (peekNonSpace().type() != Type.EOF) {
                Node n = textOrAction();
                if (n instanceof EndNode || n instanceof ElseNode) {
                    next[0] = n;
                    return list;
                }
                list.nodes().add(n);
            }
            throw errorf("unexpected EOF");
        }

        Node textOrAction() {
            Item item = nextNonSpace();
            switch (item.type()) {
                case TEXT:
                    return new TextNode(item.pos(), item.val());
                case LEFT_DELIM:
                    actionLine = item.line();
                    try {
                        return action();
                    } finally {
                        actionLine = 0;
                    }
                default:
                    unexpected(item, "input");
                    return null;
            }
        }

        Node action() {
            Item item = nextNonSpace();
            switch (item.type()) {
                case BLOCK:
                    return blockControl();
                case BREAK:
                    return breakControl(item.pos(), item.line());
                case CONTINUE:
                    return continueControl(item.pos(), item.line());
                case ELSE:
                    return elseControl();
                case END:
                    return endControl();
                case IF:
                    return ifControl();
                case RANGE:
                    return rangeControl();
                case TEMPLATE:
                    return templateControl();
                case WITH:
                    return withControl();
                default:
                    break;
            }
            backup();
            Item start = peek();
            return new ActionNode(start.pos(), start.line(), pipeline("command", Type.RIGHT_DELIM));
        }

        Node breakControl(int pos, int line) {
            Item item = nextNonSpace();
            if (item.type() != Type.RIGHT_DELIM) {
                unexpected(item, "{{break}}");
            }
            if (rangeDepth == 0) {
                throw errorf("{{break}} outside {{range}}");
            }
            return new BreakNode(pos, line);
        }

        Node continueControl(int pos, int line) {
            Item item = nextNonSpace();
            if (item.type() != Type.RIGHT_DELIM) {
                unexpected(item, "{{continue}}");
            }
            if (rangeDepth == 0) {
                throw errorf("{{continue}} outside {{range}}");
            }
            return new ContinueNode(pos, line);
        }

        PipeNode pipeline(String context, Type end) {
            Item first = peekNonSpace();
            boolean isAssign = false;
            List<VariableNode> decl = new ArrayList<>();
            List<CommandNode> cmds = new ArrayList<>();
            boolean again = true;
            while (again) {
                again = false;
                Item v = peekNonSpace();
                if (v.type() != Type.VARIABLE) {
                    break;
                }
                next();
                Item tokenAfterVariable = peek();
                Item following = peekNonSpace();
                if (following.type() == Type.ASSIGN || following.type() == Type.DECLARE) {
                    isAssign = following.type() == Type.ASSIGN;
                    nextNonSpace();
                    decl.add(variable(v.pos(), v.val()));
                    vars.add(v.val());
                } else if (following.type() == Type.CHAR && following.val().equals(",")) {
                    nextNonSpace();
                    decl.add(variable(v.pos(), v.val()));
                    vars.add(v.val());
                    if (context.equals("range") && decl.size() < 2) {
                        Type t = peekNonSpace().type();
                        if (t == Type.VARIABLE || t == Type.RIGHT_DELIM || t == Type.RIGHT_PAREN) {
                            again = true;
                            continue;
                        }
                        throw errorf("range can only initialize variables");
                    }
                    throw errorf("too many declarations in " + context);
                } else if (tokenAfterVariable.type() == Type.SPACE) {
                    backup3(v, tokenAfterVariable);
                } else {
                    backup2(v);
                }
            }
            while (true) {
                Item item = nextNonSpace();
                if (item.type() == end) {
                    PipeNode pipe = new PipeNode(first.pos(), first.line(), isAssign, decl, cmds);
                    checkPipeline(pipe, context);
                    return pipe;
                }
                switch (item.type()) {
                    case BOOL, CHAR_CONSTANT, COMPLEX, DOT, FIELD, IDENTIFIER, NUMBER, NIL, RAW_STRING, STRING,
                         VARIABLE, LEFT_PAREN -> {
                        backup();
                        cmds.add(command());
                        if (cmds.size() > MAX_PIPELINE_CMDS) {
                            throw errorf("pipeline too long");
                        }
                    }
                    default -> unexpected(item, context);
                }
            }
        }

        void checkPipeline(PipeNode pipe, String context) {
            if (pipe.cmds().isEmpty()) {
                throw errorf("missing value for " + context);
            }
            for (int i = 1; i < pipe.cmds().size(); i++) {
                Node first = pipe.cmds().get(i).args().get(0);
                if (first instanceof BoolNode || first instanceof DotNode || first instanceof NilNode
                        || first instanceof NumberNode || first instanceof StringNode) {
                    throw errorf("non executable command in pipeline stage " + (i + 1));
                }
            }
        }

        /** {pipe, list, elseList} of if, range or with. */
        Object[] parseControl(String context) {
            int mark = vars.size();
            try {
                PipeNode pipe = pipeline(context, Type.RIGHT_DELIM);
                if (context.equals("range")) {
                    rangeDepth++;
                }
                Node[] next = new Node[1];
                ListNode list = itemList(next);
                if (context.equals("range")) {
                    rangeDepth--;
                }
                ListNode elseList = null;
                if (next[0] instanceof ElseNode) {
                    if (context.equals("if") && peek().type() == Type.IF) {
                        next();
                        elseList = new ListNode(next[0].pos(), new ArrayList<>());
                        elseList.nodes().add(ifControl());
                    } else if (context.equals("with") && peek().type() == Type.WITH) {
                        next();
                        elseList = new ListNode(next[0].pos(), new ArrayList<>());
                        elseList.nodes().add(withControl());
                    } else {
                        elseList = itemList(next);
                        if (!(next[0] instanceof EndNode)) {
                            throw errorf("expected end; found " + next[0]);
                        }
                    }
                }
                return new Object[]{pipe, list, elseList};
            } finally {
                vars.subList(mark, vars.size()).clear();
            }
        }

        Node ifControl() {
            Object[] c = parseControl("if");
            PipeNode pipe = (PipeNode) c[0];
            return new IfNode(pipe.pos(), pipe.line(), pipe, (ListNode) c[1], (ListNode) c[2]);
        }

        Node rangeControl() {
            Object[] c = parseControl("range");
            PipeNode pipe = (PipeNode) c[0];
            return new RangeNode(pipe.pos(), pipe.line(), pipe, (ListNode) c[1], (ListNode) c[2]);
        }

        Node withControl() {
            Object[] c = parseControl("with");
            PipeNode pipe = (PipeNode) c[0];
            return new WithNode(pipe.pos(), pipe.line(), pipe, (ListNode) c[1], (ListNode) c[2]);
        }

        Node endControl() {
            return new EndNode(expect(Type.RIGHT_DELIM, "end").pos());
        }

        Node elseControl() {
            Item peek = peekNonSpace();
            if (peek.type() == Type.IF || peek.type() == Type.WITH) {
                return new ElseNode(peek.pos(), peek.line());
            }
            Item item = expect(Type.RIGHT_DELIM, "else");
            return new ElseNode(item.pos(), item.line());
        }

        Node blockControl() {
            String context = "block clause";
            Item item = nextNonSpace();
            String blockName = parseTemplateName(item, context);
            PipeNode pipe = pipeline(context, Type.RIGHT_DELIM);
            Tree block = new Tree(blockName);
            Node[] end = new Node[1];
            block.root = block.itemList(end);
            if (!(end[0] instanceof EndNode)) {
                throw errorf("unexpected " + end[0] + " in " + context);
            }
            block.add();
            return new TemplateNode(item.pos(), item.line(), blockName, pipe);
        }

        Node templateControl() {
            String context = "template clause";
            Item item = nextNonSpace();
            String templateName = parseTemplateName(item, context);
            PipeNode pipe = null;
            if (nextNonSpace().type() != Type.RIGHT_DELIM) {
                backup();
                pipe = pipeline(context, Type.RIGHT_DELIM);
            }
            return new TemplateNode(item.pos(), item.line(), templateName, pipe);
        }

        String parseTemplateName(Item item, String context) {
            if (item.type() == Type.STRING || item.type() == Type.RAW_STRING) {
                return unquote(item.val());
            }
            unexpected(item, context);
            return null;
        }

        CommandNode command() {
            CommandNode cmd = new CommandNode(peekNonSpace().pos(), new ArrayList<>());
            while (true) {
                peekNonSpace();
                Node operand = operand();
                if (operand != null) {
                    cmd.args().add(operand);
                }
                Item item = next();
                if (item.type() == Type.SPACE) {
                    continue;
                }
                if (item.type() == Type.RIGHT_DELIM || item.type() == Type.RIGHT_PAREN) {
                    backup();
                } else if (item.type() != Type.PIPE) {
                    unexpected(item, "operand");
                }
                break;
            }
            if (cmd.args().isEmpty()) {
                throw errorf("empty command");
            }
            return cmd;
        }

        Node operand() {
            Node node = term();
            if (node == null) {
                return null;
            }
            if (peek().type() == Type.FIELD) {
                int chainPos = peek().pos();
                List<String> fields = new ArrayList<>();
                while (peek().type() == Type.FIELD) {
                    fields.add(next().val().substring(1));
                }
                ChainNode chain = new ChainNode(chainPos, node, fields);
                if (node instanceof FieldNode field) {
                    List<String> ident = new ArrayList<>(field.ident());
                    ident.addAll(fields);
                    node = new FieldNode(chainPos, ident);
                } else if (node instanceof VariableNode variable) {
                    List<String> ident = new ArrayList<>(variable.ident());
                    ident.addAll(fields);
                    node = new VariableNode(chainPos, ident);
                } else if (node instanceof BoolNode || node instanceof StringNode || node instanceof NumberNode
                        || node instanceof NilNode || node instanceof DotNode) {
                    throw errorf("unexpected . after term " + GoQuote.quote(node.toString()));
                } else {
                    node = chain;
                }
            }
            return node;
        }

        Node term() {
            Item item = nextNonSpace();
            switch (item.type()) {
                case IDENTIFIER:
                    if (!functions.contains(item.val())) {
                        throw errorf("function " + GoQuote.quote(item.val()) + " not defined");
                    }
                    return new IdentifierNode(item.pos(), item.val());
                case DOT:
                    return new DotNode(item.pos());
                case NIL:
                    return new NilNode(item.pos());
                case VARIABLE:
                    return useVar(item.pos(), item.val());
                case FIELD:
                    return new FieldNode(item.pos(), List.of(item.val().substring(1).split("\\.", -1)));
                case BOOL:
                    return new BoolNode(item.pos(), item.val().equals("true"));
                case CHAR_CONSTANT:
                case COMPLEX:
                case NUMBER:
                    return number(item);
                case LEFT_PAREN:
                    if (stackDepth >= MAX_STACK_DEPTH) {
                        throw errorf("max expression depth exceeded");
                    }
                    stackDepth++;
                    try {
                        return pipeline("parenthesized pipeline", Type.RIGHT_PAREN);
                    } finally {
                        stackDepth--;
                    }
                case STRING:
                case RAW_STRING:
                    return new StringNode(item.pos(), item.val(), unquote(item.val()));
                default:
                    backup();
                    return null;
            }
        }

        VariableNode variable(int pos, String text) {
            return new VariableNode(pos, Arrays.asList(text.split("\\.", -1)));
        }

        Node useVar(int pos, String text) {
            VariableNode v = variable(pos, text);
            if (vars.contains(v.ident().get(0))) {
                return v;
            }
            throw errorf("undefined variable " + GoQuote.quote(v.ident().get(0)));
        }

        String unquote(String quoted) {
            try {
                return GoQuote.unquote(quoted);
            } catch (GoAtoi.NumError e) {
                throw errorf(e.getMessage());
            }
        }

        NumberNode number(Item item) {
            try {
                return Numbers.parse(item.pos(), item.val(), item.type());
            } catch (GoAtoi.NumError e) {
                throw errorf(e.getMessage());
            }
        }
    }

    /** Go's IsEmptyTree: nothing but space and comments. */
    static boolean isEmptyTree(Node n) {
        if (n == null) {
            return true;
        }
        if (n instanceof ListNode list) {
            for (Node node : list.nodes()) {
                if (!isEmptyTree(node)) {
                    return false;
                }
            }
            return true;
        }
        if (n instanceof TextNode text) {
            return text.text().strip().isEmpty();
        }
        return n instanceof Node.CommentNode;
    }

    /** Go's newNumber: every reading of a number constant (int, uint, float, complex). */
    static final class Numbers {
        private Numbers() {
        }

        static NumberNode parse(int pos, String text, Type type) throws GoAtoi.NumError {
            if (type == Type.CHAR_CONSTANT) {
                int rune = GoQuote.unquoteChar(text);
                return new NumberNode(pos, text, true, true, true, false, rune, rune, rune, 0, 0);
            }
            if (type == Type.COMPLEX) {
                double[] c = parseComplex(text);
                return simplifyComplex(pos, text, c[0], c[1]);
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) == 'i') {
                try {
                    double f = GoAtof.parseFloat(text.substring(0, text.length() - 1));
                    return simplifyComplex(pos, text, 0, f);
                } catch (GoAtoi.NumError ignored) {
                    // not an imaginary number; the checks below report it
                }
            }
            boolean isUint = false;
            boolean isInt = false;
            boolean isFloat = false;
            long u = 0;
            long i = 0;
            double f = 0;
            try {
                u = GoAtoi.parseUint(text);
                isUint = true;
            } catch (GoAtoi.NumError ignored) {
                // not unsigned
            }
            try {
                i = GoAtoi.parseInt(text);
                isInt = true;
                if (i == 0) {
                    isUint = true; // in case of -0
                    u = 0;
                }
            } catch (GoAtoi.NumError ignored) {
                // not signed
            }
            if (isInt) {
                isFloat = true;
                f = i;
            } else if (isUint) {
                isFloat = true;
                f = unsignedToDouble(u);
            } else {
                try {
                    f = GoAtof.parseFloat(text);
                    if (!text.matches(".*[.eEpP].*")) {
                        throw new GoAtoi.NumError("integer overflow: " + GoQuote.quote(text));
                    }
                    isFloat = true;
                    if (f == Math.rint(f) && Math.abs(f) < 9.223372036854775807E18) {
                        isInt = true;
                        i = (long) f;
                    }
                    if (f == Math.rint(f) && f >= 0 && f < 1.8446744073709552E19) {
                        isUint = true;
                        u = new BigDecimal(f).toBigInteger().longValue();
                    }
                } catch (GoAtoi.NumError e) {
                    if (e.getMessage().startsWith("integer overflow")) {
                        throw e;
                    }
                }
            }
            if (!isInt && !isUint && !isFloat) {
                throw new GoAtoi.NumError("illegal number syntax: " + GoQuote.quote(text));
            }
            return new NumberNode(pos, text, isInt, isUint, isFloat, false, i, u, f, 0, 0);
        }

        private static double unsignedToDouble(long u) {
            return u >= 0 ? (double) u : (double) (u >>> 1) * 2.0 + (u & 1);
        }

        private static NumberNode simplifyComplex(int pos, String text, double re, double im) {
            boolean isFloat = im == 0;
            boolean isInt = false;
            boolean isUint = false;
            long i = 0;
            long u = 0;
            if (isFloat) {
                isInt = re == Math.rint(re) && Math.abs(re) < 9.223372036854775807E18;
                if (isInt) {
                    i = (long) re;
                }
                isUint = re == Math.rint(re) && re >= 0 && re < 9.223372036854775807E18;
                if (isUint) {
                    u = (long) re;
                }
            }
            return new NumberNode(pos, text, isInt, isUint, isFloat, true, i, u, isFloat ? re : 0, re, im);
        }

        /** "1+2i", "-1.5e3-2i": the real and imaginary parts. */
        private static double[] parseComplex(String text) throws GoAtoi.NumError {
            for (int k = text.length() - 2; k > 0; k--) {
                char c = text.charAt(k);
                char before = text.charAt(k - 1);
                if ((c == '+' || c == '-') && before != 'e' && before != 'E' && before != 'p' && before != 'P') {
                    double re = GoAtof.parseFloat(text.substring(0, k));
                    double im = GoAtof.parseFloat(text.substring(k, text.length() - 1));
                    return new double[]{re, im};
                }
            }
            throw new GoAtoi.NumError("illegal number syntax: " + GoQuote.quote(text));
        }
    }
}
