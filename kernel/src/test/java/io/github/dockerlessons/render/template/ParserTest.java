package io.github.dockerlessons.render.template;

import io.github.dockerlessons.render.template.Node.ListNode;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ParserTest {
    private static final Set<String> FUNCTIONS = Set.of("printf", "len", "upper", "eq");

    private static String tree(String text) throws TemplateException {
        return Parser.parse("", text, FUNCTIONS).get("").toString();
    }

    private static String error(String text) {
        return assertThrows(TemplateException.class, () -> Parser.parse("", text, FUNCTIONS)).getMessage();
    }

    @Test
    void treesPrintBackAsTemplates() throws TemplateException {
        assertEquals("a{{.Name}}b", tree("a{{ .Name }}b"));
        assertEquals("{{$x := printf \"%d\" 1 | len}}", tree("{{$x := printf \"%d\" 1|len}}"));
        assertEquals("{{if .A}}x{{else}}{{if .B}}y{{end}}{{end}}", tree("{{if .A}}x{{else if .B}}y{{end}}"));
        assertEquals("{{with .A}}x{{else}}{{with .B}}y{{end}}{{end}}", tree("{{with .A}}x{{else with .B}}y{{end}}"));
        assertEquals("{{range $i, $e := .L}}{{$i}}{{break}}{{end}}", tree("{{range $i, $e := .L}}{{$i}}{{break}}{{end}}"));
        assertEquals("{{(printf \"a\").X.Y}}", tree("{{(printf \"a\").X.Y}}"));
        assertEquals("{{$.A.B}}", tree("{{$.A.B}}"));
    }

    @Test
    void defineAndBlockAddNamedTrees() throws TemplateException {
        Map<String, ListNode> trees = Parser.parse("", "{{define \"T\"}}t{{end}}{{block \"B\" .}}b{{end}}x", FUNCTIONS);
        assertEquals(Set.of("", "T", "B"), trees.keySet());
        assertEquals("t", trees.get("T").toString());
        assertEquals("{{template \"B\" .}}x", trees.get("").toString());
    }

    @Test
    void numbersHaveEveryReading() throws TemplateException {
        Node.NumberNode n = (Node.NumberNode) ((Node.ActionNode) Parser.parse("", "{{2.0}}", FUNCTIONS).get("").nodes().get(0))
                .pipe().cmds().get(0).args().get(0);
        assertEquals(true, n.isInt() && n.isUint() && n.isFloat());
        assertEquals(2L, n.int64());
    }

    @Test
    void errorsAreGosWithTheLine() {
        assertEquals("template: :1: function \"nope\" not defined", error("{{nope 1}}"));
        assertEquals("template: :1: unexpected EOF", error("{{if .A}}x"));
        assertEquals("template: :1: unexpected {{end}}", error("{{end}}"));
        assertEquals("template: :1: missing value for if", error("{{if}}{{end}}"));
        assertEquals("template: :2: undefined variable \"$y\"", error("{{$x := 1}}\n{{$y}}"));
        assertEquals("template: :1: non executable command in pipeline stage 2", error("{{1 | 2}}"));
        assertEquals("template: :1: unexpected . after term \"3.5\"", error("{{3.5.X}}"));
        assertEquals("template: :1: {{break}} outside {{range}}", error("{{break}}"));
        assertEquals("template: :1: too many declarations in command", error("{{$x, $y := 1}}"));
        assertEquals("template: :1: template: multiple definition of template \"a\"", error("{{define \"a\"}}y{{end}}{{define \"a\"}}x{{end}}"));
        assertEquals("template: :1: unexpected \"x\" in end", error("{{end x}}"));
        assertEquals("template: :1: integer overflow: \"99999999999999999999\"", error("{{99999999999999999999}}"));
        assertEquals("template: :1: invalid syntax", error("{{\"\\z\"}}"));
        assertEquals("template: :3: unclosed action started at :1", error("{{.A\n\n"));
    }
}
