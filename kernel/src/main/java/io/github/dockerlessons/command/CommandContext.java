package io.github.dockerlessons.command;

import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.engine.Cancellation;
import io.github.dockerlessons.engine.EngineGateway;
import io.github.dockerlessons.i18n.Messages;

import java.time.Clock;

/**
 * What one command invocation works with.
 *
 * @param stdin the bytes of the command's heredoc, or null when it has none
 */
public record CommandContext(EngineGateway engine, Console console, Messages messages, byte[] stdin,
                             Cancellation cancellation, Clock clock) {
}
