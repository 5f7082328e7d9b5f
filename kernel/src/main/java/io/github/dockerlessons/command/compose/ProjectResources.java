package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.compose.ComposeNames;
import io.github.dockerlessons.compose.ComposeProject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A project's networks and named volumes: created when missing, removed by down, found by label. */
final class ProjectResources {
    private final CommandContext ctx;
    private final EngineSteps steps;

    ProjectResources(CommandContext ctx) {
        this.ctx = ctx;
        this.steps = new EngineSteps(ctx);
    }

    /** Creates the project's networks that the chosen services use and the engine lacks. */
    public void ensureNetworks(ComposeProject project, List<ComposeProject.Service> services, ProgressPanel progress)
            throws DockerError, InterruptedException {
        Set<String> used = new LinkedHashSet<>();
        for (ComposeProject.Service s : services) {
            used.addAll(s.networks().isEmpty() ? List.of("default") : s.networks().keySet());
        }
        for (ComposeProject.Network network : project.networks().values()) {
            if (!used.contains(network.key())) {
                continue;
            }
            steps.createIfMissing(progress, "Network", network.name(), network.external() ? "network "
                    + network.name() + " declared as external, but could not be found" : null,
                    name -> ctx.answer(client -> client.inspectNetworkCmd().withNetworkId(name).exec()),
                    name -> ctx.answer(client -> {
                        var cmd = client.createNetworkCmd().withName(name).withCheckDuplicate(true)
                                .withLabels(ComposeNames.networkLabels(project.name(), network))
                                .withInternal(network.internal()).withAttachable(network.attachable());
                        if (network.driver() != null) {
                            cmd.withDriver(network.driver());
                        }
                        if (!network.driverOpts().isEmpty()) {
                            cmd.withOptions(network.driverOpts());
                        }
                        return cmd.exec();
                    }));
        }
    }

    /** Creates the project's named volumes that the chosen services mount and the engine lacks. */
    public void ensureVolumes(ComposeProject project, List<ComposeProject.Service> services, ProgressPanel progress)
            throws DockerError, InterruptedException {
        Set<String> used = new LinkedHashSet<>();
        for (ComposeProject.Service s : services) {
            for (ComposeProject.Mount m : s.volumes()) {
                if (m.type().equals("volume") && m.source() != null) {
                    used.add(m.source());
                }
            }
        }
        for (ComposeProject.Volume volume : project.volumes().values()) {
            if (!used.contains(volume.key())) {
                continue;
            }
            steps.createIfMissing(progress, "Volume", volume.name(), volume.external() ? "external volume \""
                    + volume.name() + "\" not found" : null,
                    name -> ctx.answer(client -> client.inspectVolumeCmd(name).exec()),
                    name -> ctx.answer(client -> {
                        var cmd = client.createVolumeCmd().withName(name)
                                .withLabels(ComposeNames.volumeLabels(project.name(), volume));
                        if (volume.driver() != null) {
                            cmd.withDriver(volume.driver());
                        }
                        if (!volume.driverOpts().isEmpty()) {
                            cmd.withDriverOpts(volume.driverOpts());
                        }
                        return cmd.exec();
                    }));
        }
    }

    /** Removes networks by engine name, skipping ones that are gone; reports each. */
    public void removeNetworks(Collection<String> names, ProgressPanel progress) throws DockerError, InterruptedException {
        steps.removeEach(progress, "Network", names, name -> ctx.answer(client -> client.inspectNetworkCmd().withNetworkId(name).exec()),
                name -> ctx.answer(client -> client.removeNetworkCmd(name).exec()));
    }

    /** Removes volumes by engine name, skipping ones that are gone; reports each. */
    public void removeVolumes(Collection<String> names, ProgressPanel progress) throws DockerError, InterruptedException {
        steps.removeEach(progress, "Volume", names, name -> ctx.answer(client -> client.inspectVolumeCmd(name).exec()),
                name -> ctx.answer(client -> client.removeVolumeCmd(name).exec()));
    }

    /** The engine names of networks (or volumes) that carry the project's label, for down without a file. */
    public List<String> labelledNetworks(String project) throws DaemonError, DockerError, InterruptedException {
        List<String> names = new ArrayList<>();
        ctx.answer(client -> client.listNetworksCmd().withFilter("label", List.of(ComposeNames.PROJECT + "=" + project))
                .exec()).forEach(n -> names.add(n.getName()));
        return names;
    }

    public List<String> labelledVolumes(String project) throws DaemonError, DockerError, InterruptedException {
        List<String> names = new ArrayList<>();
        var response = ctx.answer(client -> client.listVolumesCmd()
                .withFilter("label", List.of(ComposeNames.PROJECT + "=" + project)).exec());
        if (response.getVolumes() != null) {
            response.getVolumes().forEach(v -> names.add(v.getName()));
        }
        return names;
    }
}
