package io.github.dockerlessons.command;

import io.github.dockerlessons.command.container.CreateCommand;
import io.github.dockerlessons.command.container.ExecCommand;
import io.github.dockerlessons.command.container.KillCommand;
import io.github.dockerlessons.command.container.LogsCommand;
import io.github.dockerlessons.command.container.PsCommand;
import io.github.dockerlessons.command.container.RestartCommand;
import io.github.dockerlessons.command.container.RmCommand;
import io.github.dockerlessons.command.container.RunCommand;
import io.github.dockerlessons.command.container.StartCommand;
import io.github.dockerlessons.command.container.StopCommand;
import io.github.dockerlessons.command.image.ImagesCommand;
import io.github.dockerlessons.command.image.PullCommand;
import io.github.dockerlessons.command.image.RmiCommand;
import io.github.dockerlessons.command.system.InfoCommand;
import io.github.dockerlessons.command.system.InspectCommand;
import io.github.dockerlessons.command.system.VersionCommand;

/** The commands the kernel ships with, and the management forms that reach them. */
public final class DockerCommands {
    private DockerCommands() {
    }

    public static CommandRegistry registry() {
        CommandRegistry registry = new CommandRegistry()
                .register(RunCommand::new)
                .register(CreateCommand::new)
                .register(StartCommand::new)
                .register(StopCommand::new)
                .register(KillCommand::new)
                .register(RestartCommand::new)
                .register(RmCommand::new)
                .register(PsCommand::new)
                .register(ExecCommand::new)
                .register(LogsCommand::new)
                .register(ImagesCommand::new)
                .register(PullCommand::new)
                .register(RmiCommand::new)
                .register(InspectCommand::new)
                .register(VersionCommand::new)
                .register(InfoCommand::new);
        for (String sub : new String[]{"run", "create", "start", "stop", "kill", "restart", "rm", "exec", "logs",
                "inspect"}) {
            registry.managementForm("container", sub, sub);
        }
        registry.managementForm("container", "ls", "ps").managementForm("container", "list", "ps")
                .managementForm("container", "ps", "ps").managementForm("container", "remove", "rm");
        registry.managementForm("image", "ls", "images").managementForm("image", "list", "images")
                .managementForm("image", "rm", "rmi").managementForm("image", "remove", "rmi")
                .managementForm("image", "pull", "pull").managementForm("image", "inspect", "inspect");
        return registry;
    }
}
