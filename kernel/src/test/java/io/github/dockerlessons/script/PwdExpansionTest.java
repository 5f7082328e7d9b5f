package io.github.dockerlessons.script;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code $PWD}, {@code ${PWD}} and {@code $(pwd)} are the notebook's folder (issue 23), quoted as bash
 * quotes them; the environment's PWD (the folder the Jupyter server started in) is not used, and any
 * other program inside {@code $( )} still reaches the session, which refuses it.
 */
class PwdExpansionTest {
    private static final String FOLDER = "/home/student/강의/lesson09";

    private final List<Script> ranBySession = new ArrayList<>();
    private final Variables variables = new Variables(Map.of("PWD", "/where/jupyter/started", "HOME", "/home/student"),
            FOLDER);
    private final Expander expander = new Expander(variables, script -> {
        ranBySession.add(script);
        return "from-session\n";
    }, 1 << 20);

    private List<String> expand(String cell) throws Exception {
        return expander.expandWords(ScriptParser.parse(cell).commands().get(0).words());
    }

    @Test
    void theCoursesMountIsTheNotebooksFolder() throws Exception {
        assertEquals(List.of("docker", "run", "-v", FOLDER + ":/usr/src/app", "node"),
                expand("docker run -v $(pwd):/usr/src/app node"));
        assertEquals(List.of(), ranBySession);
    }

    @Test
    void everySpellingIsTheFolderNotTheServersPwd() throws Exception {
        for (String spelling : List.of("$PWD", "${PWD}", "$(pwd)", "`pwd`", "\"$PWD\"", "\"${PWD}\"", "\"$(pwd)\"",
                "$(pwd -P)", "$(pwd -L)", "$( pwd )", "$(\npwd\n)")) {
            assertEquals(List.of("docker", FOLDER + "/app"), expand("docker " + spelling + "/app"), spelling);
        }
        assertEquals(List.of(), ranBySession);
    }

    @Test
    void singleQuotesKeepTheTextAsBashDoes() throws Exception {
        assertEquals(List.of("docker", "$(pwd)", "$PWD", "${PWD}"), expand("docker '$(pwd)' '$PWD' '${PWD}'"));
        assertEquals(List.of("docker", "$PWD"), expand("docker \\$PWD"));
    }

    @Test
    void anAssignedPwdIsTheVariableButPwdStillPrintsTheFolder() throws Exception {
        variables.set("PWD", "/elsewhere");
        assertEquals(List.of("docker", "/elsewhere", FOLDER), expand("docker $PWD $(pwd)"));
    }

    @Test
    void otherProgramsAndOtherPwdFormsGoToTheSession() throws Exception {
        for (String cell : List.of("docker $(ls)", "docker $(pwd x)", "docker $(pwd; docker ps)", "docker $(X=1 pwd)",
                "docker $(pwd --help)", "docker $(\"$HOME\")")) {
            ranBySession.clear();
            assertEquals(List.of("docker", "from-session"), expand(cell), cell);
            assertEquals(1, ranBySession.size(), cell);
        }
    }

    @Test
    void aFolderWithBlanksSplitsUnquotedAndStaysWholeQuotedAsInBash() throws Exception {
        Variables spaced = new Variables(Map.of(), "/home/my notes");
        Expander e = new Expander(spaced, script -> "", 1 << 20);
        List<Word> words = ScriptParser.parse("docker -v $(pwd):/a -v \"$(pwd)\":/b").commands().get(0).words();
        assertEquals(List.of("docker", "-v", "/home/my", "notes:/a", "-v", "/home/my notes:/b"), e.expandWords(words));
    }

    @Test
    void anUnsetVariableIsStillAnError() {
        assertThrows(ScriptException.class, () -> expand("docker $NOPE"));
    }

    @Provide
    Arbitrary<String> folders() {
        return Arbitraries.strings().withChars("abc/강 .$'\"`\\-_").ofMinLength(1).ofMaxLength(24).map(s -> "/" + s);
    }

    @Property(tries = 2000)
    void doubleQuotedPwdIsExactlyTheFolder(@ForAll("folders") String folder) throws Exception {
        Expander e = new Expander(new Variables(Map.of(), folder), script -> {
            throw new AssertionError("pwd reached the session");
        }, 1 << 20);
        for (String spelling : List.of("\"$(pwd)\"", "\"$PWD\"", "\"${PWD}\"", "\"`pwd`\"")) {
            List<Word> words = ScriptParser.parse("docker " + spelling).commands().get(0).words();
            assertEquals(List.of("docker", folder), e.expandWords(words), spelling);
        }
    }
}
