package io.github.dockerlessons.script;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Magics as part of the grammar, and the limits that keep a cell from exhausting the kernel. */
class ScriptGrammarLimitsTest {
    @Test
    void aMagicLineIsAStepInItsPlace() throws Exception {
        Script script = ScriptParser.parse("docker ps\n  %lang en\ndocker images");
        assertEquals(3, script.steps().size());
        MagicLine magic = assertInstanceOf(MagicLine.class, script.steps().get(1));
        assertEquals("%lang", magic.name());
        assertEquals(List.of("en"), magic.args());
        assertEquals(2, magic.line());
    }

    @Test
    void aPercentInsideAHeredocOrQuotesIsData() throws Exception {
        Script heredoc = ScriptParser.parse("docker exec -i x sh <<EOF\n%d percent\n%lang en\nEOF");
        assertEquals(1, heredoc.steps().size());
        assertEquals("%d percent\n%lang en\n",
                ((WordPart.Literal) heredoc.commands().get(0).heredoc().body().parts().get(0)).text());
        Script quoted = ScriptParser.parse("docker run busybox echo \"a\n%lang en\"");
        assertEquals(1, quoted.steps().size());
        Script quotedHeredoc = ScriptParser.parse("docker exec -i x sh <<'EOF'\n%lang en\nEOF");
        assertEquals(1, quotedHeredoc.steps().size());
    }

    @Test
    void aPercentAfterACommandOnItsLineIsAWord() throws Exception {
        Script script = ScriptParser.parse("docker ps --format %x");
        assertEquals(1, script.steps().size());
    }

    @Test
    void aCellMagicTakesTheRestOfTheCellAsItIs() throws Exception {
        Script script = ScriptParser.parse("%%writefile -a app/Dockerfile\nFROM busybox\nRUN echo $(x) 'y\n");
        assertTrue(script.steps().isEmpty());
        assertEquals("%%writefile", script.cellMagic().name());
        assertEquals(List.of("-a", "app/Dockerfile"), script.cellMagic().args());
        assertEquals("FROM busybox\nRUN echo $(x) 'y\n", script.cellMagic().body());
        assertNull(ScriptParser.parse("docker ps").cellMagic());
    }

    @Test
    void nestingIsBoundedWithAnErrorNamingTheLimit() {
        String open = "docker ps " + "$(".repeat(600);
        ScriptException unclosed = assertThrows(ScriptException.class, () -> ScriptParser.parse(open));
        assertEquals("script.too.deep", unclosed.key());
        assertEquals(ScriptParser.MAX_NESTING, unclosed.args()[1]);
        assertFalse(unclosed.incomplete());
        String nested = "docker ps " + "$(docker ps ".repeat(350) + ")".repeat(350);
        assertEquals("script.too.deep", assertThrows(ScriptException.class, () -> ScriptParser.parse(nested)).key());
        String backquotes = "docker ps " + "`".repeat(1);
        assertTrue(assertThrows(ScriptException.class, () -> ScriptParser.parse(backquotes)).incomplete());
    }

    @Test
    void nestingWithinTheLimitParses() throws Exception {
        int depth = ScriptParser.MAX_NESTING;
        String nested = "docker ps " + "$(docker ps ".repeat(depth) + ")".repeat(depth);
        assertEquals(1, ScriptParser.parse(nested).commands().size());
    }

    @Test
    void expansionsAreBounded() throws Exception {
        Variables variables = new Variables(Map.of());
        variables.set("A", "x".repeat(600));
        Expander expander = new Expander(variables, script -> "", 1000);
        Script script = ScriptParser.parse("B=$A$A");
        ScriptException e = assertThrows(ScriptException.class, () ->
                expander.expandWhole(script.commands().get(0).assignments().get(0).value()));
        assertEquals("script.expansion.too.large", e.key());
        Script words = ScriptParser.parse("docker run $A $A");
        assertEquals("script.expansion.too.large", assertThrows(ScriptException.class, () ->
                expander.expandWords(words.commands().get(0).words())).key());
    }
}
