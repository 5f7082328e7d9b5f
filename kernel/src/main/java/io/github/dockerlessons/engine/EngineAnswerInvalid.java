package io.github.dockerlessons.engine;

/**
 * The engine answered, but not with what the Docker API describes: JSON that does not parse (the
 * text is Go's words for it, as the CLI prints them) or an answer larger than the kernel reads for a
 * listing or an inspection. The message key and arguments say it in the reader's language.
 */
public final class EngineAnswerInvalid extends RuntimeException {
    private final String hintKey;
    private final transient Object[] hintArgs;

    public EngineAnswerInvalid(String cliText, String hintKey, Object... hintArgs) {
        super(cliText, null, false, false);
        this.hintKey = hintKey;
        this.hintArgs = hintArgs.clone();
    }

    /** The message key of the hint. */
    public String hintKey() {
        return hintKey;
    }

    public Object[] hintArgs() {
        return hintArgs.clone();
    }
}
