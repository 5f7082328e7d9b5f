package io.github.dockerlessons.script;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScriptParserTest {
    private final Variables variables = new Variables(Map.of("HOME", "/root"));
    /** Substitutions print the script's words joined, so tests can see what ran. */
    private final Expander expander = new Expander(variables, script -> {
        List<String> out = new ArrayList<>();
        for (SimpleCommand c : script.commands()) {
            out.add(String.join(" ", new Expander(variables, s -> "", 1 << 20).expandWords(c.words())));
        }
        return String.join("\n", out) + "\n";
    }, 1 << 20);

    private List<List<String>> words(String cell) throws Exception {
        List<List<String>> result = new ArrayList<>();
        for (SimpleCommand c : ScriptParser.parse(cell).commands()) {
            result.add(expander.expandWords(c.words()));
        }
        return result;
    }

    private ScriptException error(String cell) {
        return assertThrows(ScriptException.class, () -> words(cell));
    }

    @Test
    void oneCommandPerLineWithSemicolonsAndAnd() throws Exception {
        assertEquals(List.of(List.of("docker", "ps"), List.of("docker", "images"), List.of("docker", "version")),
                words("docker ps\ndocker images; docker version"));
        Script script = ScriptParser.parse("docker pull a && docker run a");
        assertFalse(script.commands().get(0).runOnlyIfPreviousSucceeded());
        assertTrue(script.commands().get(1).runOnlyIfPreviousSucceeded());
    }

    @Test
    void newlineAfterAndContinuesTheList() throws Exception {
        assertEquals(2, ScriptParser.parse("docker ps &&\ndocker images").commands().size());
    }

    @Test
    void commentsAndBlankLines() throws Exception {
        assertEquals(List.of(List.of("docker", "ps", "a#b")),
                words("# list\n\ndocker ps a#b # trailing comment\n"));
    }

    @Test
    void quotesAndEscapes() throws Exception {
        assertEquals(List.of(List.of("docker", "run", "busybox", "sh", "-c", "echo '안녕' \"$x\"", "a b", "c\\d", "e$f")),
                words("docker run busybox sh -c \"echo '안녕' \\\"\\$x\\\"\" 'a b' 'c\\d' e\\$f"));
        assertEquals(List.of(List.of("docker", "", "x")), words("docker \"\" x"));
    }

    @Test
    void backslashNewlineContinuesALine() throws Exception {
        assertEquals(List.of(List.of("docker", "run", "-d", "redis")), words("docker run \\\n  -d \\\n  redis"));
    }

    @Test
    void variablesExpandAndSplitUnlessQuoted() throws Exception {
        variables.set("ARGS", "a  b\tc");
        assertEquals(List.of(List.of("docker", "rm", "a", "b", "c", "a  b\tc", "/root", "x/rootx")),
                words("docker rm $ARGS \"$ARGS\" $HOME x${HOME}x"));
    }

    @Test
    void unsetVariableIsAnErrorNamingIt() {
        ScriptException e = error("docker rm $NOPE");
        assertEquals("script.unset.variable", e.key());
        assertEquals("NOPE", e.args()[0]);
    }

    @Test
    void lastStatusVariable() throws Exception {
        variables.setLastStatus(125);
        assertEquals(List.of(List.of("docker", "125")), words("docker $?"));
    }

    @Test
    void commandSubstitutionSplitsIntoWords() throws Exception {
        assertEquals(List.of(List.of("docker", "rm", "docker", "ps", "-a", "-q")),
                words("docker rm `docker ps -a -q`"));
        assertEquals(List.of(List.of("docker", "rm", "docker", "ps", "-aq")), words("docker rm $(docker ps -aq)"));
        assertEquals(List.of(List.of("docker", "logs", "docker ps -q")), words("docker logs \"$(docker ps -q)\""));
    }

    @Test
    void nestedSubstitutionWithParenthesesInQuotes() throws Exception {
        assertEquals(List.of(List.of("docker", "x", "docker", "echo", "a)b")),
                words("docker x $(docker echo 'a)b')"));
    }

    @Test
    void assignments() throws Exception {
        Script script = ScriptParser.parse("ID=$(docker run -d redis)\nNAME='my app'\nEMPTY=");
        assertEquals(3, script.commands().size());
        for (SimpleCommand c : script.commands()) {
            assertTrue(c.words().isEmpty());
            SimpleCommand.Assignment a = c.assignments().get(0);
            variables.set(a.name(), expander.expandWhole(a.value()));
        }
        assertEquals("docker run -d redis", variables.get("ID").orElseThrow());
        assertEquals("my app", variables.get("NAME").orElseThrow());
        assertEquals("", variables.get("EMPTY").orElseThrow());
    }

    @Test
    void equalsInsideArgumentsIsNotAnAssignment() throws Exception {
        assertEquals(List.of(List.of("docker", "run", "-e", "A=1", "busybox")), words("docker run -e A=1 busybox"));
    }

    @Test
    void heredocFeedsStdinWithExpansion() throws Exception {
        variables.set("KEY", "이름");
        Script script = ScriptParser.parse("docker exec -i r redis-cli <<EOF\nset $KEY 도커\nget \\$KEY\nEOF\ndocker ps");
        assertEquals(2, script.commands().size());
        Heredoc heredoc = script.commands().get(0).heredoc();
        assertTrue(heredoc.expand());
        assertEquals("set 이름 도커\nget $KEY\n", expander.expandWhole(heredoc.body()));
        assertNull(script.commands().get(1).heredoc());
    }

    @Test
    void quotedHeredocIsLiteral() throws Exception {
        Heredoc heredoc = ScriptParser.parse("docker exec -i r sh <<'EOF'\necho $HOME \"x\"\nEOF").commands().get(0).heredoc();
        assertFalse(heredoc.expand());
        assertEquals("echo $HOME \"x\"\n", expander.expandWhole(heredoc.body()));
    }

    @Test
    void dashHeredocStripsLeadingTabs() throws Exception {
        Heredoc heredoc = ScriptParser.parse("docker exec -i r sh <<-END\n\techo hi\n\tEND").commands().get(0).heredoc();
        assertEquals("echo hi\n", expander.expandWhole(heredoc.body()));
    }

    @Test
    void incompleteInputIsMarkedIncomplete() {
        for (String cell : new String[]{"docker run 'abc", "docker run \"abc", "docker run \\", "docker rm $(docker ps",
                "docker exec -i r sh <<EOF\necho", "docker ps &&", "docker rm `docker ps", "docker ${HOME"}) {
            assertTrue(error(cell).incomplete(), cell);
        }
    }

    @Test
    void unsupportedSyntaxIsAnErrorNamingIt() {
        assertEquals("script.unsupported.pipe", error("docker ps | grep redis").key());
        assertEquals("script.unsupported.or", error("docker ps || docker images").key());
        assertEquals("script.unsupported.background", error("docker run redis &").key());
        assertEquals("script.unsupported.redirect", error("docker ps > out.txt").key());
        assertEquals("script.unsupported.redirect", error("docker ps 2>/dev/null").key());
        assertEquals("script.unsupported.redirect", error("docker run -i busybox < in").key());
        assertEquals("script.unsupported.subshell", error("(docker ps)").key());
        assertEquals("script.unexpected", error("docker ps )").key());
        assertEquals("script.unsupported.arithmetic", error("docker $((1+2))").key());
        assertEquals("script.unsupported.expansion", error("docker ${X:-y}").key());
        assertFalse(error("docker ps | grep redis").incomplete());
    }

    @Test
    void errorsCarryTheLineNumber() {
        ScriptException e = error("docker ps\n\ndocker images | head");
        assertEquals(3, e.args()[0]);
    }
}
