package io.github.dockerlessons.script;

/**
 * A cell that cannot be run as written. The message is a key in the message bundles with its
 * arguments, so the reader sees it in their language; {@link #incomplete()} tells input that more
 * lines could still complete (an open quote, a trailing backslash, an open heredoc or {@code $(}) from
 * input that can never parse.
 */
public class ScriptException extends Exception {
    private final String key;
    private final Object[] args;
    private final boolean incomplete;

    public ScriptException(boolean incomplete, String key, Object... args) {
        super(key);
        this.key = key;
        this.args = args.clone();
        this.incomplete = incomplete;
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }

    public boolean incomplete() {
        return incomplete;
    }
}
