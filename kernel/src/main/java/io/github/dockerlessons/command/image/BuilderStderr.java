package io.github.dockerlessons.command.image;

/**
 * The classic builder's output with each step's stderr as one red run. The engine wraps every read of
 * a RUN step's stderr in its own colour ("\033[91m" ... "\033[0m", moby's streamformatter), so where
 * the runs break follows how fast the step wrote (npm's warnings came in 3 pieces on one build, 5 on
 * the next): a terminal shows both the same, but each run is a span of its own in the notebook and in
 * the handout. A reset that is followed at once by the next red run is dropped with it, so the same
 * step gives the same text whatever its timing. At most the one reset is held back. The engine's
 * callback thread feeds it; the build's own thread ends it.
 */
final class BuilderStderr {
    static final String RED = "\u001b[91m";
    static final String RESET = "\u001b[0m";

    private boolean resetHeld;

    /** What to print now of the builder's next {@code stream} text. */
    synchronized String next(String stream) {
        String text = stream;
        if (resetHeld) {
            resetHeld = false;
            if (text.startsWith(RED)) {
                text = text.substring(RED.length());
            } else {
                text = RESET + text;
            }
        }
        if (text.endsWith(RESET)) {
            resetHeld = true;
            text = text.substring(0, text.length() - RESET.length());
        }
        return text;
    }

    /** What is still held when the build's output ends (or stops): the last run's reset, or nothing. */
    synchronized String end() {
        String held = resetHeld ? RESET : "";
        resetHeld = false;
        return held;
    }
}
