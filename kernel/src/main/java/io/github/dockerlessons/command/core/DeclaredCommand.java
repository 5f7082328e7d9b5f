package io.github.dockerlessons.command.core;

/**
 * A command that declares its {@link CommandSpec} in its constructor, right above its run method, as
 * docker/cli writes the cobra.Command literal beside its run function:
 *
 * <pre>{@code
 * public final class WaitCommand extends DeclaredCommand {
 *     public WaitCommand() {
 *         super(CommandSpec.command("wait", "docker wait CONTAINER [CONTAINER...]")
 *                 .aliases("docker container wait", "docker wait")
 *                 .takes(Arity.atLeast(1), Arguments.each(NameKind.ANY_CONTAINER)));
 *     }
 *
 *     public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
 * }</pre>
 *
 * The spec is built once, when the registry makes the command; a run reads its options from the
 * {@link Invocation} alone, so the command keeps no state between runs. Before this class each of the
 * 120 commands held its spec in a field and returned it from its own {@code spec()}: the same lines
 * in every file, which made 179 of the 368 pairs {@code duplicates} found in kernel/src/main.
 */
public abstract class DeclaredCommand implements DockerCommand {
    private final CommandSpec spec;

    protected DeclaredCommand(CommandSpec.Builder spec) {
        this(spec.build());
    }

    /** For a spec made elsewhere (a family's shared form, such as Compose's project flags). */
    protected DeclaredCommand(CommandSpec spec) {
        this.spec = spec;
    }

    @Override
    public final CommandSpec spec() {
        return spec;
    }
}
