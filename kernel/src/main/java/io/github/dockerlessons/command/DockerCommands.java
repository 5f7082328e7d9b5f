package io.github.dockerlessons.command;

import io.github.dockerlessons.command.container.AttachCommand;
import io.github.dockerlessons.command.container.ContainerPruneCommand;
import io.github.dockerlessons.command.container.CpCommand;
import io.github.dockerlessons.command.container.CreateCommand;
import io.github.dockerlessons.command.container.ExecCommand;
import io.github.dockerlessons.command.container.KillCommand;
import io.github.dockerlessons.command.container.LogsCommand;
import io.github.dockerlessons.command.container.PauseCommand;
import io.github.dockerlessons.command.container.PortCommand;
import io.github.dockerlessons.command.container.PsCommand;
import io.github.dockerlessons.command.container.RenameCommand;
import io.github.dockerlessons.command.container.RestartCommand;
import io.github.dockerlessons.command.container.RmCommand;
import io.github.dockerlessons.command.container.RunCommand;
import io.github.dockerlessons.command.container.StartCommand;
import io.github.dockerlessons.command.container.StatsCommand;
import io.github.dockerlessons.command.container.StopCommand;
import io.github.dockerlessons.command.container.TopCommand;
import io.github.dockerlessons.command.container.UnpauseCommand;
import io.github.dockerlessons.command.container.WaitCommand;
import io.github.dockerlessons.command.image.BuildCommand;
import io.github.dockerlessons.command.image.HistoryCommand;
import io.github.dockerlessons.command.image.ImagePruneCommand;
import io.github.dockerlessons.command.image.ImagesCommand;
import io.github.dockerlessons.command.image.PullCommand;
import io.github.dockerlessons.command.image.RmiCommand;
import io.github.dockerlessons.command.image.TagCommand;
import io.github.dockerlessons.command.network.NetworkCommands;
import io.github.dockerlessons.command.system.EventsCommand;
import io.github.dockerlessons.command.system.InfoCommand;
import io.github.dockerlessons.command.system.InspectCommand;
import io.github.dockerlessons.command.system.SystemDfCommand;
import io.github.dockerlessons.command.system.VersionCommand;
import io.github.dockerlessons.command.volume.VolumeCommands;

/**
 * The commands the kernel ships with, and the management forms that reach them
 * ({@code docker container ls}, {@code docker volume create}, ...). Commands reached only through a
 * group are named "group.sub".
 */
public final class DockerCommands {
    private static final String[] CONTAINER_SUBCOMMANDS = {"run", "create", "start", "stop", "kill", "restart", "rm",
            "exec", "logs", "inspect", "pause", "unpause", "top", "port", "wait", "rename", "cp", "stats", "attach"};

    private DockerCommands() {
    }

    public static CommandRegistry registry() {
        CommandRegistry registry = new CommandRegistry()
                .register(RunCommand::new).register(CreateCommand::new).register(StartCommand::new)
                .register(StopCommand::new).register(KillCommand::new).register(RestartCommand::new)
                .register(RmCommand::new).register(PsCommand::new).register(ExecCommand::new)
                .register(LogsCommand::new).register(PauseCommand::new).register(UnpauseCommand::new)
                .register(TopCommand::new).register(PortCommand::new).register(WaitCommand::new)
                .register(RenameCommand::new).register(CpCommand::new).register(StatsCommand::new)
                .register(ImagesCommand::new).register(PullCommand::new).register(RmiCommand::new)
                .register(TagCommand::new).register(HistoryCommand::new).register(BuildCommand::new)
                .register(InspectCommand::new).register(VersionCommand::new).register(InfoCommand::new)
                .register(AttachCommand::new).register(EventsCommand::new)
                .register(ContainerPruneCommand::new).register(ImagePruneCommand::new)
                .register(SystemDfCommand::new)
                .register(VolumeCommands.Ls::new).register(VolumeCommands.Create::new)
                .register(VolumeCommands.Rm::new).register(VolumeCommands.Inspect::new)
                .register(NetworkCommands.Ls::new).register(NetworkCommands.Create::new)
                .register(NetworkCommands.Rm::new).register(NetworkCommands.Inspect::new)
                .register(NetworkCommands.Connect::new).register(NetworkCommands.Disconnect::new);
        for (String sub : CONTAINER_SUBCOMMANDS) {
            registry.managementForm("container", sub, sub);
        }
        registry.managementForm("container", "ls", "ps").managementForm("container", "list", "ps")
                .managementForm("container", "ps", "ps").managementForm("container", "remove", "rm")
                .managementForm("container", "prune", "container.prune");
        registry.managementForm("image", "ls", "images").managementForm("image", "list", "images")
                .managementForm("image", "rm", "rmi").managementForm("image", "remove", "rmi")
                .managementForm("image", "pull", "pull").managementForm("image", "inspect", "inspect")
                .managementForm("image", "tag", "tag").managementForm("image", "history", "history")
                .managementForm("image", "build", "build").managementForm("image", "prune", "image.prune");
        registry.managementForm("volume", "ls", "volume.ls").managementForm("volume", "list", "volume.ls")
                .managementForm("volume", "create", "volume.create").managementForm("volume", "rm", "volume.rm")
                .managementForm("volume", "remove", "volume.rm").managementForm("volume", "inspect", "volume.inspect");
        registry.managementForm("network", "ls", "network.ls").managementForm("network", "list", "network.ls")
                .managementForm("network", "create", "network.create").managementForm("network", "rm", "network.rm")
                .managementForm("network", "remove", "network.rm")
                .managementForm("network", "inspect", "network.inspect")
                .managementForm("network", "connect", "network.connect")
                .managementForm("network", "disconnect", "network.disconnect");
        registry.managementForm("system", "df", "system.df").managementForm("system", "info", "info")
                .managementForm("system", "events", "events");
        registry.managementForm("builder", "build", "build");
        return registry;
    }
}
