package io.github.dockerlessons.compose;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Compose's ${VAR} forms, with compose-go's results and words. */
class InterpolationTest {
    private final Map<String, String> env = Map.of("NAME", "web", "EMPTY", "", "PORT", "8080");
    private final List<String> warnings = new ArrayList<>();
    private final Interpolation interpolation = new Interpolation(k -> Optional.ofNullable(env.get(k)), warnings::add);

    private String sub(String text) throws Exception {
        return interpolation.substitute(text);
    }

    @Test
    void formsAsComposeReadsThem() throws Exception {
        assertEquals("web-8080", sub("$NAME-${PORT}"));
        assertEquals("$NAME", sub("$$NAME"));
        assertEquals("dflt", sub("${EMPTY:-dflt}"));
        assertEquals("", sub("${EMPTY-dflt}"));
        assertEquals("dflt", sub("${UNSET-dflt}"));
        assertEquals("web", sub("${NAME:-dflt}"));
        assertEquals("alt", sub("${NAME:+alt}"));
        assertEquals("", sub("${EMPTY:+alt}"));
        assertEquals("alt", sub("${EMPTY+alt}"));
        assertEquals("x-8080", sub("${UNSET:-x-${PORT}}"));
        assertEquals("a $ b", sub("a $ b"));
        assertEquals(List.of(), warnings);
    }

    @Test
    void anUnsetVariableIsBlankWithComposesWarning() throws Exception {
        assertEquals("img:", sub("img:${TAG}"));
        assertEquals(List.of("The \"TAG\" variable is not set. Defaulting to a blank string."), warnings);
    }

    @Test
    void requiredAndInvalidInCompseGoWords() {
        Interpolation.MissingRequired missing = assertThrows(Interpolation.MissingRequired.class,
                () -> sub("${UNSET:?set it please}"));
        assertEquals("required variable UNSET is missing a value: set it please", missing.getMessage());
        assertThrows(Interpolation.InvalidTemplate.class, () -> sub("${NAME"));
        assertThrows(Interpolation.InvalidTemplate.class, () -> sub("${1x}"));
    }

    @Test
    void aFileNamesThePathAndPlaceOfABadValue() throws Exception {
        YamlNode root = YamlLoader.load("services:\n  web:\n    image: \"${oops\"\n", "compose.yaml");
        ComposeFileError e = assertThrows(ComposeFileError.class, () -> interpolation.apply(root, "compose.yaml"));
        assertEquals("invalid interpolation format for services.web.image.\nYou may need to escape any $ with another $.\n"
                + "${oops", e.getMessage());
        assertEquals(new YamlNode.Position(3, 12), e.position());
    }

    @Test
    void dotEnvLines() throws Exception {
        Map<String, String> values = DotEnv.parse("# comment\nexport A=1\nB='lit $A'\nC=\"x\\ny $A\"\nD=plain # note\nHOME\n",
                k -> k.equals("HOME") ? Optional.of("/root") : Optional.empty());
        assertEquals(Map.of("A", "1", "B", "lit $A", "C", "x\ny 1", "D", "plain", "HOME", "/root"), values);
        DotEnv.BadLine bad = assertThrows(DotEnv.BadLine.class, () -> DotEnv.parse("A-B=1\n", k -> Optional.empty()));
        assertTrue(bad.getMessage().contains("unexpected character \"-\" in variable name \"A-B\""), bad.getMessage());
        assertEquals(1, bad.line());
    }
}
