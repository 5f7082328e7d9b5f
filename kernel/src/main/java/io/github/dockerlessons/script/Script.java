package io.github.dockerlessons.script;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed cell (or the inside of a substitution): its steps in order, or, for a cell that starts
 * with {@code %%}, its cell magic.
 *
 * @param cellMagic the cell magic, or null for a cell of steps
 */
public record Script(List<Step> steps, CellMagic cellMagic) {

    public Script {
        steps = List.copyOf(steps);
    }

    public Script(List<Step> steps) {
        this(steps, null);
    }

    /** The docker commands among the steps. */
    public List<SimpleCommand> commands() {
        List<SimpleCommand> commands = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof SimpleCommand command) {
                commands.add(command);
            }
        }
        return commands;
    }

    public boolean isEmpty() {
        return steps.isEmpty() && cellMagic == null;
    }
}
