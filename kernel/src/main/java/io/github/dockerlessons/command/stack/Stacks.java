package io.github.dockerlessons.command.stack;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.swarm.SwarmApi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stack is what carries the label {@code com.docker.stack.namespace=NAME}: its services, networks,
 * secrets, configs and tasks are found by that label alone, as the CLI finds them.
 */
final class Stacks {
    /** The label every object of a stack carries (the CLI's convert.LabelNamespace). */
    static final String NAMESPACE = "com.docker.stack.namespace";
    /** The image as the Compose file names it, on a stack's service (convert.LabelImage). */
    static final String IMAGE = "com.docker.stack.image";

    private Stacks() {
    }

    /** The CLI's validateStackName: empty, or only blanks and quotes, is refused. */
    static void checkName(String name) throws DockerError {
        if (name.replaceAll("^[\\s\"']+|[\\s\"']+$", "").isEmpty()) {
            throw new DockerError(1, "invalid stack name: \"" + name.replace("\"", "\\\"") + "\"", null);
        }
    }

    /** The filters of a stack's objects, with the user's own (--filter) before the label. */
    static Map<String, List<String>> filters(String stack, Map<String, List<String>> given) {
        Map<String, List<String>> filters = new LinkedHashMap<>(given);
        List<String> labels = new ArrayList<>(filters.getOrDefault("label", List.of()));
        labels.add(NAMESPACE + "=" + stack);
        filters.put("label", labels);
        return filters;
    }

    /** The objects a listing ({@code /services}, {@code /networks}...) has in the stack. */
    static List<JsonObject> of(CommandContext ctx, String path, String stack) throws DockerError, InterruptedException {
        return SwarmApi.list(ctx, path, filters(stack, Map.of()));
    }

    /** The name of a stack's object: a service's, secret's or config's Spec.Name, a network's Name. */
    static String name(JsonObject object) {
        String spec = SwarmApi.text(object, "Spec", "Name");
        return spec.isEmpty() ? SwarmApi.text(object, "Name") : spec;
    }
}
