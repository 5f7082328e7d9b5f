package io.github.dockerlessons.command.image;

/**
 * An image reference as the CLI reads it: {@code busybox} means {@code busybox:latest}, and its
 * canonical name is {@code docker.io/library/busybox:latest}.
 */
public record ImageReference(String repository, String tag, String digest) {

    public static ImageReference parse(String reference) {
        String digest = null;
        String rest = reference;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        return new ImageReference(rest, tag, digest);
    }

    public boolean hasTagOrDigest() {
        return tag != null || digest != null;
    }

    /** The reference with ":latest" added when it names neither tag nor digest. */
    public String familiar() {
        if (digest != null) {
            return repository + (tag == null ? "" : ":" + tag) + "@" + digest;
        }
        return repository + ":" + (tag == null ? "latest" : tag);
    }

    /** The tag to pull: the given one, or latest. */
    public String tagOrLatest() {
        return tag == null ? "latest" : tag;
    }

    /** {@code docker.io/library/busybox:latest}, as {@code docker pull} prints it last. */
    public String canonical() {
        String repo = repository;
        int slash = repo.indexOf('/');
        String first = slash < 0 ? "" : repo.substring(0, slash);
        boolean hasRegistry = slash >= 0 && (first.contains(".") || first.contains(":") || first.equals("localhost"));
        if (!hasRegistry) {
            repo = "docker.io/" + (slash < 0 ? "library/" : "") + repo;
        }
        return digest != null ? repo + "@" + digest : repo + ":" + tagOrLatest();
    }
}
