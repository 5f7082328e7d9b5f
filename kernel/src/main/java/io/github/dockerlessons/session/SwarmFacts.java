package io.github.dockerlessons.session;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.swarm.SwarmApi;
import io.github.dockerlessons.i18n.Messages;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code %%check} facts about a swarm, asked of a manager: {@code service NAME replicas N} (N tasks
 * running and N wanted, the REPLICAS column of {@code service ls}), {@code service NAME image IMAGE},
 * {@code service NAME present|absent}, {@code node NAME ready|down|active|pause|drain} and
 * {@code stack NAME services N} (the services labelled com.docker.stack.namespace=NAME, as
 * {@code stack deploy} labels them).
 */
final class SwarmFacts {
    /** The label {@code docker stack deploy} puts on every service of a stack. */
    static final String STACK_LABEL = "com.docker.stack.namespace";
    private static final Set<String> NODE_STATES = Set.of("ready", "down", "unknown", "disconnected");
    private static final Set<String> AVAILABILITIES = Set.of("active", "pause", "drain");

    /** A line that states no fact; the caller names it in its error. */
    static final class NotAFact extends Exception {
        NotAFact() {
            super(null, null, false, false);
        }
    }

    private final Messages messages;

    SwarmFacts(Messages messages) {
        this.messages = messages;
    }

    Checks.Outcome check(String fact, List<String> w, CommandContext ctx)
            throws NotAFact, DockerError, InterruptedException {
        return switch (w.get(0)) {
            case "service" -> service(fact, w, ctx);
            case "node" -> node(fact, w, ctx);
            default -> stack(fact, w, ctx);
        };
    }

    private Checks.Outcome service(String fact, List<String> w, CommandContext ctx)
            throws NotAFact, DockerError, InterruptedException {
        if (w.size() < 3) {
            throw new NotAFact();
        }
        String name = w.get(1);
        String what = w.get(2);
        if ((what.equals("present") || what.equals("absent")) != (w.size() == 3)) {
            throw new NotAFact();
        }
        // the count is read before the engine is asked: "replicas -1" is no fact, whatever the engine says
        int replicas = what.equals("replicas") ? count(w.get(3)) : 0;
        JsonObject service = serviceNamed(ctx, name);
        switch (what) {
            case "present", "absent" -> {
                boolean wanted = what.equals("present");
                return outcome(fact, (service != null) == wanted,
                        messages.get(service != null ? "check.found.present" : "check.found.absent"),
                        "check.hint.service." + what, name);
            }
            case "replicas" -> {
                if (service == null) {
                    return outcome(fact, false, messages.get("check.found.no.service"), "check.hint.service.present", name);
                }
                String desired = SwarmApi.text(service, "Spec", "Mode", "Replicated", "Replicas");
                long running = SwarmApi.list(ctx, "/tasks", Map.of("service", List.of(SwarmApi.text(service, "ID")),
                        "desired-state", List.of("running"))).stream()
                        .filter(task -> SwarmApi.text(task, "ServiceID").equals(SwarmApi.text(service, "ID"))
                                && SwarmApi.text(task, "Status", "State").equals("running")).count();
                boolean holds = desired.equals(Integer.toString(replicas)) && running == replicas;
                return outcome(fact, holds, running + "/" + (desired.isEmpty() ? "global" : desired),
                        "check.hint.service.replicas", name);
            }
            case "image" -> {
                if (service == null) {
                    return outcome(fact, false, messages.get("check.found.no.service"), "check.hint.service.present", name);
                }
                String image = withoutDigest(SwarmApi.text(service, "Spec", "TaskTemplate", "ContainerSpec", "Image"));
                return outcome(fact, reference(image).equals(reference(w.get(3))), image, "check.hint.service.image", name);
            }
            default -> throw new NotAFact();
        }
    }

    private Checks.Outcome node(String fact, List<String> w, CommandContext ctx)
            throws NotAFact, DockerError, InterruptedException {
        if (w.size() != 3 || !(NODE_STATES.contains(w.get(2)) || AVAILABILITIES.contains(w.get(2)))) {
            throw new NotAFact();
        }
        String name = w.get(1);
        String what = w.get(2);
        JsonObject node = null;
        for (JsonObject each : SwarmApi.list(ctx, "/nodes", Map.of())) {
            if (SwarmApi.text(each, "Description", "Hostname").equals(name) || SwarmApi.text(each, "ID").equals(name)) {
                node = each;
                break;
            }
        }
        if (node == null) {
            return outcome(fact, false, messages.get("check.found.no.node"), "check.hint.node.present", name);
        }
        String state = SwarmApi.text(node, "Status", "State");
        String availability = SwarmApi.text(node, "Spec", "Availability");
        boolean holds = NODE_STATES.contains(what) ? state.equals(what) : availability.equals(what);
        return outcome(fact, holds, state + ", " + availability, "check.hint.node." + what, name);
    }

    private Checks.Outcome stack(String fact, List<String> w, CommandContext ctx)
            throws NotAFact, DockerError, InterruptedException {
        if (w.size() != 4 || !w.get(2).equals("services")) {
            throw new NotAFact();
        }
        int wanted = count(w.get(3));
        int found = SwarmApi.list(ctx, "/services", Map.of("label", List.of(STACK_LABEL + "=" + w.get(1)))).size();
        return outcome(fact, found == wanted, Integer.toString(found), "check.hint.stack.services", w.get(1));
    }

    /** The service called {@code name} (or with that ID), or null; the API's name filter also matches prefixes. */
    private static JsonObject serviceNamed(CommandContext ctx, String name) throws DockerError, InterruptedException {
        for (JsonObject service : SwarmApi.list(ctx, "/services", Map.of())) {
            if (SwarmApi.text(service, "Spec", "Name").equals(name) || SwarmApi.text(service, "ID").equals(name)) {
                return service;
            }
        }
        return null;
    }

    private static int count(String word) throws NotAFact {
        try {
            int n = Integer.parseInt(word);
            if (n < 0) {
                throw new NotAFact();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new NotAFact();
        }
    }

    private static String withoutDigest(String image) {
        int at = image.indexOf('@');
        return at < 0 ? image : image.substring(0, at);
    }

    /** An image reference as the engine resolves it: docker.io/library/ and :latest are implied. */
    static String reference(String image) {
        String name = withoutDigest(image);
        for (String prefix : List.of("docker.io/library/", "docker.io/", "index.docker.io/library/")) {
            if (name.startsWith(prefix)) {
                name = name.substring(prefix.length());
                break;
            }
        }
        int slash = name.lastIndexOf('/');
        return name.indexOf(':', slash + 1) < 0 ? name + ":latest" : name;
    }

    private Checks.Outcome outcome(String fact, boolean holds, String found, String hintKey, Object arg) {
        return new Checks.Outcome(fact, holds, holds ? null : found, holds ? null : messages.get(hintKey, arg));
    }
}
