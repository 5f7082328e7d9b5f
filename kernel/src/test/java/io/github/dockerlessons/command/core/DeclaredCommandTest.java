package io.github.dockerlessons.command.core;

import io.github.dockerlessons.RecordingConsole;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.commands.DockerCommands;
import io.github.dockerlessons.engine.Cancellation;
import io.github.dockerlessons.engine.EngineDiscovery;
import io.github.dockerlessons.engine.EngineGateway;
import io.github.dockerlessons.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A command declares its spec once, in its constructor (issue 22: the spec() every class wrote for
 * itself was most of the duplicates pairs), and a class written the older way, implementing
 * DockerCommand with its own spec(), still registers and runs beside it.
 */
class DeclaredCommandTest {
    private static final Flag<Boolean> LOUD = Flag.bool('l', "loud");

    private final RecordingConsole console = new RecordingConsole();
    private final CommandContext ctx = new CommandContext(
            new EngineGateway(EngineDiscovery.fixed("unix:///nonexistent/docker.sock")), console,
            new Messages(Messages.ENGLISH), null, new Cancellation(), Clock.systemUTC(), Duration.ofSeconds(30));

    /** The way a command is written now. */
    private static final class GreetCommand extends DeclaredCommand {
        GreetCommand() {
            super(CommandSpec.command("greet", "docker greet [OPTIONS] CONTAINER [CONTAINER...]")
                    .aliases("docker greet")
                    .flags(LOUD)
                    .takes(Arity.atLeast(1), Arguments.each(NameKind.ANY_CONTAINER)));
        }

        @Override
        public void run(Invocation in, CommandContext ctx) {
            ctx.console().out((in.get(LOUD) ? "HELLO " : "hello ") + String.join(" ", in.args()) + "\n");
        }
    }

    /** The way a command was written before DeclaredCommand (as another branch may still write one). */
    private static final class WaveCommand implements DockerCommand {
        private static final CommandSpec SPEC = CommandSpec.command("wave", "docker wave")
                .arity(Arity.none())
                .build();

        @Override
        public CommandSpec spec() {
            return SPEC;
        }

        @Override
        public void run(Invocation in, CommandContext ctx) {
            ctx.console().out("waved\n");
        }
    }

    @Test
    void theSpecIsTheOneTheConstructorDeclared() {
        DockerCommand greet = new GreetCommand();
        assertSame(greet.spec(), greet.spec());
        assertEquals(List.of("greet"), greet.spec().path());
        assertEquals(List.of("docker greet"), greet.spec().aliases());
        assertEquals(Arity.atLeast(1), greet.spec().arity());
        assertEquals(Arguments.each(NameKind.ANY_CONTAINER), greet.spec().arguments());
        assertEquals(NameKind.ANY_CONTAINER, greet.spec().arguments().at(3));
    }

    @Test
    void aSpecThatSaysNothingOfArgumentsTakesNone() {
        CommandSpec spec = CommandSpec.command("quiet", "docker quiet").build();
        assertEquals(Arity.none(), spec.arity());
        assertEquals(Arguments.none(), spec.arguments());
    }

    @Test
    void bothWaysRegisterAndRunSideBySide() throws Exception {
        CommandRegistry registry = CommandRegistry.builder().add(new GreetCommand()).add(new WaveCommand()).build();
        registry.dispatch(List.of("greet", "-l", "web", "db"), ctx);
        registry.dispatch(List.of("wave"), ctx);
        assertEquals("HELLO web db\nwaved\n", console.out.toString());
        DockerError e = assertThrows(DockerError.class, () -> registry.dispatch(List.of("greet"), ctx));
        assertEquals("docker: 'docker greet' requires at least 1 argument\n\n"
                + "Usage:  docker greet [OPTIONS] CONTAINER [CONTAINER...]\n\n"
                + "See 'docker greet --help' for more information", e.cliText());
    }

    @Test
    void everyShippedCommandAnswersTheSameSpecEachTime() {
        for (DockerCommand command : DockerCommands.registry().commands()) {
            assertSame(command.spec(), command.spec(), command.getClass().getSimpleName());
        }
    }
}
