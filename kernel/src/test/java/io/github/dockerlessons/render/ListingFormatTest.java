package io.github.dockerlessons.render;

import io.github.dockerlessons.api.ContainerSummary;
import io.github.dockerlessons.render.template.TemplateException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListingFormatTest {
    private static final Instant NOW = Instant.ofEpochSecond(1000);

    private static ContainerSummary container() throws Exception {
        return ContainerSummary.parse("""
                {"Id":"cd91568b33c3aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","Names":["/web"],
                 "Image":"redis","Command":"redis-server","Created":1000,"Labels":{"tier":"cache","a":"b"},
                 "State":"running","Status":"Up 5 seconds","Ports":[{"IP":"0.0.0.0","PrivatePort":6379,
                 "PublicPort":16379,"Type":"tcp"}]}""");
    }

    private static Bundle ps(String format) throws Exception {
        return ContainerTable.bundle(List.of(container()), true, false, NOW, format);
    }

    @Test
    void headersAreTheCliColumnNamesWhateverTheFunctions() throws Exception {
        assertEquals("NAMES     IMAGE\nweb       REDIS\n", ps("table {{lower .Names}}\\t{{upper .Image}}").plainText());
        assertEquals("tier      NAMES\ncache     web\n", ps("table {{.Label \"tier\"}}\\t{{.Names}}").plainText());
        assertEquals("my tier\n\n", ContainerTable.bundle(List.of(), true, false, NOW,
                "table {{.Label \"com.example.my-tier\"}}").plainText() + "\n");
    }

    @Test
    void plainTemplatesAndJson() throws Exception {
        assertEquals("web a=b,tier=cache\n", ps("{{.Names}} {{.Labels}}").plainText());
        assertEquals("\"0.0.0.0:16379->6379/tcp\"\n", ps("{{json .Ports}}").plainText());
        String json = ps("json").plainText();
        assertTrue(json.startsWith("{\"Command\":\"\\\"redis-server\\\"\",\"CreatedAt\":"), json);
        assertTrue(json.contains("\"Platform\":null,\"Ports\":\"0.0.0.0:16379-\\u003e6379/tcp\""), json);
    }

    @Test
    void statusColourAndMonospaceFollowTheFields() throws Exception {
        String html = (String) ps("table {{.Status}}\\t{{.Names}}\\t{{printf \"%.5s\" .ID}}").data().get("text/html");
        assertTrue(html.contains("<td class=\"state state-running\">Up 5 seconds</td>"), html);
        assertTrue(html.contains("<td>web</td><td class=\"code\">cd915</td>"), html);
        String moved = (String) ps("table {{.Names}}\\t{{lower .State}}").data().get("text/html");
        assertTrue(moved.contains("<td>web</td><td class=\"state state-running\">running</td>"), moved);
    }

    @Test
    void templateErrorsAreTheClis() {
        TemplateException e = assertThrows(TemplateException.class, () -> ps("{{.Foo}}"));
        assertEquals("template parsing error: template: :1:2: executing \"\" at <.Foo>: can't evaluate field Foo in type "
                + "*formatter.ContainerContext", e.getMessage());
        assertEquals("failed to parse template: template: :1: unclosed action",
                assertThrows(TemplateException.class, () -> ContainerTable.checkFormat("{{.Names", NOW)).getMessage());
        assertEquals("failed to execute template: template: :1:8: executing \"\" at <.Foo>: can't evaluate field Foo in type "
                + "*formatter.ContainerContext", assertThrows(TemplateException.class,
                () -> ContainerTable.checkFormat("table {{.Foo}}", NOW)).getMessage());
    }

    @Test
    void sizeIsAskedForWhenTheTemplateShowsIt() throws TemplateException {
        assertTrue(ContainerTable.checkFormat("{{.Size}}", NOW));
        assertTrue(ContainerTable.checkFormat("{{json .}}", NOW));
        assertEquals(false, ContainerTable.checkFormat("json", NOW));
    }

    @Test
    void listingTemplateIsTheUsersElseTheTableElseTheQuietColumn() {
        // the rule every ls shares (network, volume, swarm objects): "" and "table" mean the default table
        for (String none : new String[] {null, "", "table"}) {
            assertEquals("TABLE", ListingFormat.template(none, false, "{{.Name}}", "TABLE"));
            assertEquals("{{.Name}}", ListingFormat.template(none, true, "{{.Name}}", "TABLE"));
        }
        assertEquals("{{.Driver}}", ListingFormat.template("{{.Driver}}", true, "{{.ID}}", "TABLE"));
    }
}
