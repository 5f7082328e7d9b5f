package io.github.dockerlessons.render.template;

import io.github.dockerlessons.golang.GoQuote;

import java.util.List;

/**
 * The parse tree of Go's text/template (parse/node.go). Each node knows where it starts (a char
 * index into the template) for error locations, and prints itself as Go's String() does, which
 * execution errors quote: {@code executing "" at <.Foo>}.
 */
public sealed interface Node {
    int pos();

    /** A sequence of nodes: a template's body, a branch. */
    record ListNode(int pos, List<Node> nodes) implements Node {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            nodes.forEach(sb::append);
            return sb.toString();
        }
    }

    record TextNode(int pos, String text) implements Node {
        @Override
        public String toString() {
            return text;
        }
    }

    record CommentNode(int pos, String text) implements Node {
        @Override
        public String toString() {
            return "{{" + text + "}}";
        }
    }

    /** {@code {{pipeline}}}: a value to print, or declarations. */
    record ActionNode(int pos, int line, PipeNode pipe) implements Node {
        @Override
        public String toString() {
            return "{{" + pipe + "}}";
        }
    }

    /** {@code $x := a | b c}: declared (or assigned) variables and the commands. */
    record PipeNode(int pos, int line, boolean isAssign, List<VariableNode> decl, List<CommandNode> cmds)
            implements Node {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            if (!decl.isEmpty()) {
                for (int i = 0; i < decl.size(); i++) {
                    sb.append(i > 0 ? ", " : "").append(decl.get(i));
                }
                sb.append(" := ");
            }
            for (int i = 0; i < cmds.size(); i++) {
                sb.append(i > 0 ? " | " : "").append(cmds.get(i));
            }
            return sb.toString();
        }
    }

    /** One stage of a pipeline: a function, field or value and its arguments. */
    record CommandNode(int pos, List<Node> args) implements Node {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < args.size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                Node arg = args.get(i);
                if (arg instanceof PipeNode) {
                    sb.append('(').append(arg).append(')');
                } else {
                    sb.append(arg);
                }
            }
            return sb.toString();
        }
    }

    /** A function name. */
    record IdentifierNode(int pos, String ident) implements Node {
        @Override
        public String toString() {
            return ident;
        }
    }

    /** {@code $x} or {@code $x.Field.Field}: the name first, then the fields. */
    record VariableNode(int pos, List<String> ident) implements Node {
        @Override
        public String toString() {
            return String.join(".", ident);
        }
    }

    record DotNode(int pos) implements Node {
        @Override
        public String toString() {
            return ".";
        }
    }

    record NilNode(int pos) implements Node {
        @Override
        public String toString() {
            return "nil";
        }
    }

    /** {@code .A.B}: the field names without dots. */
    record FieldNode(int pos, List<String> ident) implements Node {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            ident.forEach(id -> sb.append('.').append(id));
            return sb.toString();
        }
    }

    /** {@code (pipeline).A.B}: fields of something other than dot or a variable. */
    record ChainNode(int pos, Node node, List<String> field) implements Node {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            if (node instanceof PipeNode) {
                sb.append('(').append(node).append(')');
            } else {
                sb.append(node);
            }
            field.forEach(f -> sb.append('.').append(f));
            return sb.toString();
        }
    }

    record BoolNode(int pos, boolean value) implements Node {
        @Override
        public String toString() {
            return value ? "true" : "false";
        }
    }

    /**
     * A number constant with every reading Go's parser allows: integer, unsigned, float, complex
     * (a constant such as {@code 2.0} is all of int, uint and float).
     */
    record NumberNode(int pos, String text, boolean isInt, boolean isUint, boolean isFloat, boolean isComplex,
                      long int64, long uint64, double float64, double real, double imag) implements Node {
        @Override
        public String toString() {
            return text;
        }
    }

    record StringNode(int pos, String quoted, String text) implements Node {
        @Override
        public String toString() {
            return quoted;
        }
    }

    /** {@code {{end}}}: ends a list while parsing; never in a finished tree. */
    record EndNode(int pos) implements Node {
        @Override
        public String toString() {
            return "{{end}}";
        }
    }

    /** {@code {{else}}}: ends a list while parsing; never in a finished tree. */
    record ElseNode(int pos, int line) implements Node {
        @Override
        public String toString() {
            return "{{else}}";
        }
    }

    /** What if, range and with share: a pipeline, a body and an optional else body (null if none). */
    sealed interface BranchNode extends Node permits IfNode, RangeNode, WithNode {
        PipeNode pipe();

        ListNode list();

        ListNode elseList();

        static String describe(String keyword, BranchNode b) {
            return "{{" + keyword + " " + b.pipe() + "}}" + b.list()
                    + (b.elseList() != null ? "{{else}}" + b.elseList() : "") + "{{end}}";
        }
    }

    record IfNode(int pos, int line, PipeNode pipe, ListNode list, ListNode elseList) implements BranchNode {
        @Override
        public String toString() {
            return BranchNode.describe("if", this);
        }
    }

    record RangeNode(int pos, int line, PipeNode pipe, ListNode list, ListNode elseList) implements BranchNode {
        @Override
        public String toString() {
            return BranchNode.describe("range", this);
        }
    }

    record WithNode(int pos, int line, PipeNode pipe, ListNode list, ListNode elseList) implements BranchNode {
        @Override
        public String toString() {
            return BranchNode.describe("with", this);
        }
    }

    /** {@code {{template "name" pipeline}}} (also what a block leaves in place); pipe may be null. */
    record TemplateNode(int pos, int line, String name, PipeNode pipe) implements Node {
        @Override
        public String toString() {
            return "{{template " + GoQuote.quote(name) + (pipe != null ? " " + pipe : "") + "}}";
        }
    }

    record BreakNode(int pos, int line) implements Node {
        @Override
        public String toString() {
            return "{{break}}";
        }
    }

    record ContinueNode(int pos, int line) implements Node {
        @Override
        public String toString() {
            return "{{continue}}";
        }
    }
}
