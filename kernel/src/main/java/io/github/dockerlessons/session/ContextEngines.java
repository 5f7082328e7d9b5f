package io.github.dockerlessons.session;

import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.GlobalOptions;
import io.github.dockerlessons.engine.Engine;
import io.github.dockerlessons.engine.EngineGateway;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engines a {@code %%check} cell's {@code %context NAME} lines name, as {@code docker -c NAME} finds
 * them (from the session's context store), each opened once for the cell and closed with it.
 */
final class ContextEngines implements AutoCloseable {
    private final CommandContext base;
    private final Map<String, Engine> engines = new LinkedHashMap<>();

    ContextEngines(CommandContext base) {
        this.base = base;
    }

    /** What a fact's probes work with when asked of context {@code name}. */
    CommandContext of(String name) {
        Engine engine = engines.computeIfAbsent(name, n -> {
            try {
                return new EngineGateway(GlobalOptions.parse(List.of("--context", n)).discovery(base.discovery()));
            } catch (DockerError e) {
                throw new IllegalStateException(e); // --context alone is never refused
            }
        });
        return new CommandContext(engine, base.console(), base.messages(), null, base.cancellation(), base.clock(),
                base.quickCallLimit());
    }

    @Override
    public void close() {
        for (Engine engine : engines.values()) {
            try {
                engine.close();
            } catch (IOException | RuntimeException ignored) {
                // a check's own connection: nothing else uses it
            }
        }
    }
}
