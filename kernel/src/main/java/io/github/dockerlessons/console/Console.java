package io.github.dockerlessons.console;

import io.github.dockerlessons.render.Bundle;

/**
 * Where a running cell writes: its stdout and stderr streams, rich displays (some updated in place),
 * and the answer of a command; and where it can ask the user for a line of input. Implemented by
 * the protocol edge for a real cell and by the session for a substitution. Calls may come from
 * docker-java's callback threads.
 */
public interface Console {

    /**
     * A console that shows nothing: where a quiet pull or push sends its progress, and where the
     * commands a check runs by itself (exec, logs) write, since the check keeps their words.
     */
    Console NOWHERE = new Console() {
        @Override
        public void out(String text) {
        }

        @Override
        public void err(String text) {
        }

        @Override
        public void show(Bundle bundle) {
        }

        @Override
        public void result(Bundle bundle) {
        }
    };

    void out(String text);

    void err(String text);

    /** A display shown where it happens in the output (for example a table that is not the last). */
    void show(Bundle bundle);

    /** A command's answer; the cell's last answer becomes its result, earlier ones are shown. */
    void result(Bundle bundle);

    /** Shows a display that later {@link #update}s replace in place; returns its id. */
    default String showUpdatable(Bundle bundle) {
        show(bundle);
        return null;
    }

    /** Replaces a display shown with {@link #showUpdatable}. */
    default void update(String displayId, Bundle bundle) {
    }

    /**
     * Shows a display that may be replaced in place after this cell has ended (a live panel); null
     * when this console cannot keep one (a substitution, a silent request).
     */
    default LiveDisplay showLive(Bundle bundle) {
        show(bundle);
        return null;
    }

    /** Whether {@link #ask} can reach a person (the frontend allowed stdin for this cell). */
    default boolean canAsk() {
        return false;
    }

    /** One line typed by the user, without its newline; null when nobody can answer. */
    default String ask(String prompt) {
        return null;
    }
}
