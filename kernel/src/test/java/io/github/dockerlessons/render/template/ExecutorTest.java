package io.github.dockerlessons.render.template;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExecutorTest {
    private static String run(String text, Object data) throws TemplateException {
        return GoTemplate.parse(text).execute(data);
    }

    private static TemplateException fails(GoTemplate template, Object data) {
        return assertThrows(TemplateException.class, () -> template.execute(data));
    }

    private static Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("Name", "web");
        data.put("Labels", Map.of("tier", "cache", "app", "redis"));
        data.put("Cmd", List.of("redis-server", "--port", "6379"));
        data.put("Pid", 4242L);
        data.put("Null", null);
        return data;
    }

    @Test
    void mapsRangeInKeyOrderAndMissingKeysAreNoValue() throws TemplateException {
        assertEquals("app=redis tier=cache ", run("{{range $k, $v := .Labels}}{{$k}}={{$v}} {{end}}", data()));
        assertEquals("<no value>|<no value>|<no value>", run("{{.Nope}}|{{.Null}}|{{index .Labels \"x\"}}", data()));
    }

    @Test
    void missingKeyErrorOption() throws TemplateException {
        GoTemplate template = GoTemplate.parse("{{.Name}} {{.Nope}}").withMissingKeyError();
        TemplateException e = fails(template, data());
        assertEquals("template: :1:12: executing \"\" at <.Nope>: map has no entry for key \"Nope\"", e.getMessage());
        assertEquals("web ", e.output());
    }

    @Test
    void errorColumnsCountBytes() throws TemplateException {
        GoTemplate template = GoTemplate.parse("é {{.Name.X}}\n한 {{.Name.Y}}");
        assertEquals("template: :1:10: executing \"\" at <.Name.X>: can't evaluate field X in type string",
                fails(template, data()).getMessage());
    }

    @Test
    void variablesAreScopedToTheirBlock() throws TemplateException {
        assertEquals("1 2 2", run("{{$x := 1}}{{$x}} {{if true}}{{$x = 2}}{{$x}}{{end}} {{$x}}", data()));
        assertEquals("a b|o", run("{{$v := \"o\"}}{{range $v := split \"a b\" \" \"}}{{$v}}{{end}}|{{$v}}",
                data()).replace("ab", "a b"));
    }

    @Test
    void templatesGetTheirOwnDotAndName() throws TemplateException {
        assertEquals("[web]", run("{{define \"T\"}}[{{.}}]{{end}}{{template \"T\" .Name}}", data()));
        TemplateException e = assertThrows(TemplateException.class,
                () -> run("{{define \"T\"}}{{.X}}{{end}}{{template \"T\" .Name}}", data()));
        assertEquals("template: :1:16: executing \"T\" at <.X>: can't evaluate field X in type string", e.getMessage());
    }

    @Test
    void runawayRecursionStopsWithGosWords() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> run("{{define \"r\"}}{{template \"r\" .}}{{end}}{{template \"r\" .}}", data()));
        assertEquals("template: :1:25: executing \"r\" at <{{template \"r\" .}}>: exceeded maximum template depth (100000)",
                e.getMessage());
    }

    @Test
    void argumentsAreCheckedAgainstTheSignature() throws TemplateException {
        assertEquals("redis-server --port 6379", run("{{join (split \"redis-server --port 6379\" \" \") \" \"}}", data()));
        assertEquals("template: :1:7: executing \"\" at <.Cmd>: wrong type for value; expected []string; got []interface {}",
                fails(GoTemplate.parse("{{join .Cmd \" \"}}"), data()).getMessage());
        assertEquals("template: :1:10: executing \"\" at <.Name>: wrong type for value; expected int; got string",
                fails(GoTemplate.parse("{{pad \"x\" .Name 1}}"), data()).getMessage());
        assertEquals("template: :1:8: executing \"\" at <.Nope>: invalid value; expected string",
                fails(GoTemplate.parse("{{upper .Nope}}"), data()).getMessage());
    }

    @Test
    void breakAndContinueAffectTheInnermostRange() throws TemplateException {
        assertEquals("0:0 1:0 2:0 ", run("{{range $i := 3}}{{range $j := 3}}{{if eq $j 1}}{{break}}{{end}}{{$i}}:{{$j}} {{end}}{{end}}",
                data()));
    }

    @Test
    void methodsOfObjectsAndTheirArguments() throws TemplateException {
        TemplateObject object = new TemplateObject() {
            @Override
            public GoType type() {
                return GoType.pointer("formatter.ContainerContext");
            }

            @Override
            public GoFunction method(String name) {
                return switch (name) {
                    case "Names" -> GoFunction.of("Names", args -> "web");
                    case "Label" -> GoFunction.of("Label", args -> "v:" + args.get(0), GoType.STRING);
                    default -> null;
                };
            }

            @Override
            public String marshalJson() {
                return "{\"Names\":\"web\"}";
            }
        };
        assertEquals("web v:tier {\"Names\":\"web\"}", run("{{.Names}} {{.Label \"tier\"}} {{json .}}", object));
        assertEquals("template: :1:2: executing \"\" at <.Names>: wrong number of args for Names: want 0 got 1",
                fails(GoTemplate.parse("{{.Names 1}}"), object).getMessage());
        assertEquals("template: :1:9: executing \"\" at <1>: expected string; found 1",
                fails(GoTemplate.parse("{{.Label 1}}"), object).getMessage());
        assertEquals("template: :1:2: executing \"\" at <.Nope>: can't evaluate field Nope in type *formatter.ContainerContext",
                fails(GoTemplate.parse("{{.Nope}}"), object).getMessage());
    }

    @Test
    void headerFunctionsLeaveColumnNamesAlone() throws TemplateException {
        GoTemplate template = GoTemplate.parse("{{lower .N}}|{{json .N}}|{{join .N \",\"}}|{{truncate .N 2}}|{{pad .N 1 0}}");
        assertEquals("NAMES|NAMES|NAMES|NAMES| NAMES",
                template.execute(Map.of("N", "NAMES"), DockerFunctions.forHeader()));
    }
}
