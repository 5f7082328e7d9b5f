package io.github.dockerlessons.render.template;

import io.github.dockerlessons.render.template.Lexer.Item;
import io.github.dockerlessons.render.template.Lexer.Type;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LexerTest {
    private static String items(String text) {
        return Lexer.lex(text).stream().map(i -> i.type() + (i.type() == Type.EOF ? "" : "[" + i.val() + "]@" + i.pos()))
                .collect(Collectors.joining(" "));
    }

    @Test
    void textAndActionsWithPositions() {
        assertEquals("TEXT[a ]@0 LEFT_DELIM[{{]@2 FIELD[.Name]@4 RIGHT_DELIM[}}]@9 TEXT[ b]@11 EOF", items("a {{.Name}} b"));
    }

    @Test
    void everyKindOfItemInsideAnAction() {
        assertEquals("LEFT_DELIM[{{]@0 VARIABLE[$x]@2 SPACE[ ]@4 DECLARE[:=]@5 SPACE[ ]@7 IDENTIFIER[printf]@8 SPACE[ ]@14 "
                + "STRING[\"%d\"]@15 SPACE[ ]@19 NUMBER[1.5e3]@20 SPACE[ ]@25 CHAR_CONSTANT['a']@26 SPACE[ ]@29 "
                + "RAW_STRING[`r`]@30 SPACE[ ]@33 COMPLEX[1+2i]@34 SPACE[ ]@38 PIPE[|]@39 SPACE[ ]@40 LEFT_PAREN[(]@41 "
                + "DOT[.]@42 RIGHT_PAREN[)]@43 FIELD[.A]@44 FIELD[.B]@46 SPACE[ ]@48 BOOL[true]@49 SPACE[ ]@53 NIL[nil]@54 "
                + "RIGHT_DELIM[}}]@57 EOF", items("{{$x := printf \"%d\" 1.5e3 'a' `r` 1+2i | (.).A.B true nil}}"));
    }

    @Test
    void keywordsAndAssignment() {
        assertEquals("LEFT_DELIM[{{]@0 RANGE[range]@2 SPACE[ ]@7 VARIABLE[$i]@8 CHAR[,]@10 SPACE[ ]@11 VARIABLE[$e]@12 "
                + "SPACE[ ]@14 ASSIGN[=]@15 SPACE[ ]@16 DOT[.]@17 RIGHT_DELIM[}}]@18 EOF", items("{{range $i, $e = .}}"));
    }

    @Test
    void trimMarkersEatSpaceAroundTheAction() {
        assertEquals("TEXT[a]@0 LEFT_DELIM[{{]@4 NUMBER[1]@8 RIGHT_DELIM[}}]@11 TEXT[c]@16 EOF", items("a \n {{- 1 -}} \n c"));
        assertEquals("LEFT_DELIM[{{]@0 NUMBER[-3]@2 RIGHT_DELIM[}}]@4 EOF", items("{{-3}}"));
    }

    @Test
    void commentsVanish() {
        assertEquals("TEXT[x]@0 TEXT[y]@18 EOF", items("x {{- /* c */ -}} y"));
    }

    @Test
    void linesCountNewlinesInTextAndActions() {
        List<Item> items = Lexer.lex("a\nb{{\n.X}}\n{{.Y}}");
        assertEquals(1, items.get(0).line());
        assertEquals(2, items.get(1).line());
        assertEquals(3, items.stream().filter(i -> i.val().equals(".X")).findFirst().orElseThrow().line());
        assertEquals(4, items.stream().filter(i -> i.val().equals(".Y")).findFirst().orElseThrow().line());
    }

    @Test
    void errorsEndTheItems() {
        assertEquals("LEFT_DELIM[{{]@0 FIELD[.Foo]@2 ERROR[unclosed action]@6", items("{{.Foo"));
        assertEquals("LEFT_DELIM[{{]@0 ERROR[bad character U+007D '}']@2", items("{{.Foo}"));
        assertEquals("LEFT_DELIM[{{]@0 ERROR[unexpected right paren]@2", items("{{)}}"));
        assertEquals("LEFT_DELIM[{{]@0 LEFT_PAREN[(]@2 ERROR[unclosed left paren]@3", items("{{(}}"));
        assertEquals("LEFT_DELIM[{{]@0 ERROR[unterminated quoted string]@2", items("{{\"a}}"));
        assertEquals("LEFT_DELIM[{{]@0 ERROR[bad number syntax: \"1a\"]@2", items("{{1a}}"));
        assertEquals("ERROR[unclosed comment]@2", items("{{/* x"));
        assertEquals("LEFT_DELIM[{{]@0 ERROR[unrecognized character in action: U+00B7 '·']@2", items("{{·}}"));
    }

    @Test
    void itemsNameThemselvesAsGoDoes() {
        assertEquals("EOF", new Item(Type.EOF, 0, "", 1).toString());
        assertEquals("<end>", new Item(Type.END, 0, "end", 1).toString());
        assertEquals("\"|\"", new Item(Type.PIPE, 0, "|", 1).toString());
        assertEquals("\"abcdefghij\"...", new Item(Type.TEXT, 0, "abcdefghijk", 1).toString());
    }
}
