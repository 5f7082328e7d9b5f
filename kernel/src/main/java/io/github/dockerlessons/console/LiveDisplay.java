package io.github.dockerlessons.console;

import io.github.dockerlessons.render.Bundle;

/**
 * A display that outlives the cell that showed it: a live panel keeps replacing it in place from a
 * background thread while other cells run. Updates go out as update_display_data with the parent
 * header of the cell that opened it.
 */
public interface LiveDisplay {
    /** The display's id, unique per run (display ids are not saved with the notebook). */
    String id();

    /** Replaces what the display shows, wherever the frontend shows it. */
    void update(Bundle bundle);
}
