package io.github.dockerlessons.console;

import io.github.dockerlessons.render.Bundle;

/**
 * Where a running cell writes: its stdout and stderr streams, rich displays, and the answer of a
 * command. Implemented by the protocol edge for a real cell and by the session for a substitution,
 * which keeps stdout as text. Calls may come from docker-java's callback threads.
 */
public interface Console {

    void out(String text);

    void err(String text);

    /** A display shown where it happens in the output (for example a table that is not the last). */
    void show(Bundle bundle);

    /** A command's answer; the cell's last answer becomes its result, earlier ones are shown. */
    void result(Bundle bundle);
}
