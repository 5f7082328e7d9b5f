package io.github.dockerlessons.render.template;

import io.github.dockerlessons.golang.GoQuote;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Whatever a person types as a template, and whatever the data, only a {@link TemplateException}
 * with Go's words comes out: never a Java exception, a class name or "Internal error". Templates are
 * generated from the template grammar and from raw noise, with a fixed seed so a failure repeats.
 */
class TemplateFuzzTest {
    private static final String[] WORDS = {
        ".Name", ".Current", ".Nope", ".Name.X", ".", "$", "$x", "$.Name", "nil", "true", "false", "0", "1", "-2", "3.5",
        "1e3", "0x1F", "'a'", "1+2i", "\"s\"", "\"%d\"", "\"%s %v\"", "`raw`", "\"\"", "\"a,b\"", "\",\"", "(split \"a,b\" \",\")",
        "json", "split", "join", "title", "lower", "upper", "pad", "truncate", "and", "or", "not", "len", "index", "slice",
        "print", "printf", "println", "html", "js", "urlquery", "call", "eq", "ne", "lt", "le", "gt", "ge", ".Map", ".List",
        ".Map.k", ".List.X", ".Obj", ".Obj.Name", ".Nil", "$i", "$e", ".Map.n", "(index .List 0)", "(.Map)",
    };
    private static final String[] CONTROLS = {
        "{{if %s}}%s{{end}}", "{{if %s}}%s{{else}}%s{{end}}", "{{if %s}}%s{{else if %s}}%s{{end}}", "{{with %s}}%s{{end}}",
        "{{with %s}}%s{{else with %s}}%s{{end}}", "{{range %s}}%s{{end}}", "{{range $i, $e := %s}}%s{{else}}%s{{end}}",
        "{{range %s}}{{break}}{{end}}", "{{range %s}}{{continue}}%s{{end}}", "{{define \"t\"}}%s{{end}}{{template \"t\" %s}}",
        "{{block \"b\" %s}}%s{{end}}", "{{$x := %s}}%s", "{{$x := 1}}{{$x = %s}}{{$x}}", "{{/* %s */}}", "{{- %s -}}",
    };
    private static final String NOISE = "{}{}()|$.,:=\"'`-+ \t\n\\/*abcxyz019_%é\u0000";

    private final Random random = new Random(20240611L);

    private String pipeline(int depth) {
        StringBuilder sb = new StringBuilder();
        int commands = 1 + random.nextInt(3);
        for (int c = 0; c < commands; c++) {
            if (c > 0) {
                sb.append(" | ");
            }
            int words = 1 + random.nextInt(4);
            for (int w = 0; w < words; w++) {
                if (w > 0) {
                    sb.append(' ');
                }
                if (depth > 0 && random.nextInt(6) == 0) {
                    sb.append('(').append(pipeline(depth - 1)).append(')');
                } else {
                    sb.append(WORDS[random.nextInt(WORDS.length)]);
                }
            }
        }
        return sb.toString();
    }

    private String template(int depth) {
        StringBuilder sb = new StringBuilder();
        int parts = 1 + random.nextInt(3);
        for (int p = 0; p < parts; p++) {
            switch (random.nextInt(4)) {
                case 0 -> sb.append("text ");
                case 1 -> sb.append("{{").append(pipeline(2)).append("}}");
                default -> {
                    if (depth <= 0) {
                        sb.append("{{").append(pipeline(1)).append("}}");
                        break;
                    }
                    String control = CONTROLS[random.nextInt(CONTROLS.length)];
                    int holes = control.split("%s", -1).length - 1;
                    Object[] fill = new Object[holes];
                    for (int h = 0; h < holes; h++) {
                        fill[h] = h % 2 == 0 ? pipeline(1) : template(depth - 1);
                    }
                    sb.append(String.format(control, fill));
                }
            }
        }
        return sb.toString();
    }

    private String mutate(String text) {
        StringBuilder sb = new StringBuilder(text);
        int edits = random.nextInt(4);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(3)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
                default -> sb.setCharAt(at, NOISE.charAt(random.nextInt(NOISE.length())));
            }
        }
        return sb.toString();
    }

    private String noise() {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(30);
        for (int i = 0; i < n; i++) {
            sb.append(NOISE.charAt(random.nextInt(NOISE.length())));
        }
        return sb.toString();
    }

    private Object data() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("k", random.nextBoolean() ? "v" : null);
        map.put("n", (long) random.nextInt(5) - 2);
        List<Object> list = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            list.add(random.nextBoolean() ? (Object) ("x" + i) : (Object) (i / 2.0));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("Name", random.nextBoolean() ? "default" : "");
        root.put("Current", random.nextBoolean());
        root.put("Map", map);
        root.put("List", list);
        root.put("Obj", new DockerCliTemplatesTest.ClientContext());
        root.put("Nil", new GoValues.Nil(GoType.pointer("formatter.Platform"), true));
        return random.nextInt(5) == 0 ? new DockerCliTemplatesTest.ClientContext() : root;
    }

    private void check(String text) {
        try {
            GoTemplate template = GoTemplate.parse(text);
            if (random.nextBoolean()) {
                template = template.withMissingKeyError();
            }
            template.execute(data());
            template.execute(data(), DockerFunctions.forHeader());
        } catch (TemplateException e) {
            String message = e.getMessage();
            assertTrue(message.startsWith("template: "), () -> "not Go's words for " + text + ": " + message);
            assertFalse(message.matches("(?s).*(java\\.|Exception|Internal error|null pointer exception).*"),
                    () -> "Java in the message for " + text + ": " + message);
        } catch (RuntimeException | StackOverflowError e) {
            fail("template " + GoQuote.quote(text) + " threw " + e, e);
        }
    }

    @Test
    void generatedTemplatesFailOnlyWithGoErrors() {
        for (int i = 0; i < 1500; i++) {
            check(template(3));
        }
    }

    @Test
    void mutatedTemplatesFailOnlyWithGoErrors() {
        for (int i = 0; i < 1500; i++) {
            check(mutate(template(2)));
        }
    }

    @Test
    void noiseFailsOnlyWithGoErrors() {
        for (int i = 0; i < 3000; i++) {
            check(noise());
        }
    }

    @Test
    void printfOfAnyFormatNeverThrows() {
        for (int i = 0; i < 3000; i++) {
            String format = noise().replace('{', '%').replace('}', '*');
            List<Object> args = new ArrayList<>();
            for (int a = random.nextInt(4); a > 0; a--) {
                args.add(List.of(1L, -3L, 2.5, "s", true, GoSlice.strings(List.of("a"))).get(random.nextInt(6)));
            }
            try {
                GoFormat.sprintf(format + "%" + "vdsqxXoObcUeEfFgGtTp*.[]0123456789 #+-".charAt(random.nextInt(36)), args);
            } catch (RuntimeException e) {
                fail("printf " + GoQuote.quote(format) + " threw " + e, e);
            }
        }
    }

    @Test
    void deepNestingAndRecursionEndInGoErrors() {
        check("{{define \"r\"}}{{template \"r\" .}}{{end}}{{template \"r\" .}}");
        check("{{" + "(".repeat(3000) + "1" + ")".repeat(3000) + "}}");
        check("{{" + "len ".repeat(2000) + "\"x\"}}");
        check("{{range 5}}{{range 5}}{{range 5}}{{.}}{{end}}{{end}}{{end}}");
    }
}
