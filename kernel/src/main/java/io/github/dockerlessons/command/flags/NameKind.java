package io.github.dockerlessons.command.flags;

/**
 * The kinds of engine object a command's argument names, for completion. Containers come by state,
 * as docker/cli's completion offers them: {@code start} completes stopped containers, {@code stop}
 * running ones (those {@code docker ps} lists, paused included), {@code pause} running ones not yet
 * paused, {@code unpause} paused ones, {@code rm} any.
 */
public enum NameKind {
    ANY_CONTAINER,
    RUNNING_CONTAINER,
    UNPAUSED_CONTAINER,
    STOPPED_CONTAINER,
    PAUSED_CONTAINER,
    IMAGE,
    NETWORK,
    VOLUME,
    CONTEXT,
    NODE,
    SERVICE,
    SECRET,
    CONFIG,
    STACK
}
