package io.github.dockerlessons.command.core;

import io.github.dockerlessons.command.flags.FlagError;
import io.github.dockerlessons.command.flags.FlagSet;

import java.util.List;

/**
 * Names for a command's arguments that only the command knows how to find, as docker compose's own
 * ValidArgsFunction does: its services come from the Compose file its flags (-f, -p,
 * --project-directory) name, not from the engine. Declared beside the command, in its spec.
 */
@FunctionalInterface
public interface ArgumentCompleter {
    /**
     * The candidates for the argument at {@code position} (0-based), given what was typed before it
     * (flags parsed by the command's own flag set). Never waits long: a completion must not hang the kernel.
     */
    List<String> candidates(Invocation typed, int position);

    /**
     * What {@code spec}'s own completer offers after the words typed so far (flags and arguments);
     * nothing when the command has none, or when the words do not parse yet (a half-typed flag).
     */
    static List<String> offer(CommandSpec spec, String calledAs, List<String> typed) {
        ArgumentCompleter completer = spec.arguments().completer();
        if (completer == null) {
            return List.of();
        }
        try {
            FlagSet.Result parsed = spec.flags().parse(typed, spec.interspersed());
            return completer.candidates(new Invocation(calledAs, spec, parsed.flags(), parsed.args()),
                    parsed.args().size());
        } catch (FlagError | RuntimeException e) {
            return List.of(); // a file that cannot be read, words that do not parse: complete nothing rather than fail
        }
    }
}
