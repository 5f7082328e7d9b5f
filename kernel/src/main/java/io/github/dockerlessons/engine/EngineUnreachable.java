package io.github.dockerlessons.engine;

/**
 * No engine answers, or the configuration names none that the kernel can reach. The message is the
 * docker CLI's first line followed by every place tried (see {@link ConnectionDiagnosis}); the hint
 * key names an explanation in the reader's language.
 */
public final class EngineUnreachable extends Exception {
    private final ConnectionDiagnosis diagnosis;

    public EngineUnreachable(ConnectionDiagnosis diagnosis, Throwable cause) {
        super(diagnosis.cliText(), cause);
        this.diagnosis = diagnosis;
    }

    /** The host the failure is about ("" when the configuration itself is wrong). */
    public String host() {
        return diagnosis.host();
    }

    public ConnectionDiagnosis diagnosis() {
        return diagnosis;
    }

    public String hintKey() {
        return diagnosis.hintKey();
    }

    public Object[] hintArgs() {
        return diagnosis.hintArgs();
    }
}
