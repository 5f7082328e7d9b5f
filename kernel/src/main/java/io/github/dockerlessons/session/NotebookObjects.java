package io.github.dockerlessons.session;

import io.github.dockerlessons.api.ContainerSummary;
import io.github.dockerlessons.api.ImageSummary;
import com.github.dockerjava.api.model.Network;
import io.github.dockerlessons.command.core.NotebookRecord;
import io.github.dockerlessons.engine.Cancellation;
import io.github.dockerlessons.engine.Engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What belongs to this notebook: every container, volume and network it creates carries the label
 * {@value #SESSION_LABEL} with this kernel session's id (and, when the server says which notebook it
 * is, {@value #NOTEBOOK_LABEL}); the images it builds, commits or imports are remembered by ID. {@code %scope lesson} limits the listings to them;
 * {@code %reset} removes exactly them, never anything else.
 */
final class NotebookObjects implements NotebookRecord {
    static final String SESSION_LABEL = "io.github.dockerlessons.session";
    static final String NOTEBOOK_LABEL = "io.github.dockerlessons.notebook";

    private final Engine engine;
    private final String sessionId = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final boolean labelling;
    /** What every object this notebook creates is labelled with (empty when not labelling). */
    private final Map<String, String> labels = new LinkedHashMap<>();
    private volatile boolean scoped;
    /** Images this notebook built, committed or imported, by ID without "sha256:". */
    private final Set<String> images = ConcurrentHashMap.newKeySet();

    /** What {@code %reset} removed, by kind. */
    record Removed(List<String> containers, List<String> images, List<String> volumes, List<String> networks) {
        boolean isEmpty() {
            return containers.isEmpty() && images.isEmpty() && volumes.isEmpty() && networks.isEmpty();
        }
    }

    NotebookObjects(Engine engine, Map<String, String> environment) {
        this.engine = engine;
        // The differential tests compare the kernel's objects with the CLI's, label for label.
        this.labelling = !"off".equalsIgnoreCase(environment.getOrDefault("DOCKER_KERNEL_SESSION_LABELS", ""));
        if (labelling) {
            labels.put(SESSION_LABEL, sessionId);
            String notebook = environment.get("JPY_SESSION_NAME");
            if (notebook != null && !notebook.isBlank()) {
                labels.put(NOTEBOOK_LABEL, notebook);
            }
            engine.labelCreations(labels);
        }
    }

    /** Another engine (a command's `docker -c NAME`) labelling what it creates as the session's engine does. */
    Engine labelling(Engine other) {
        if (labelling) {
            other.labelCreations(labels);
        }
        return other;
    }

    @Override
    public void imageMade(String id) {
        images.add(id.replaceFirst("^sha256:", ""));
    }

    @Override
    public boolean owns(String imageId, Map<String, String> imageLabels) {
        return images.contains(imageId.replaceFirst("^sha256:", ""))
                || imageLabels != null && sessionId.equals(imageLabels.get(SESSION_LABEL));
    }

    boolean labelling() {
        return labelling;
    }

    /** The label filter of this notebook's objects, as {@code --filter label=...} takes it. */
    String filter() {
        return SESSION_LABEL + "=" + sessionId;
    }

    void scope(boolean lesson) {
        this.scoped = lesson;
    }

    boolean scoped() {
        return scoped;
    }

    /** Removes every container, image, volume and network this notebook made, and says which. */
    Removed reset(Cancellation cancellation, Duration limit) throws Exception {
        Map<String, List<String>> mine = Map.of("label", List.of(filter()));
        List<String> containers = new ArrayList<>();
        for (ContainerSummary container : engine.send(ContainerSummary.list(true, false, 0, mine), cancellation, limit)) {
            engine.call(client -> client.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true)
                    .exec(), cancellation, limit);
            containers.add(container.getNames() != null && container.getNames().length > 0
                    ? container.getNames()[0].replaceFirst("^/", "") : container.getId().substring(0, 12));
        }
        List<String> removedImages = new ArrayList<>();
        for (ImageSummary image : engine.send(ImageSummary.all(), cancellation, limit)) {
            if (!owns(image.getId(), image.getLabels())) {
                continue;
            }
            engine.call(client -> client.removeImageCmd(image.getId()).withForce(true).exec(), cancellation, limit);
            removedImages.add(image.getRepoTags() != null && image.getRepoTags().length > 0 && !image.getRepoTags()[0]
                    .startsWith("<none>") ? image.getRepoTags()[0] : image.getId().replaceFirst("^sha256:", "")
                    .substring(0, 12));
            images.remove(image.getId().replaceFirst("^sha256:", ""));
        }
        List<String> volumes = new ArrayList<>();
        var listed = engine.call(client -> {
            var cmd = client.listVolumesCmd();
            mine.forEach(cmd::withFilter);
            return cmd.exec().getVolumes();
        }, cancellation, limit);
        if (listed != null) {
            for (var volume : listed) {
                engine.call(client -> {
                    client.removeVolumeCmd(volume.getName()).exec();
                    return null;
                }, cancellation, limit);
                volumes.add(volume.getName());
            }
        }
        List<String> networks = new ArrayList<>();
        for (Network network : engine.call(client -> {
            var cmd = client.listNetworksCmd();
            mine.forEach(cmd::withFilter);
            return cmd.exec();
        }, cancellation, limit)) {
            engine.call(client -> {
                client.removeNetworkCmd(network.getId()).exec();
                return null;
            }, cancellation, limit);
            networks.add(network.getName());
        }
        return new Removed(containers, removedImages, volumes, networks);
    }
}
