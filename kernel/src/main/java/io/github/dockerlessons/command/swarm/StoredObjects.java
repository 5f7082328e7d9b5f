package io.github.dockerlessons.command.swarm;

/**
 * Secrets and configs, which the Swarm API keeps alike (/secrets, /configs): their commands are
 * written once, for both kinds ({@link StoredObjectCreateCommand}, {@link StoredObjectLsCommand},
 * {@link SwarmRmCommand}, and {@code ObjectInspectCommand} for inspect), the one difference being
 * the listing's DRIVER column.
 */
public enum StoredObjects {
    SECRET("secret", "/secrets"),
    CONFIG("config", "/configs");

    private final String kind;
    private final String path;

    StoredObjects(String kind, String path) {
        this.kind = kind;
        this.path = path;
    }

    /** "secret" or "config": the command group, and the word in messages and hint keys. */
    String kind() {
        return kind;
    }

    /** The API path of the collection ("/secrets"). */
    String path() {
        return path;
    }
}
