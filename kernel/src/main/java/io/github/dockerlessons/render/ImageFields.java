package io.github.dockerlessons.render;

import com.github.dockerjava.api.model.Image;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * docker/cli's ImageContext: one row per repository tag (or per digest with --digests), with the
 * fields {@code docker images --format} knows.
 */
public final class ImageFields {
    static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("Repository", "REPOSITORY"), Map.entry("Tag", "TAG"), Map.entry("ID", "IMAGE ID"),
            Map.entry("Digest", "DIGEST"), Map.entry("CreatedSince", "CREATED"), Map.entry("CreatedAt", "CREATED AT"),
            Map.entry("Size", "SIZE"), Map.entry("Containers", "CONTAINERS"), Map.entry("VirtualSize", "SIZE"),
            Map.entry("SharedSize", "SHARED SIZE"), Map.entry("UniqueSize", "UNIQUE SIZE"));

    public static final String DEFAULT_TABLE = "{{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}";
    public static final String DIGESTS_TABLE =
            "{{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}";

    private ImageFields() {
    }

    /** The rows of one image: a row per tag; an untagged image is one row of {@code <none>}. */
    public static List<FieldContext> of(Image image, boolean truncate, Instant now) {
        List<FieldContext> rows = new ArrayList<>();
        String[] tags = image.getRepoTags();
        String[] digests = image.getRepoDigests();
        if (tags == null || tags.length == 0 || (tags.length == 1 && tags[0].equals("<none>:<none>"))) {
            String digest = digests != null && digests.length > 0 ? digestOf(digests[0]) : "<none>";
            String repository = digests != null && digests.length > 0 ? repositoryOf(digests[0], '@') : "<none>";
            rows.add(row(image, repository, "<none>", digest, truncate, now));
            return rows;
        }
        for (String repoTag : tags) {
            String repository = repositoryOf(repoTag, ':');
            int colon = repoTag.lastIndexOf(':');
            String tag = colon > repoTag.lastIndexOf('/') ? repoTag.substring(colon + 1) : "<none>";
            String digest = "<none>";
            if (digests != null) {
                for (String d : digests) {
                    if (repositoryOf(d, '@').equals(repository)) {
                        digest = digestOf(d);
                    }
                }
            }
            rows.add(row(image, repository, tag, digest, truncate, now));
        }
        return rows;
    }

    private static FieldContext row(Image image, String repository, String tag, String digest, boolean truncate,
                                    Instant now) {
        String size = GoText.humanSize(image.getSize() == null ? 0 : image.getSize());
        return new FieldContext(HEADERS, image.getLabels())
                .put("Containers", () -> image.getContainers() == null || image.getContainers() < 0 ? "N/A"
                        : Integer.toString(image.getContainers()))
                .put("CreatedAt", () -> ContainerFields.goTime(image.getCreated()))
                .put("CreatedSince", () -> ContainerTable.created(image.getCreated(), now))
                .put("Digest", () -> digest)
                .put("ID", () -> ContainerTable.id(image.getId(), truncate))
                .put("Repository", () -> repository)
                .put("SharedSize", () -> "N/A")
                .put("Size", () -> size)
                .put("Tag", () -> tag)
                .put("UniqueSize", () -> "N/A")
                .put("VirtualSize", () -> size);
    }

    private static String repositoryOf(String reference, char separator) {
        int at = reference.lastIndexOf(separator);
        if (separator == ':' && at <= reference.lastIndexOf('/')) {
            return familiar(reference);
        }
        return familiar(at < 0 ? reference : reference.substring(0, at));
    }

    /**
     * The name as the CLI shows it (reference.FamiliarName): Docker Hub's "docker.io/" and its official
     * images' "library/" are left out. Docker Engine already answers with short names; Podman answers
     * "docker.io/library/busybox".
     */
    private static String familiar(String repository) {
        if (repository.startsWith("docker.io/library/") && repository.indexOf('/', "docker.io/library/".length()) < 0) {
            return repository.substring("docker.io/library/".length());
        }
        return repository.startsWith("docker.io/") ? repository.substring("docker.io/".length()) : repository;
    }

    private static String digestOf(String repoDigest) {
        int at = repoDigest.indexOf('@');
        return at < 0 ? "<none>" : repoDigest.substring(at + 1);
    }
}
