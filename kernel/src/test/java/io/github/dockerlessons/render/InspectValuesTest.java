package io.github.dockerlessons.render;

import io.github.dockerlessons.render.template.TemplateException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InspectValuesTest {
    private static final String CONTAINER = """
            {"Id":"abc","Name":"/web","State":{"Status":"running","Running":true,"Pid":4261574,"ExitCode":0},
             "Config":{"Env":["FOO=bar"],"Cmd":["redis-server","--port","6379"],"Entrypoint":null,
                       "Labels":{"tier":"cache"},"ExposedPorts":{"6379/tcp":{}}},
             "HostConfig":{"RestartPolicy":{"Name":"no","MaximumRetryCount":0},"Binds":null,"PidsLimit":null},
             "NetworkSettings":{"Ports":{"6379/tcp":[{"HostIp":"0.0.0.0","HostPort":"16379"}]}}}""";

    private static String run(String format) throws TemplateException {
        return InspectTemplate.parse(format).execute(CONTAINER);
    }

    @Test
    void valuesPrintAsTheCliTypedStructsDo() throws TemplateException {
        assertEquals("4261574 4261574 int", run("{{.State.Pid}} {{printf \"%d %T\" .State.Pid .State.Pid}}"));
        assertEquals("{no 0}", run("{{.HostConfig.RestartPolicy}}"));
        assertEquals("map[6379/tcp:[{0.0.0.0 16379}]]", run("{{.NetworkSettings.Ports}}"));
        assertEquals("map[6379/tcp:{}]", run("{{.Config.ExposedPorts}}"));
        assertEquals("[] [] <nil> <nil> null", run("{{.Config.Entrypoint}} {{.HostConfig.Binds}} {{.HostConfig.PidsLimit}}"
                + " {{.State.Health}} {{json .State.Health}}"));
        assertEquals("redis-server --port 6379|", run("{{join .Config.Cmd \" \"}}|{{index .Config.Labels \"nope\"}}"));
        assertEquals("[\"FOO=bar\"]", run("{{json .Config.Env}}"));
    }

    @Test
    void errorsAreTheClis() {
        TemplateException missing = assertThrows(TemplateException.class, () -> run("{{.Nope}}"));
        assertEquals("template parsing error: template: :1:2: executing \"\" at <.Nope>: map has no entry for key \"Nope\"",
                missing.getMessage());
        assertEquals(1, missing.status());
        TemplateException parse = assertThrows(TemplateException.class, () -> InspectTemplate.parse("{{.Id"));
        assertEquals("template parsing error: template: :1: unclosed action", parse.getMessage());
        assertEquals(64, parse.status());
    }

    @Test
    void aKeyMissingFromAMapIsNoValueAsInTheClisTypedPass() throws TemplateException {
        // issue 19: the CLI runs over its typed structs first, where Labels is a map[string]string
        assertEquals("<no value>", run("{{.Config.Labels.nope}}"));
        assertEquals("none", run("{{with .Config.Labels.nope}}{{.}}{{else}}none{{end}}"));
        assertEquals("cache none", run("{{.Config.Labels.tier}} {{if .Config.Labels.nope}}x{{else}}none{{end}}"));
        assertEquals("<no value>", run("{{.NetworkSettings.Ports.nope}}"));
    }

    @Test
    void aFieldMissingFromAStructFailsTheTypedPassAndTheRawPassSaysWhy() {
        // a struct has no such field, so the raw pass (missingkey=error) answers, with its own first error
        TemplateException e = assertThrows(TemplateException.class, () -> run("{{.Config.Labels.nope}}{{.Config.Nope}}"));
        assertEquals("template parsing error: template: :1:9: executing \"\" at <.Config.Labels.nope>: "
                + "map has no entry for key \"nope\"", e.getMessage());
        TemplateException state = assertThrows(TemplateException.class, () -> run("{{.State.Nope}}"));
        assertEquals("template parsing error: template: :1:8: executing \"\" at <.State.Nope>: "
                + "map has no entry for key \"Nope\"", state.getMessage());
    }
}
