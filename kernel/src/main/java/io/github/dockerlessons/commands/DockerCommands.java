package io.github.dockerlessons.commands;

import io.github.dockerlessons.command.compose.ComposeBuildCommand;
import io.github.dockerlessons.command.compose.ComposeCommand;
import io.github.dockerlessons.command.compose.ComposeConfigCommand;
import io.github.dockerlessons.command.compose.ComposeDownCommand;
import io.github.dockerlessons.command.compose.ComposeExecCommand;
import io.github.dockerlessons.command.compose.ComposeLogsCommand;
import io.github.dockerlessons.command.compose.ComposePsCommand;
import io.github.dockerlessons.command.compose.ComposePullCommand;
import io.github.dockerlessons.command.compose.ComposeRestartCommand;
import io.github.dockerlessons.command.compose.ComposeRunCommand;
import io.github.dockerlessons.command.compose.ComposeStartCommand;
import io.github.dockerlessons.command.compose.ComposeStopCommand;
import io.github.dockerlessons.command.compose.ComposeUpCommand;
import io.github.dockerlessons.command.compose.ComposeLsCommand;
import io.github.dockerlessons.command.compose.ComposeImagesCommand;
import io.github.dockerlessons.command.compose.ComposeTopCommand;
import io.github.dockerlessons.command.compose.ComposePortCommand;
import io.github.dockerlessons.command.compose.ComposeRmCommand;
import io.github.dockerlessons.command.compose.ComposeKillCommand;
import io.github.dockerlessons.command.compose.ComposePauseCommand;
import io.github.dockerlessons.command.compose.ComposeCpCommand;
import io.github.dockerlessons.command.compose.ComposeCreateCommand;
import io.github.dockerlessons.command.compose.ComposeWaitCommand;
import io.github.dockerlessons.command.compose.ComposeScaleCommand;
import io.github.dockerlessons.command.compose.ComposeEventsCommand;
import io.github.dockerlessons.command.compose.ComposeVersionCommand;
import io.github.dockerlessons.command.config.ConfigCreateCommand;
import io.github.dockerlessons.command.config.ConfigInspectCommand;
import io.github.dockerlessons.command.config.ConfigLsCommand;
import io.github.dockerlessons.command.config.ConfigRmCommand;
import io.github.dockerlessons.command.container.AttachCommand;
import io.github.dockerlessons.command.container.CommitCommand;
import io.github.dockerlessons.command.container.ContainerPruneCommand;
import io.github.dockerlessons.command.container.CpCommand;
import io.github.dockerlessons.command.container.CreateCommand;
import io.github.dockerlessons.command.container.DiffCommand;
import io.github.dockerlessons.command.container.ExecCommand;
import io.github.dockerlessons.command.container.ExportCommand;
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
import io.github.dockerlessons.command.container.UpdateCommand;
import io.github.dockerlessons.command.container.WaitCommand;
import io.github.dockerlessons.command.context.ContextCreateCommand;
import io.github.dockerlessons.command.context.ContextInspectCommand;
import io.github.dockerlessons.command.context.ContextLsCommand;
import io.github.dockerlessons.command.context.ContextRmCommand;
import io.github.dockerlessons.command.context.ContextShowCommand;
import io.github.dockerlessons.command.context.ContextUseCommand;
import io.github.dockerlessons.command.core.CommandRegistry;
import io.github.dockerlessons.command.core.DockerCommand;
import io.github.dockerlessons.command.image.BuildCommand;
import io.github.dockerlessons.command.image.HistoryCommand;
import io.github.dockerlessons.command.image.ImagePruneCommand;
import io.github.dockerlessons.command.image.ImagesCommand;
import io.github.dockerlessons.command.image.ImportCommand;
import io.github.dockerlessons.command.image.LoadCommand;
import io.github.dockerlessons.command.image.PullCommand;
import io.github.dockerlessons.command.image.PushCommand;
import io.github.dockerlessons.command.image.RmiCommand;
import io.github.dockerlessons.command.image.SaveCommand;
import io.github.dockerlessons.command.image.TagCommand;
import io.github.dockerlessons.command.network.NetworkConnectCommand;
import io.github.dockerlessons.command.network.NetworkCreateCommand;
import io.github.dockerlessons.command.network.NetworkDisconnectCommand;
import io.github.dockerlessons.command.network.NetworkInspectCommand;
import io.github.dockerlessons.command.network.NetworkLsCommand;
import io.github.dockerlessons.command.network.NetworkPruneCommand;
import io.github.dockerlessons.command.network.NetworkRmCommand;
import io.github.dockerlessons.command.node.NodeDemoteCommand;
import io.github.dockerlessons.command.node.NodeInspectCommand;
import io.github.dockerlessons.command.node.NodeLsCommand;
import io.github.dockerlessons.command.node.NodePromoteCommand;
import io.github.dockerlessons.command.node.NodePsCommand;
import io.github.dockerlessons.command.node.NodeRmCommand;
import io.github.dockerlessons.command.node.NodeUpdateCommand;
import io.github.dockerlessons.command.registry.LoginCommand;
import io.github.dockerlessons.command.registry.LogoutCommand;
import io.github.dockerlessons.command.registry.SearchCommand;
import io.github.dockerlessons.command.secret.SecretCreateCommand;
import io.github.dockerlessons.command.secret.SecretInspectCommand;
import io.github.dockerlessons.command.secret.SecretLsCommand;
import io.github.dockerlessons.command.secret.SecretRmCommand;
import io.github.dockerlessons.command.service.ServiceCreateCommand;
import io.github.dockerlessons.command.service.ServiceInspectCommand;
import io.github.dockerlessons.command.service.ServiceLogsCommand;
import io.github.dockerlessons.command.service.ServiceLsCommand;
import io.github.dockerlessons.command.service.ServicePsCommand;
import io.github.dockerlessons.command.service.ServiceRmCommand;
import io.github.dockerlessons.command.service.ServiceRollbackCommand;
import io.github.dockerlessons.command.service.ServiceScaleCommand;
import io.github.dockerlessons.command.service.ServiceUpdateCommand;
import io.github.dockerlessons.command.stack.StackDeployCommand;
import io.github.dockerlessons.command.stack.StackLsCommand;
import io.github.dockerlessons.command.stack.StackPsCommand;
import io.github.dockerlessons.command.stack.StackRmCommand;
import io.github.dockerlessons.command.stack.StackServicesCommand;
import io.github.dockerlessons.command.swarm.SwarmCaCommand;
import io.github.dockerlessons.command.swarm.SwarmInitCommand;
import io.github.dockerlessons.command.swarm.SwarmJoinCommand;
import io.github.dockerlessons.command.swarm.SwarmJoinTokenCommand;
import io.github.dockerlessons.command.swarm.SwarmLeaveCommand;
import io.github.dockerlessons.command.swarm.SwarmUnlockCommand;
import io.github.dockerlessons.command.swarm.SwarmUnlockKeyCommand;
import io.github.dockerlessons.command.swarm.SwarmUpdateCommand;
import io.github.dockerlessons.command.system.EventsCommand;
import io.github.dockerlessons.command.system.InfoCommand;
import io.github.dockerlessons.command.system.InspectCommand;
import io.github.dockerlessons.command.system.SystemDfCommand;
import io.github.dockerlessons.command.system.SystemPruneCommand;
import io.github.dockerlessons.command.system.VersionCommand;
import io.github.dockerlessons.command.volume.VolumeCreateCommand;
import io.github.dockerlessons.command.volume.VolumeInspectCommand;
import io.github.dockerlessons.command.volume.VolumeLsCommand;
import io.github.dockerlessons.command.volume.VolumePruneCommand;
import io.github.dockerlessons.command.volume.VolumeRmCommand;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The commands the kernel ships with, each at its own path, and the management forms that reach
 * the same commands ({@code docker container ls}, {@code docker image rm}, ...), as docker/cli's
 * command tree has them. Adding a command is its file and one line here (plus its words in the
 * bundles).
 */
