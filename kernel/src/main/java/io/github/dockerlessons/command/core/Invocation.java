package io.github.dockerlessons.command.core;

import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.ParsedFlags;

import java.util.List;

/**
 * One run of a command, as typed: the words the user called it by ({@code docker container ls}),
 * its flags read fresh for this run, and its arguments. Immutable; the options a command builds from
 * it are its own (docker/cli's {@code psOptions}), so two runs never share state.
 *
 * @param calledAs the command as the user named it, for messages ("docker container ls")
 */
public record Invocation(String calledAs, CommandSpec spec, ParsedFlags flags, List<String> args) {
    public Invocation {
        args = List.copyOf(args);
    }

    public <T> T get(Flag<T> flag) {
        return flags.get(flag);
    }

    public boolean isSet(Flag<?> flag) {
        return flags.isSet(flag);
    }

    public String arg(int index) {
        return args.get(index);
    }

    /** The arguments from {@code index} on. */
    public List<String> argsFrom(int index) {
        return args.subList(Math.min(index, args.size()), args.size());
    }

    /** The CLI's ending of a usage error: the usage line and where to read more. */
    public String usageTail() {
        return "\n\nUsage:  " + spec.usage() + "\n\nRun '" + calledAs + " --help' for more information";
    }
}
