package io.github.dockerlessons.render.template;

import io.github.dockerlessons.golang.GoQuote;
import io.github.dockerlessons.render.template.Node.ActionNode;
import io.github.dockerlessons.render.template.Node.BoolNode;
import io.github.dockerlessons.render.template.Node.BranchNode;
import io.github.dockerlessons.render.template.Node.BreakNode;
import io.github.dockerlessons.render.template.Node.ChainNode;
import io.github.dockerlessons.render.template.Node.CommandNode;
import io.github.dockerlessons.render.template.Node.CommentNode;
import io.github.dockerlessons.render.template.Node.ContinueNode;
import io.github.dockerlessons.render.template.Node.DotNode;
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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Go's text/template executor (exec.go): walks a tree with a dot and variables, evaluates pipelines,
 * fields, methods and functions with Go's argument rules, and words every failure as Go does:
 * {@code template: :1:2: executing "" at <.Foo>: can't evaluate field Foo in type ...}.
 */
final class Executor {
    /** Go stops runaway {{template}} recursion at this depth; this executor stops earlier, with Go's words. */
    private static final int MAX_EXEC_DEPTH = 100000;
    private static final int SAFE_EXEC_DEPTH = 1000;
    /** Marks "no final value" in a pipeline (Go's missingVal). */
    private static final Object MISSING = new Object();

    /** An execution error, already worded. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    private static final class Break extends RuntimeException {
        Break() {
            super(null, null, false, false);
        }
    }

    private static final class Continue extends RuntimeException {
        Continue() {
            super(null, null, false, false);
        }
    }

    private static final Break BREAK = new Break();
    private static final Continue CONTINUE = new Continue();

    private record Variable(String name, Object value) {
    }

    private final String text;
    private final String parseName;
    private final Map<String, ListNode> templates;
    private final Map<String, GoFunction> functions;
    private final GoTemplate.MissingKey missingKey;
    private final StringBuilder out;
    /** The data the template runs over ($): a struct in docker's typed pass. */
    private Object data;
    private String name;
    private Node node;
    private List<Variable> vars = new ArrayList<>();
    private int depth;

    Executor(String text, String parseName, Map<String, ListNode> templates, Map<String, GoFunction> functions,
             GoTemplate.MissingKey missingKey, StringBuilder out) {
        this.text = text;
        this.parseName = parseName;
        this.templates = templates;
        this.functions = functions;
        this.missingKey = missingKey;
        this.out = out;
    }

    /** Runs the template {@code templateName} with {@code data} as dot and $, writing to the output. */
    void execute(String templateName, Object data) {
        name = templateName;
        this.data = data;
        vars.add(new Variable("$", data));
        ListNode root = templates.get(templateName);
        if (root == null) {
            throw errorf(GoQuote.quote(templateName) + " is an incomplete or empty template");
        }
        walk(data, root);
    }

    // ------------------------------------------------------------------ errors

    private Failure errorf(String message) {
        if (node == null) {
            return new Failure("template: " + name + ": " + message);
        }
        return new Failure("template: " + location(node) + ": executing " + GoQuote.quote(name) + " at <" + node
                + ">: " + message);
    }

    /** Go's ErrorContext location: name:line:column, the column counted in bytes from the line's start. */
    private String location(Node n) {
        int pos = Math.min(n.pos(), text.length());
        String before = text.substring(0, pos);
        int newline = before.lastIndexOf('\n');
        int column = (newline < 0 ? before : before.substring(newline + 1)).getBytes(StandardCharsets.UTF_8).length;
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        return parseName + ":" + line + ":" + column;
    }

    // ------------------------------------------------------------------ variables

    private int mark() {
        return vars.size();
    }

    private void pop(int mark) {
        vars.subList(mark, vars.size()).clear();
    }

    private void setVar(String variable, Object value) {
        for (int i = vars.size() - 1; i >= 0; i--) {
            if (vars.get(i).name().equals(variable)) {
                vars.set(i, new Variable(variable, value));
                return;
            }
        }
        throw errorf("undefined variable: " + variable);
    }

    private void setTopVar(int n, Object value) {
        int i = vars.size() - n;
        vars.set(i, new Variable(vars.get(i).name(), value));
    }

    private Object varValue(String variable) {
        for (int i = vars.size() - 1; i >= 0; i--) {
            if (vars.get(i).name().equals(variable)) {
                return vars.get(i).value();
            }
        }
        throw errorf("undefined variable: " + variable);
    }

    // ------------------------------------------------------------------ walking

    private void walk(Object dot, Node n) {
        node = n;
        if (n instanceof ActionNode action) {
            Object value = evalPipeline(dot, action.pipe());
            if (action.pipe().decl().isEmpty()) {
                node = n;
                out.append(GoFormat.print(printable(value)));
            }
        } else if (n instanceof BreakNode) {
            throw BREAK;
        } else if (n instanceof ContinueNode) {
            throw CONTINUE;
        } else if (n instanceof IfNode || n instanceof WithNode) {
            walkIfOrWith((BranchNode) n, dot);
        } else if (n instanceof ListNode list) {
            for (Node child : list.nodes()) {
                walk(dot, child);
            }
        } else if (n instanceof RangeNode range) {
            walkRange(dot, range);
        } else if (n instanceof TemplateNode template) {
            walkTemplate(dot, template);
        } else if (n instanceof TextNode textNode) {
            out.append(textNode.text());
        } else if (!(n instanceof CommentNode)) {
            throw errorf("unknown node: " + n);
        }
    }

    /**
     * What printValue hands to fmt: a pointer to a struct prints as the struct; this executor knows
     * an object only by its methods, so its struct prints with no fields.
     */
    private static Object printable(Object value) {
        if (value instanceof TemplateObject object && object.string() == null) {
            return new GoStruct(GoType.struct(object.type().name().replaceFirst("^\\*", "")), List.of());
        }
        return value;
    }

    private void walkIfOrWith(BranchNode branch, Object dot) {
        int mark = mark();
        try {
            Object value = evalPipeline(dot, branch.pipe());
            if (GoValues.truth(value)) {
                walk(branch instanceof WithNode ? value : dot, branch.list());
            } else if (branch.elseList() != null) {
                walk(dot, branch.elseList());
            }
        } finally {
            pop(mark);
        }
    }

    private void walkRange(Object dot, RangeNode r) {
        node = r;
        int outer = mark();
        try {
            Object value = evalPipeline(dot, r.pipe());
            if (value instanceof GoSlice slice) {
                if (slice.size() > 0) {
                    for (int i = 0; i < slice.size(); i++) {
                        if (!oneIteration(r, (long) i, slice.get(i))) {
                            break;
                        }
                    }
                    return;
                }
            } else if (value instanceof GoMap map) {
                if (map.size() > 0) {
                    for (String key : map.sortedKeys()) {
                        if (!oneIteration(r, key, map.get(key))) {
                            break;
                        }
                    }
                    return;
                }
            } else if (value instanceof Long || value instanceof GoValues.Int) {
                if (r.pipe().decl().size() > 1) {
                    throw errorf("can't use " + GoFormat.print(value) + " to iterate over more than one variable");
                }
                long n = value instanceof Long l ? l : ((GoValues.Int) value).value();
                if (n > 0) {
                    for (long i = 0; i < n; i++) {
                        Object element = value instanceof Long ? (Object) i
                                : new GoValues.Int(((GoValues.Int) value).type(), i);
                        if (!oneIteration(r, null, element)) {
                            break;
                        }
                    }
                    return;
                }
            } else if (value != null) {
                throw errorf("range can't iterate over " + GoFormat.print(printable(value)));
            }
            if (r.elseList() != null) {
                walk(dot, r.elseList());
            }
        } finally {
            pop(outer);
        }
    }

    /** One pass of a range body; false after {{break}}. */
    private boolean oneIteration(RangeNode r, Object index, Object element) {
        List<VariableNode> decl = r.pipe().decl();
        if (!decl.isEmpty()) {
            if (r.pipe().isAssign()) {
                setVar(decl.get(0).ident().get(0), decl.size() > 1 ? index : element);
            } else {
                setTopVar(1, element);
            }
        }
        if (decl.size() > 1) {
            if (r.pipe().isAssign()) {
                setVar(decl.get(1).ident().get(0), element);
            } else {
                setTopVar(2, index);
            }
        }
        int mark = mark();
        try {
            walk(element, r.list());
        } catch (Continue ignored) {
            // next element
        } catch (Break b) {
            return false;
        } finally {
            pop(mark);
        }
        return true;
    }

    private void walkTemplate(Object dot, TemplateNode t) {
        node = t;
        ListNode root = templates.get(t.name());
        if (root == null) {
            throw errorf("template " + GoQuote.quote(t.name()) + " not defined");
        }
        if (depth >= SAFE_EXEC_DEPTH) {
            throw errorf("exceeded maximum template depth (" + MAX_EXEC_DEPTH + ")");
        }
        Object newDot = evalPipeline(dot, t.pipe());
        String savedName = name;
        List<Variable> savedVars = vars;
        name = t.name();
        vars = new ArrayList<>();
        vars.add(new Variable("$", newDot));
        depth++;
        try {
            walk(newDot, root);
        } finally {
            depth--;
            name = savedName;
            vars = savedVars;
        }
    }

    // ------------------------------------------------------------------ pipelines and commands

    private Object evalPipeline(Object dot, PipeNode pipe) {
        if (pipe == null) {
            return null;
        }
        node = pipe;
        Object value = MISSING;
        for (CommandNode cmd : pipe.cmds()) {
            value = evalCommand(dot, cmd, value);
        }
        for (VariableNode variable : pipe.decl()) {
            if (pipe.isAssign()) {
                setVar(variable.ident().get(0), value);
            } else {
                vars.add(new Variable(variable.ident().get(0), value));
            }
        }
        return value;
    }

    private void notAFunction(List<Node> args, Object fin) {
        if (args.size() > 1 || fin != MISSING) {
            throw errorf("can't give argument to non-function " + args.get(0));
        }
    }

    private Object evalCommand(Object dot, CommandNode cmd, Object fin) {
        Node first = cmd.args().get(0);
        if (first instanceof FieldNode field) {
            return evalFieldNode(dot, field, cmd.args(), fin);
        }
        if (first instanceof ChainNode chain) {
            return evalChainNode(dot, chain, cmd.args(), fin);
        }
        if (first instanceof IdentifierNode identifier) {
            return evalFunction(dot, identifier, cmd, cmd.args(), fin);
        }
        if (first instanceof PipeNode pipe) {
            notAFunction(cmd.args(), fin);
            return evalPipeline(dot, pipe);
        }
        if (first instanceof VariableNode variable) {
            return evalVariableNode(dot, variable, cmd.args(), fin);
        }
        node = first;
        notAFunction(cmd.args(), fin);
        if (first instanceof BoolNode b) {
            return b.value();
        }
        if (first instanceof DotNode) {
            return dot;
        }
        if (first instanceof NilNode) {
            throw errorf("nil is not a command");
        }
        if (first instanceof NumberNode number) {
            return idealConstant(number);
        }
        if (first instanceof StringNode string) {
            return string.text();
        }
        throw errorf("can't evaluate command " + GoQuote.quote(first.toString()));
    }

    private Object idealConstant(NumberNode constant) {
        node = constant;
        String t = constant.text();
        boolean hexInt = t.length() > 2 && t.charAt(0) == '0' && (t.charAt(1) == 'x' || t.charAt(1) == 'X')
                && !t.contains("p") && !t.contains("P");
        boolean runeInt = t.startsWith("'");
        if (constant.isComplex()) {
            return new GoValues.Complex(constant.real(), constant.imag());
        }
        if (constant.isFloat() && !hexInt && !runeInt && t.matches(".*[.eEpP].*")) {
            return constant.float64();
        }
        if (constant.isInt()) {
            return constant.int64();
        }
        if (constant.isUint()) {
            throw errorf(t + " overflows int");
        }
        return null;
    }

    private Object evalFieldNode(Object dot, FieldNode field, List<Node> args, Object fin) {
        node = field;
        return evalFieldChain(dot, dot, field, field.ident(), args, fin);
    }

    private Object evalChainNode(Object dot, ChainNode chain, List<Node> args, Object fin) {
        node = chain;
        if (chain.node() instanceof NilNode) {
            throw errorf("indirection through explicit nil in " + chain);
        }
        Object pipe = evalArg(dot, null, chain.node());
        return evalFieldChain(dot, pipe, chain, chain.field(), args, fin);
    }

    private Object evalVariableNode(Object dot, VariableNode variable, List<Node> args, Object fin) {
        node = variable;
        Object value = varValue(variable.ident().get(0));
        if (variable.ident().size() == 1) {
            notAFunction(args == null ? List.of(variable) : args, fin);
            return value;
        }
        return evalFieldChain(dot, value, variable, variable.ident().subList(1, variable.ident().size()), args, fin);
    }

    private Object evalFieldChain(Object dot, Object receiver, Node n, List<String> ident, List<Node> args,
                                  Object fin) {
        int last = ident.size() - 1;
        for (int i = 0; i < last; i++) {
            receiver = evalField(dot, ident.get(i), n, null, MISSING, receiver);
        }
        return evalField(dot, ident.get(last), n, args, fin, receiver);
    }

    private Object evalFunction(Object dot, IdentifierNode identifier, Node cmd, List<Node> args, Object fin) {
        node = identifier;
        GoFunction function = functions.get(identifier.ident());
        if (function == null) {
            throw errorf(GoQuote.quote(identifier.ident()) + " is not a defined function");
        }
        boolean builtin = Builtins.all().get(identifier.ident()) == function;
        return evalCall(dot, function, builtin, cmd, identifier.ident(), args, fin);
    }

    private Object evalField(Object dot, String fieldName, Node n, List<Node> args, Object fin, Object receiver) {
        if (receiver == null) {
            if (missingKey == GoTemplate.MissingKey.ERROR) {
                throw errorf("nil data; no entry for key " + GoQuote.quote(fieldName));
            }
            return null;
        }
        GoType type = GoValues.typeOf(receiver);
        GoFunction method = null;
        if (receiver instanceof TemplateObject object) {
            method = object.method(fieldName);
        } else if (receiver instanceof GoMap map) {
            method = map.methods().get(fieldName);
        }
        if (method != null) {
            return evalCall(dot, method, false, n, fieldName, args, fin);
        }
        boolean hasArgs = args != null && args.size() > 1 || fin != MISSING;
        if (receiver instanceof GoStruct struct) {
            GoStruct.Field field = struct.field(fieldName);
            if (field != null) {
                if (hasArgs) {
                    throw errorf(fieldName + " has arguments but cannot be invoked as function");
                }
                return field.value();
            }
        } else if (receiver instanceof GoMap map) {
            if (hasArgs) {
                throw errorf(fieldName + " is not a method but has arguments");
            }
            if (map.containsKey(fieldName)) {
                return map.get(fieldName);
            }
            boolean struct = map.printsAsStruct() || map == data;
            if (missingKey == GoTemplate.MissingKey.ERROR
                    || missingKey == GoTemplate.MissingKey.ERROR_IN_STRUCTS && struct) {
                throw errorf("map has no entry for key " + GoQuote.quote(fieldName));
            }
            return null;
        } else if (receiver instanceof GoValues.Nil) {
            throw errorf("nil pointer evaluating " + type + "." + fieldName);
        }
        throw errorf("can't evaluate field " + fieldName + " in type " + type);
    }

    private Object evalCall(Object dot, GoFunction fun, boolean builtin, Node callNode, String fnName,
                            List<Node> args, Object fin) {
        List<Node> argNodes = args == null ? List.of() : args.subList(1, args.size());
        int numIn = argNodes.size() + (fin != MISSING ? 1 : 0);
        int numFixed = argNodes.size();
        List<GoType> params = fun.params();
        if (fun.variadic()) {
            numFixed = params.size() - 1;
            if (numIn < numFixed) {
                throw errorf("wrong number of args for " + fnName + ": want at least " + (params.size() - 1) + " got "
                        + argNodes.size());
            }
        } else if (numIn != params.size()) {
            throw errorf("wrong number of args for " + fnName + ": want " + params.size() + " got " + numIn);
        }
        if (builtin && (fnName.equals("and") || fnName.equals("or"))) {
            Object v = null;
            for (Node arg : argNodes) {
                v = evalArg(dot, params.get(0), arg);
                if (GoValues.truth(v) == fnName.equals("or")) {
                    return v;
                }
            }
            if (fin != MISSING) {
                v = validateType(fin, params.get(0));
            }
            return v;
        }
        List<Object> argv = new ArrayList<>(numIn);
        int i = 0;
        for (; i < numFixed && i < argNodes.size(); i++) {
            argv.add(evalArg(dot, params.get(i), argNodes.get(i)));
        }
        if (fun.variadic()) {
            GoType argType = params.get(params.size() - 1);
            for (; i < argNodes.size(); i++) {
                argv.add(evalArg(dot, argType, argNodes.get(i)));
            }
        }
        if (fin != MISSING) {
            GoType t = params.get(params.size() - 1);
            if (fun.variadic() && numIn - 1 < numFixed) {
                t = params.get(numIn - 1);
            }
            argv.add(validateType(fin, t));
        }
        if (builtin && fnName.equals("call")) {
            return call(argNodes.isEmpty() ? "" : argNodes.get(0).toString(), argv, callNode);
        }
        try {
            return fun.body().call(argv);
        } catch (GoFunction.Failure e) {
            node = callNode;
            throw errorf("error calling " + fnName + ": " + e.getMessage());
        }
    }

    /** Go's call builtin: templates here have no function values, so it can only fail, as Go does. */
    private Object call(String calleeName, List<Object> argv, Node callNode) {
        node = callNode;
        Object fn = argv.isEmpty() ? null : argv.get(0);
        if (fn == null) {
            throw errorf("error calling call: call of nil");
        }
        throw errorf("error calling call: non-function " + calleeName + " of type " + GoValues.typeOf(fn));
    }

    // ------------------------------------------------------------------ arguments

    private Object validateType(Object value, GoType type) {
        if (value == null) {
            if (type == null) {
                return null;
            }
            if (type.canBeNil()) {
                return Builtins.zero(type);
            }
            throw errorf("invalid value; expected " + type);
        }
        if (type == null || type.equals(GoType.REFLECT_VALUE) || type.kind() == GoType.Kind.INTERFACE) {
            return value;
        }
        GoType actual = GoValues.typeOf(value);
        if (!actual.name().equals(type.name())) {
            throw errorf("wrong type for value; expected " + type + "; got " + actual);
        }
        return value;
    }

    private Object evalArg(Object dot, GoType type, Node n) {
        node = n;
        if (n instanceof DotNode) {
            return validateType(dot, type);
        }
        if (n instanceof NilNode) {
            if (type == null || type.canBeNil()) {
                return type == null ? null : Builtins.zero(type);
            }
            throw errorf("cannot assign nil to " + type);
        }
        if (n instanceof FieldNode field) {
            return validateType(evalFieldNode(dot, field, List.of(n), MISSING), type);
        }
        if (n instanceof VariableNode variable) {
            return validateType(evalVariableNode(dot, variable, null, MISSING), type);
        }
        if (n instanceof PipeNode pipe) {
            return validateType(evalPipeline(dot, pipe), type);
        }
        if (n instanceof IdentifierNode identifier) {
            return validateType(evalFunction(dot, identifier, identifier, null, MISSING), type);
        }
        if (n instanceof ChainNode chain) {
            return validateType(evalChainNode(dot, chain, null, MISSING), type);
        }
        if (type == null || type.kind() == GoType.Kind.INTERFACE || type.equals(GoType.REFLECT_VALUE)) {
            return evalEmptyInterface(dot, n);
        }
        switch (type.kind()) {
            case BOOL:
                if (n instanceof BoolNode b) {
                    return b.value();
                }
                throw errorf("expected bool; found " + n);
            case COMPLEX:
                if (n instanceof NumberNode number && number.isComplex()) {
                    return new GoValues.Complex(number.real(), number.imag());
                }
                throw errorf("expected complex; found " + n);
            case FLOAT:
                if (n instanceof NumberNode number && number.isFloat()) {
                    return number.float64();
                }
                throw errorf("expected float; found " + n);
            case INT:
                if (n instanceof NumberNode number && number.isInt()) {
                    return type.equals(GoType.INT) ? (Object) number.int64() : new GoValues.Int(type, number.int64());
                }
                throw errorf("expected integer; found " + n);
            case STRING:
                if (n instanceof StringNode string) {
                    return string.text();
                }
                throw errorf("expected string; found " + n);
            case UINT:
                if (n instanceof NumberNode number && number.isUint()) {
                    return new GoValues.Int(type, number.uint64());
                }
                throw errorf("expected unsigned integer; found " + n);
            default:
                throw errorf("can't handle " + n + " for arg of type " + type);
        }
    }

    private Object evalEmptyInterface(Object dot, Node n) {
        node = n;
        if (n instanceof BoolNode b) {
            return b.value();
        }
        if (n instanceof DotNode) {
            return dot;
        }
        if (n instanceof FieldNode field) {
            return evalFieldNode(dot, field, null, MISSING);
        }
        if (n instanceof IdentifierNode identifier) {
            return evalFunction(dot, identifier, identifier, null, MISSING);
        }
        if (n instanceof NilNode) {
            throw errorf("evalEmptyInterface: nil (can't happen)");
        }
        if (n instanceof NumberNode number) {
            return idealConstant(number);
        }
        if (n instanceof StringNode string) {
            return string.text();
        }
        if (n instanceof VariableNode variable) {
            return evalVariableNode(dot, variable, null, MISSING);
        }
        if (n instanceof PipeNode pipe) {
            return evalPipeline(dot, pipe);
        }
        throw errorf("can't handle assignment of " + n + " to empty interface argument");
    }
}