public final class DockerCommands {
    private DockerCommands() {
    }

    public static CommandRegistry registry() {
        CommandRegistry.Builder b = CommandRegistry.builder();
        // docker container ...: the container commands, also callable at the top level
        DockerCommand run = new RunCommand();
        DockerCommand ps = new PsCommand();
        DockerCommand rm = new RmCommand();
        for (DockerCommand c : new DockerCommand[]{run, new CreateCommand(), new StartCommand(), new StopCommand(),
                new KillCommand(), new RestartCommand(), rm, new ExecCommand(), new LogsCommand(),
                new PauseCommand(), new UnpauseCommand(), new TopCommand(), new PortCommand(), new WaitCommand(),
                new RenameCommand(), new CpCommand(), new StatsCommand(), new AttachCommand(), new CommitCommand(),
                new DiffCommand(), new ExportCommand(), new UpdateCommand()}) {
            b.add(c).at("container " + c.spec().name(), c);
        }
        b.add(ps).at("container ls", ps).alias("container list", ps).alias("container ps", ps);
        b.alias("container remove", rm);
        b.add(new ContainerPruneCommand());
        DockerCommand inspect = new InspectCommand();
        b.add(inspect).at("container inspect", inspect).at("image inspect", inspect);

        // docker image ...
        DockerCommand images = new ImagesCommand();
        DockerCommand rmi = new RmiCommand();
        b.add(images).at("image ls", images).alias("image list", images);
        b.add(rmi).at("image rm", rmi).alias("image remove", rmi);
        for (DockerCommand c : new DockerCommand[]{new PullCommand(), new TagCommand(), new HistoryCommand(),
                new BuildCommand(), new ImportCommand(), new SaveCommand(), new LoadCommand(), new PushCommand()}) {
            b.add(c).at("image " + c.spec().name(), c);
        }
        b.add(new ImagePruneCommand());
        b.at("builder build", b.built("build"));

        // docker volume ..., docker network ..., docker system ...
        b.add(new VolumeLsCommand()).alias("volume list", b.built("volume ls"))
                .add(new VolumeCreateCommand()).add(new VolumeRmCommand()).alias("volume remove", b.built("volume rm"))
                .add(new VolumeInspectCommand()).add(new VolumePruneCommand())
                .groupUsage("volume", "docker volume COMMAND");
        b.add(new NetworkLsCommand()).alias("network list", b.built("network ls"))
                .add(new NetworkCreateCommand()).add(new NetworkRmCommand())
                .alias("network remove", b.built("network rm"))
                .add(new NetworkInspectCommand()).add(new NetworkConnectCommand()).add(new NetworkDisconnectCommand())
                .add(new NetworkPruneCommand());
        DockerCommand info = new InfoCommand();
        DockerCommand events = new EventsCommand();
        b.add(info).at("system info", info).add(events).at("system events", events).add(new SystemDfCommand())
                .add(new SystemPruneCommand());
        // docker context ...: the docker CLI's context store, which the kernel follows before every call
        b.add(new ContextLsCommand()).alias("context list", b.built("context ls"))
                .add(new ContextShowCommand()).add(new ContextInspectCommand()).add(new ContextUseCommand())
                .add(new ContextCreateCommand()).add(new ContextRmCommand())
                .alias("context remove", b.built("context rm"))
                .groupUsage("context", "docker context");
        // docker login, logout, search: the registry commands
        b.add(new LoginCommand()).add(new LogoutCommand()).add(new SearchCommand());
        b.add(new VersionCommand());
        // docker swarm ..., node ...: a Swarm cluster of engines (issue 24)
        b.add(new SwarmInitCommand()).add(new SwarmJoinCommand()).add(new SwarmJoinTokenCommand())
                .add(new SwarmLeaveCommand()).add(new SwarmUpdateCommand()).add(new SwarmUnlockKeyCommand())
                .add(new SwarmUnlockCommand()).add(new SwarmCaCommand());
        b.add(new NodeLsCommand()).alias("node list", b.built("node ls")).add(new NodeInspectCommand())
                .add(new NodePsCommand()).add(new NodeUpdateCommand()).add(new NodePromoteCommand())
                .add(new NodeDemoteCommand()).add(new NodeRmCommand()).alias("node remove", b.built("node rm"));
        b.add(new ServiceCreateCommand()).add(new ServiceLsCommand()).alias("service list", b.built("service ls"))
                .add(new ServicePsCommand()).add(new ServiceLogsCommand()).add(new ServiceInspectCommand()).add(new ServiceScaleCommand())
                .add(new ServiceUpdateCommand()).add(new ServiceRollbackCommand()).add(new ServiceRmCommand())
                .alias("service remove", b.built("service rm"));
        b.add(new SecretCreateCommand()).add(new SecretLsCommand()).alias("secret list", b.built("secret ls"))
                .add(new SecretInspectCommand()).add(new SecretRmCommand()).alias("secret remove", b.built("secret rm"));
        b.add(new StackDeployCommand()).alias("stack up", b.built("stack deploy")).add(new StackLsCommand())
                .alias("stack list", b.built("stack ls")).add(new StackPsCommand()).add(new StackServicesCommand())
                .add(new StackRmCommand()).alias("stack remove", b.built("stack rm")).alias("stack down", b.built("stack rm"));
        b.add(new ConfigCreateCommand()).add(new ConfigLsCommand()).alias("config list", b.built("config ls"))
                .add(new ConfigInspectCommand()).add(new ConfigRmCommand()).alias("config remove", b.built("config rm"));

        // docker compose ...: its project flags may come before the subcommand, which compose itself hands on
        AtomicReference<CommandRegistry> registry = new AtomicReference<>();
        b.add(new ComposeCommand(registry::get));
        for (DockerCommand c : new DockerCommand[]{new ComposeUpCommand(), new ComposeDownCommand(), new ComposePsCommand(),
                new ComposeLogsCommand(), new ComposeExecCommand(), new ComposeRunCommand(), new ComposeBuildCommand(),
                new ComposeStartCommand(), new ComposeStopCommand(), new ComposeRestartCommand(),
                new ComposeConfigCommand(), new ComposePullCommand(),
                new ComposeLsCommand(), new ComposeImagesCommand(), new ComposeTopCommand(), new ComposePortCommand(),
                new ComposeRmCommand(), new ComposeKillCommand(), ComposePauseCommand.pause(), ComposePauseCommand.unpause(),
                new ComposeCpCommand(registry::get), new ComposeCreateCommand(registry::get),
                new ComposeWaitCommand(registry::get), new ComposeEventsCommand(), new ComposeVersionCommand(),
                new ComposeScaleCommand(registry::get)}) {
            b.add(c);
        }
        registry.set(b.build());
        return registry.get();
    }
}
