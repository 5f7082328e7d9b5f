package io.github.dockerlessons.render;

import io.github.dockerlessons.golang.GoText;

import io.github.dockerlessons.api.ImageSummary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * docker/cli's imageContext: one row per repository tag (and per digest when digests are shown),
 * with the methods {@code docker images --format} calls and their column names.
 */
public final class ImageFields {
    static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("Repository", "REPOSITORY"), Map.entry("Tag", "TAG"), Map.entry("ID", "IMAGE ID"),
            Map.entry("Digest", "DIGEST"), Map.entry("CreatedSince", "CREATED"), Map.entry("CreatedAt", "CREATED AT"),
            Map.entry("Size", "SIZE"), Map.entry("Containers", "CONTAINERS"), Map.entry("VirtualSize", "SIZE"),
            Map.entry("SharedSize", "SHARED SIZE"), Map.entry("UniqueSize", "UNIQUE SIZE"));

    private static final String TYPE = "formatter.imageContext";

    public static final String DEFAULT_TABLE =
            "{{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}";
    public static final String DIGESTS_TABLE = "{{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t"
            + "{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}";

    /** docker's undocumented {@code --format raw}, without and with digests. */
    static final String RAW = """
            repository: {{ .Repository }}
            tag: {{.Tag}}
            image_id: {{.ID}}
            created_at: {{.CreatedAt}}
            virtual_size: {{.Size}}
            """;
    static final String RAW_DIGESTS = """
            repository: {{ .Repository }}
            tag: {{.Tag}}
            digest: {{.Digest}}
            image_id: {{.ID}}
            created_at: {{.CreatedAt}}
            virtual_size: {{.Size}}
            """;

    private ImageFields() {
    }

    /** The rows of one image as the default table shows them (digests left out). */
    public static List<FieldContext> of(ImageSummary image, boolean truncate, Instant now) {
        return of(image, truncate, now, false, false);
    }

    /**
     * The rows of one image: a row per tag, with each digest of its repository when
     * {@code needDigest}; repositories known only by digest get a row of their own. An image with
     * neither is one row of {@code <none>}.
     */
    public static List<FieldContext> of(ImageSummary image, boolean truncate, Instant now, boolean needDigest,
                                        boolean showDigests) {
        List<FieldContext> rows = new ArrayList<>();
        String[] tags = image.getRepoTags() == null ? new String[0] : image.getRepoTags();
        String[] digests = image.getRepoDigests() == null ? new String[0] : image.getRepoDigests();
        boolean dangling = tags.length == 0 && digests.length == 0 || tags.length == 1 && tags[0].equals("<none>:<none>")
                && digests.length == 1 && digests[0].equals("<none>@<none>");
        if (dangling) {
            rows.add(row(image, "<none>", "<none>", "<none>", truncate, now));
            return rows;
        }
        Map<String, List<String>> repoTags = new LinkedHashMap<>();
        for (String reference : tags) {
            int colon = reference.lastIndexOf(':');
            if (colon <= reference.lastIndexOf('/') || reference.startsWith("<none>")) {
                continue;
            }
            repoTags.computeIfAbsent(familiar(reference.substring(0, colon)), k -> new ArrayList<>())
                    .add(reference.substring(colon + 1));
        }
        Map<String, List<String>> repoDigests = new LinkedHashMap<>();
        for (String reference : digests) {
            int at = reference.indexOf('@');
            if (at <= 0 || reference.startsWith("<none>")) {
                continue;
            }
            String repository = reference.substring(0, at);
            int colon = repository.lastIndexOf(':');
            if (colon > repository.lastIndexOf('/')) {
                repository = repository.substring(0, colon);
            }
            repoDigests.computeIfAbsent(familiar(repository), k -> new ArrayList<>()).add(reference.substring(at + 1));
        }
        repoTags.forEach((repository, repositoryTags) -> {
            List<String> repositoryDigests = repoDigests.remove(repository);
            for (String tag : repositoryTags) {
                if (!needDigest || repositoryDigests == null || repositoryDigests.isEmpty()) {
                    rows.add(row(image, repository, tag, "<none>", truncate, now));
                    continue;
                }
                for (String digest : repositoryDigests) {
                    rows.add(row(image, repository, tag, digest, truncate, now));
                }
            }
        });
        repoDigests.forEach((repository, repositoryDigests) -> {
            if (showDigests) {
                for (String digest : repositoryDigests) {
                    rows.add(row(image, repository, "<none>", digest, truncate, now));
                }
            } else {
                rows.add(row(image, repository, "<none>", "", truncate, now));
            }
        });
        return rows;
    }

    /** The context the header row comes from. */
    public static FieldContext empty(Instant now) {
        return row(ImageSummary.empty(), "", "", "", true, now);
    }

    private static FieldContext row(ImageSummary image, String repository, String tag, String digest, boolean truncate,
                                    Instant now) {
        long size = image.getSize() == null ? 0 : image.getSize();
        long shared = image.getSharedSize() == null ? -1 : image.getSharedSize();
        long created = image.getCreated() == null ? 0 : image.getCreated();
        return new FieldContext(TYPE, HEADERS, null)
                .put("Containers", () -> image.getContainers() == null || image.getContainers() == -1 ? "N/A"
                        : Integer.toString(image.getContainers()))
                .put("CreatedAt", () -> ContainerFields.goTime(created))
                .put("CreatedSince", () -> ContainerTable.created(created, now))
                .put("Digest", () -> digest)
                .put("ID", () -> ContainerTable.id(image.getId() == null ? "" : image.getId(), truncate))
                .put("Repository", () -> repository)
                .put("SharedSize", () -> shared == -1 ? "N/A" : GoText.humanSize(shared, 4))
                .put("Size", () -> GoText.humanSize(size))
                .put("Tag", () -> tag)
                .put("UniqueSize", () -> size == -1 || shared == -1 ? "N/A" : GoText.humanSize(size - shared, 4))
                .put("VirtualSize", () -> GoText.humanSize(size, 4));
    }

    /** reference.FamiliarName: Docker Hub names without "docker.io/" and "library/". */
    private static String familiar(String name) {
        if (name.startsWith("docker.io/library/")) {
            return name.substring("docker.io/library/".length());
        }
        if (name.startsWith("docker.io/")) {
            return name.substring("docker.io/".length());
        }
        return name;
    }
}
