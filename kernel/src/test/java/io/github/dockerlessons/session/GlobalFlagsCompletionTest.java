package io.github.dockerlessons.session;

import io.github.dockerlessons.commands.DockerCommands;
import io.github.dockerlessons.engine.EngineDiscovery;
import io.github.dockerlessons.engine.EngineGateway;
import io.github.dockerlessons.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Completion and help see the command after the CLI's global flags ({@code docker -c node2 ps --fo}); no engine needed. */
class GlobalFlagsCompletionTest {
    private final Session session = new Session(DockerCommands.registry(),
            new EngineGateway(EngineDiscovery.fixed("unix:///nonexistent/docker.sock")), new Messages(Messages.ENGLISH),
            Map.of(), Clock.systemUTC());

    private List<String> complete(String code) {
        return session.assistant().complete(code, code.length()).matches();
    }

    @Test
    void theCommandAfterGlobalFlagsCompletes() {
        assertTrue(complete("docker -c node2 ps --fo").contains("--format"));
        assertTrue(complete("docker -H unix:///x.sock --tlsverify=false sto").contains("stop"));
        assertTrue(complete("docker --context=node2 volume ").contains("ls"));
        assertTrue(complete("docker -c node2 ").contains("ps"));
    }
}
