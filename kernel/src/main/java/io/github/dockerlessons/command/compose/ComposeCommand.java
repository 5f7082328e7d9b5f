package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.command.core.ArgumentCompleter;
import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandRegistry;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DockerCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.HelpText;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code docker compose} itself: its project flags before the subcommand
 * ({@code docker compose -f web.yaml -p shop up -d}) are handed to the subcommand, which takes them as
 * its own; alone or with --help it shows its options and its commands, as Compose's help does.
 */
public final class ComposeCommand implements DockerCommand {
    /** Declared so that compose's help is its own (options and commands), not the generic one. */
    private static final Flag<Boolean> HELP = Flag.bool('h', "help").hidden();

    private final Supplier<CommandRegistry> registry;
    private final CommandSpec spec;

    /** @param registry the registry this command is part of (its subcommands live there) */
    public ComposeCommand(Supplier<CommandRegistry> registry) {
        this.registry = registry;
        this.spec = CommandSpec.command("compose", "docker compose [OPTIONS] COMMAND")
                .flags(ComposeProjectFlags.SHOWN).flags(HELP)
                .arity(Arity.atLeast(0))
                .arguments(Arguments.completedBy(this::complete))
                .flagsEndAtFirstArgument()
                .build();
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    /**
     * After the project flags ({@code docker compose -f web.yaml ...}): the subcommands, then what the
     * subcommand completes, given the same flags ({@code compose -f web.yaml up <TAB>} offers web.yaml's services).
     */
    private List<String> complete(Invocation typed, int position) {
        Map<String, DockerCommand> commands = registry.get().groups().getOrDefault("compose", Map.of());
        if (position == 0) {
            return List.copyOf(commands.keySet());
        }
        DockerCommand command = commands.get(typed.arg(0));
        if (command == null) {
            return List.of();
        }
        List<String> words = new ArrayList<>(ComposeProjectFlags.words(typed));
        words.addAll(typed.argsFrom(1));
        return ArgumentCompleter.offer(command.spec(), "docker compose " + typed.arg(0), words);
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        Map<String, DockerCommand> commands = registry.get().groups().getOrDefault("compose", Map.of());
        if (in.args().isEmpty() || in.get(HELP)) {
            ctx.console().out(help(spec, commands, ctx));
            return;
        }
        String name = in.arg(0);
        if (!commands.containsKey(name)) {
            ctx.console().out(help(spec, commands, ctx));
            throw new DockerError(1, "unknown docker command: \"compose " + name + "\"", "hint.unknown.command", name);
        }
        List<String> argv = new ArrayList<>(List.of("compose", name));
        argv.addAll(ComposeProjectFlags.words(in));
        argv.addAll(in.argsFrom(1));
        registry.get().dispatch(argv, ctx);
    }

    /** Compose's help: usage, description, the project options, and the commands. */
    private static String help(CommandSpec spec, Map<String, DockerCommand> commands, CommandContext ctx) {
        StringBuilder out = new StringBuilder(HelpText.of(spec, ctx.messages()));
        out.append('\n').append(ctx.messages().get("help.commands")).append('\n');
        int width = commands.keySet().stream().mapToInt(String::length).max().orElse(0) + 3;
        commands.forEach((name, command) -> out.append("  ").append(name).append(" ".repeat(width - name.length()))
                .append(ctx.messages().get(command.spec().descriptionKey())).append('\n'));
        out.append("\nRun 'docker compose COMMAND --help' for more information on a command.\n");
        return out.toString();
    }
}
