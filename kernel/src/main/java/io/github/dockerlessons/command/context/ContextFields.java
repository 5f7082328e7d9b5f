package io.github.dockerlessons.command.context;

import io.github.dockerlessons.engine.DockerContext;
import io.github.dockerlessons.golang.GoText;
import io.github.dockerlessons.render.FieldContext;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A row of {@code docker context ls} as its templates see it (docker/cli's ClientContext): Name,
 * Description, DockerEndpoint, Current (a bool) and Error. Current has no header, as in the CLI:
 * the header row's {@code {{if .Current}} *{{end}}} then adds nothing.
 */
final class ContextFields {
    static final String DEFAULT_TABLE = "table {{.Name}}{{if .Current}} *{{end}}\t{{.Description}}\t{{.DockerEndpoint}}\t{{.Error}}";
    private static final String TYPE = "formatter.ClientContext";
    private static final Map<String, String> HEADERS = headers();

    private ContextFields() {
    }

    private static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Name", "NAME");
        headers.put("Description", "DESCRIPTION");
        headers.put("DockerEndpoint", "DOCKER ENDPOINT");
        headers.put("Error", "ERROR");
        return headers;
    }

    static FieldContext of(DockerContext context, boolean current) {
        return new FieldContext(TYPE, HEADERS, null)
                .put("Name", context::name)
                .put("Description", context::description)
                .put("DockerEndpoint", context::host)
                .putValue("Current", () -> current)
                .put("Error", () -> context.endpointError() == null ? "" : GoText.ellipsis(context.endpointError(), 45));
    }

    /** The context the header row comes from. */
    static FieldContext empty() {
        return of(DockerContext.defaultContext("", false), false);
    }
}
