package io.github.dockerlessons.compose;

/**
 * Checks that what a project's services name exists in it: networks, the service a network_mode
 * shares, secrets, configs, required depends_on services and named volumes; each missing one is an
 * error at the service's line in compose-go's words.
 */
final class ProjectReferences {
    private ProjectReferences() {
    }

    static void check(ComposeProject project, YamlNode.Mapping root, String file) throws ComposeFileError {
        YamlNode.Mapping servicesNode = (YamlNode.Mapping) root.get("services");
        for (ComposeProject.Service s : project.services().values()) {
            YamlNode.Position at = servicesNode.entries().get(s.name()).keyPosition();
            for (String network : s.networks().keySet()) {
                if (!project.networks().containsKey(network)) {
                    throw new ComposeFileError("service \"" + s.name() + "\" refers to undefined network " + network
                            + ": invalid compose project", file, at);
                }
            }
            String mode = s.settings().networkMode();
            if (mode != null && mode.startsWith("service:")
                    && !project.services().containsKey(mode.substring("service:".length()))) {
                throw new ComposeFileError("service \"" + s.name() + "\" depends on undefined service \""
                        + mode.substring("service:".length()) + "\": invalid compose project", file, at);
            }
            for (ComposeProject.FileMount secret : s.settings().secrets()) {
                if (!project.secrets().containsKey(secret.source())) {
                    throw new ComposeFileError("service \"" + s.name() + "\" refers to undefined secret "
                            + secret.source() + ": invalid compose project", file, at);
                }
            }
            for (ComposeProject.FileMount config : s.settings().configs()) {
                if (!project.configs().containsKey(config.source())) {
                    throw new ComposeFileError("service \"" + s.name() + "\" refers to undefined config "
                            + config.source() + ": invalid compose project", file, at);
                }
            }
            for (String dependency : s.dependsOn().keySet()) {
                if (!project.services().containsKey(dependency) && s.dependsOn().get(dependency).required()) {
                    throw new ComposeFileError("service \"" + s.name() + "\" depends on undefined service \""
                            + dependency + "\": invalid compose project", file, at);
                }
            }
            for (ComposeProject.Mount mount : s.volumes()) {
                if (mount.type().equals("volume") && mount.source() != null
                        && !project.volumes().containsKey(mount.source())) {
                    throw new ComposeFileError("service \"" + s.name() + "\" refers to undefined volume "
                            + mount.source() + ": invalid compose project", file, at);
                }
            }
        }
    }
}
