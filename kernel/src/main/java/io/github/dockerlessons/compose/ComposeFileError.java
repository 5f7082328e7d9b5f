package io.github.dockerlessons.compose;

/**
 * A Compose file that cannot be used, in Compose's own words, with where in which file the problem
 * is (when it has a place): the kernel shows the words as Compose prints them and the place beside
 * them, with the offending line.
 */
public final class ComposeFileError extends Exception {
    private final String file;
    private final YamlNode.Position position;
    private final boolean unsupported;
    private final Limit limit;

    /**
     * A limit the kernel sets where Compose has none or a larger one (the kernel's heap is small): the
     * hint's message key and arguments, which name the limit in the reader's language.
     */
    public record Limit(String hintKey, Object... args) { }

    public ComposeFileError(String composeText, String file, YamlNode.Position position) {
        this(composeText, file, position, false, null);
    }

    private ComposeFileError(String composeText, String file, YamlNode.Position position, boolean unsupported,
                             Limit limit) {
        super(composeText, null, false, false);
        this.file = file;
        this.position = position;
        this.unsupported = unsupported;
        this.limit = limit;
    }

    /** A file that goes past one of the kernel's limits: {@code limit} says which, in a hint. */
    public static ComposeFileError limit(String text, String file, YamlNode.Position position, Limit limit) {
        return new ComposeFileError(text, file, position, false, limit);
    }

    /** The stop button ended the load. */
    static ComposeFileError stopped() {
        return new ComposeFileError("interrupted", null, null, false, new Limit(STOPPED));
    }

    private static final String STOPPED = "stopped";

    /** Whether the stop button ended the load (the cell reports an interrupt, not an error). */
    public boolean isStopped() {
        return limit != null && limit.hintKey().equals(STOPPED);
    }

    /** The kernel's limit this file went past, or null. */
    public Limit limitExceeded() {
        return isStopped() ? null : limit;
    }

    /**
     * A key the Compose specification has and this kernel does not carry out: refused at its place
     * rather than ignored, so a lesson never seems to work while doing less than it says.
     */
    public static ComposeFileError unsupported(String path, String file, YamlNode.Position position) {
        return new ComposeFileError(path + ": not supported by this kernel", file, position, true, null);
    }

    /** Whether this is a key the kernel does not carry out (not an error Compose would make). */
    public boolean isUnsupported() {
        return unsupported;
    }

    public ComposeFileError(String composeText) {
        this(composeText, null, null);
    }

    /** The file the problem is in, or null. */
    public String file() {
        return file;
    }

    /** Where in the file, or null. */
    public YamlNode.Position position() {
        return position;
    }

    /** The same problem placed in {@code file} at {@code position}, unless it already has a place. */
    public ComposeFileError at(String inFile, YamlNode.Position at) {
        return position != null ? this : new ComposeFileError(getMessage(), inFile, at, unsupported, limit);
    }
}
