package io.github.dockerlessons.session;

import io.github.dockerlessons.api.ContainerSummary;
import io.github.dockerlessons.api.ImageSummary;
import com.github.dockerjava.api.model.Network;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.engine.DockerContext;
import io.github.dockerlessons.engine.Engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The names completion offers, read from the engine by kind, the way docker/cli's completion
 * helpers do: containers by state (running, stopped, paused, any), images as {@code repo:tag} (and
 * {@code repo} for a latest tag), networks and volumes. A completion must never hang the kernel: the
 * engine gets a second, and without an answer there are simply no names.
 */
final class EngineNames {
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    private final Engine engine;
    private final Duration limit;

    EngineNames(Engine engine) {
        this(engine, ONE_SECOND);
    }

    /**
     * With another limit: a unit test's first engine call also loads docker-java's JSON mapping, which
     * takes over a second on a loaded machine, so a test that proves the names gives it more.
     */
    EngineNames(Engine engine, Duration limit) {
        this.engine = engine;
        this.limit = limit;
    }

    List<String> of(NameKind kind) {
        try {
            return switch (kind) {
                case ANY_CONTAINER -> containers(true, null);
                case RUNNING_CONTAINER -> containers(false, null);
                case UNPAUSED_CONTAINER -> containers(false, List.of("running", "restarting"));
                case STOPPED_CONTAINER -> containers(true, List.of("created", "exited"));
                case PAUSED_CONTAINER -> containers(true, List.of("paused"));
                case IMAGE -> images();
                case NETWORK -> engine.call(client -> client.listNetworksCmd().exec(), limit).stream()
                        .map(Network::getName).toList();
                case VOLUME -> {
                    var volumes = engine.call(client -> client.listVolumesCmd().exec(), limit).getVolumes();
                    yield volumes == null ? List.of() : volumes.stream().map(v -> v.getName()).toList();
                }
                case CONTEXT -> contexts();
                // Swarm objects, by name (nodes by hostname), as docker/cli's completion offers them
                case NODE -> engine.call(client -> client.listSwarmNodesCmd().exec(), limit).stream()
                        .map(n -> n.getDescription() == null ? n.getId() : n.getDescription().getHostname()).toList();
                case SERVICE -> engine.call(client -> client.listServicesCmd().exec(), limit).stream()
                        .map(s -> s.getSpec() == null ? s.getId() : s.getSpec().getName()).toList();
                case SECRET -> engine.call(client -> client.listSecretsCmd().exec(), limit).stream()
                        .map(s -> s.getSpec() == null ? s.getId() : s.getSpec().getName()).toList();
                case CONFIG -> engine.call(client -> client.listConfigsCmd().exec(), limit).stream()
                        .map(c -> c.getSpec() == null ? c.getId() : c.getSpec().getName()).toList();
                // stacks: the namespace label of the services that carry one, as docker/cli completes them
                case STACK -> engine.call(client -> client.listServicesCmd().exec(), limit).stream()
                        .map(s -> s.getSpec() == null || s.getSpec().getLabels() == null ? null
                                : s.getSpec().getLabels().get("com.docker.stack.namespace"))
                        .filter(java.util.Objects::nonNull).distinct().sorted().toList();
            };
        } catch (Exception e) {
            return List.of(); // no engine, or a slow one: complete what is known without it
        }
    }

    /** The default context and every stored one: files, not the engine, so they complete without one. */
    private List<String> contexts() throws Exception {
        List<String> names = new ArrayList<>(List.of(DockerContext.DEFAULT_NAME));
        engine.discovery().contexts().list().forEach(c -> names.add(c.name()));
        return names;
    }

    /** Container names: {@code all} as {@code ps -a} (else as {@code ps}), of the given states if any. */
    private List<String> containers(boolean all, List<String> states) throws Exception {
        List<ContainerSummary> containers = engine.send(ContainerSummary.list(all || states != null, false, 0,
                states == null ? Map.of() : Map.of("status", states)), limit);
        List<String> names = new ArrayList<>();
        for (ContainerSummary container : containers) {
            if (container.getNames() != null) {
                for (String name : container.getNames()) {
                    names.add(name.startsWith("/") ? name.substring(1) : name);
                }
            }
        }
        return names;
    }

    private List<String> images() throws Exception {
        List<ImageSummary> images = engine.send(ImageSummary.all(), limit);
        List<String> names = new ArrayList<>();
        for (ImageSummary image : images) {
            if (image.getRepoTags() != null) {
                for (String tag : image.getRepoTags()) {
                    if (!tag.startsWith("<none>")) {
                        names.add(tag);
                        if (tag.endsWith(":latest")) {
                            names.add(tag.substring(0, tag.length() - ":latest".length()));
                        }
                    }
                }
            }
        }
        return names;
    }
}
