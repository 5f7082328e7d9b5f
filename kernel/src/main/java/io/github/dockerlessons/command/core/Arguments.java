package io.github.dockerlessons.command.core;

import io.github.dockerlessons.command.flags.NameKind;

import java.util.List;

/**
 * What a command's positional arguments name, for completion, as docker/cli's ValidArgsFunction
 * declares it beside each command: {@code start} names stopped containers, {@code rmi} images,
 * {@code run} an image and then the container's own command (nothing to complete).
 *
 * @param positions the kind of each leading argument
 * @param rest      the kind of every argument after those, or null when they name nothing
 * @param completer names the command finds itself (Compose's services), or null
 */
public record Arguments(List<NameKind> positions, NameKind rest, ArgumentCompleter completer) {
    public Arguments {
        positions = List.copyOf(positions);
    }

    public Arguments(List<NameKind> positions, NameKind rest) {
        this(positions, rest, null);
    }

    public static Arguments none() {
        return new Arguments(List.of(), null);
    }

    /** The arguments name what the command's own completer finds ({@code compose up web db}). */
    public static Arguments completedBy(ArgumentCompleter completer) {
        return new Arguments(List.of(), null, completer);
    }

    /** Every argument names one of these ({@code stop a b c}). */
    public static Arguments each(NameKind kind) {
        return new Arguments(List.of(), kind);
    }

    /** The first arguments name these kinds, the others nothing ({@code run IMAGE COMMAND...}). */
    public static Arguments first(NameKind... kinds) {
        return new Arguments(List.of(kinds), null);
    }

    /** The kind the argument at {@code index} (0-based) names, or null. */
    public NameKind at(int index) {
        return index < positions.size() ? positions.get(index) : rest;
    }
}
