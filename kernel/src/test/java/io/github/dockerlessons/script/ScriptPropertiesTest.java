package io.github.dockerlessons.script;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

import java.util.List;
import java.util.Map;

/**
 * Generated cells through the parser and the expander (issue 9): whatever a person types, the only
 * thing that may come out besides a result is a {@link ScriptException}, which the session turns
 * into the reader's words. A RuntimeException or an Error (StackOverflowError from deep nesting)
 * escaping here is what went silent in the kernel. Substitutions are answered with generated text
 * and their inner commands are expanded too, as the session does.
 */
class ScriptPropertiesTest {
    private static final List<String> FRAGMENTS = List.of(
            "docker", " ps", " run", " -q", " --format", " '{{.Names}}'", " ", "  ", "\t", "\n", "\r\n", "'", "\"",
            "\\", "\\\n", "$", "$(", ")", "$((", "`", "\\`", "${", "}", "${X}", "$X", "$?", "$1", "$$", "X=", "Y=a",
            "=", "<<", "<<-", "<<EOF\n", "<<'EOF'\n", "<<\"E\"\n", "EOF", "\nEOF\n", "\tEOF\n", "#", " # c", ";",
            ";;", "&&", "||", "|", "&", ">", "<", "(", ")", "{", "%", "%%writefile", "안녕", "😀", "\u0000",
            "\u0007", "\u001b[0m", "\u200b", "\ud83d", "\ude00", "e\u0301", "99999999999999999999", "-", "--");

    @Provide
    Arbitrary<String> cells() {
        Arbitrary<String> fragment = Arbitraries.oneOf(
                Arbitraries.of(FRAGMENTS),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(4),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(8));
        return fragment.list().ofMaxSize(24).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> outputs() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars(" \t\nab$'\"`\\(){}안😀").ofMaxLength(30),
                Arbitraries.strings().ofMaxLength(20),
                Arbitraries.just(""));
    }

    @Property(tries = 100_000, seed = "20240909", shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.FIRST)
    void onlyScriptExceptionEscapesParseAndExpand(@ForAll("cells") String cell, @ForAll("outputs") String output)
            throws Exception {
        parseAndExpand(cell, output);
    }

    @Example
    void deepNestingIsAnErrorNotAStackOverflow() throws Exception {
        for (int depth : new int[]{100, 350, 600, 3_000, 20_000}) {
            parseAndExpand("docker ps " + "$(".repeat(depth), "x");
            parseAndExpand("docker ps " + "$(docker ps ".repeat(depth) + ")".repeat(depth), "x");
            parseAndExpand("docker ps \"" + "$(echo \"".repeat(depth) + "\")".repeat(depth), "x");
            parseAndExpand("docker ps " + "${".repeat(depth), "x");
            parseAndExpand("X=" + "$(".repeat(depth) + ")".repeat(depth), "x");
        }
    }

    @Example
    void veryLongInputsAreParsed() throws Exception {
        parseAndExpand("docker ps " + "a".repeat(4_000_000), "x");
        parseAndExpand("docker ps " + "a ".repeat(500_000), "x");
        parseAndExpand("docker ps\n".repeat(100_000), "x");
        parseAndExpand("docker run -i busybox cat <<EOF\n" + "line\n".repeat(200_000) + "EOF", "x");
        parseAndExpand("docker ps '" + "x".repeat(2_000_000), "x");
        parseAndExpand("docker ps " + "$(docker ps)".repeat(20_000), "y\n".repeat(50));
        parseAndExpand("docker ps " + "\\\n".repeat(100_000), "x");
    }

    /** Parses and expands every word, assignment and heredoc; only ScriptException may come out. */
    private static void parseAndExpand(String cell, String output) throws Exception {
        Script script;
        try {
            script = ScriptParser.parse(cell);
        } catch (ScriptException e) {
            return;
        }
        Variables variables = new Variables(Map.of("HOME", "/root", "X", "x y"));
        Expander[] expander = new Expander[1];
        expander[0] = new Expander(variables, inner -> {
            expandAll(inner, expander[0]);
            return output;
        }, 16L << 20);
        try {
            expandAll(script, expander[0]);
        } catch (ScriptException e) {
            // the reader's error: allowed
        }
    }

    private static void expandAll(Script script, Expander expander) throws Exception {
        for (SimpleCommand command : script.commands()) {
            for (SimpleCommand.Assignment assignment : command.assignments()) {
                expander.expandWhole(assignment.value());
            }
            expander.expandWords(command.words());
            if (command.heredoc() != null) {
                expander.expandWhole(command.heredoc().body());
            }
        }
    }
}
