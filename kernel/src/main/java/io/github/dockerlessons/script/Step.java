package io.github.dockerlessons.script;

/** One step of a cell, run in order: a docker command (with its assignments) or a notebook magic line. */
public sealed interface Step permits SimpleCommand, MagicLine {
    /** The 1-based line of the cell the step starts on. */
    int line();
}
