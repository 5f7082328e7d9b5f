package io.github.dockerlessons.script;

import java.util.List;

/** A parsed cell (or the inside of a substitution): its commands in order. */
public record Script(List<SimpleCommand> commands) {

    public Script {
        commands = List.copyOf(commands);
    }

    public boolean isEmpty() {
        return commands.isEmpty();
    }
}
