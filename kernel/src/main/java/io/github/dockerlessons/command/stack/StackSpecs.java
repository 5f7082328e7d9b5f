package io.github.dockerlessons.command.stack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.compose.ComposeProject;
import io.github.dockerlessons.compose.SwarmDeploy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A loaded Compose project as the engine's swarm specs, the way the CLI's compose/convert makes them
 * for {@code docker stack deploy}: every name scoped as {@code STACK_key} unless the file gives one,
 * every object labelled {@code com.docker.stack.namespace=STACK}, the service's {@code deploy:} as its
 * mode, placement, resources, update, rollback and restart policies. Pure: no engine is asked.
 */
final class StackSpecs {
    /**
     * The project name the loader is given: names it makes as {@code PLACEHOLDER_key} are the file's
     * own keys, scoped again here with the stack's name (a stack name need not be a Compose project name).
     */
    static final String PLACEHOLDER = "docker-lessons-stack-0";
    private static final Set<String> BUILT_IN_NETWORKS = Set.of("host", "bridge", "none", "default", "nat");

    private final String stack;
    private final ComposeProject project;

    StackSpecs(String stack, ComposeProject project) {
        this.stack = stack;
        this.project = project;
    }

    /** {@code STACK_key}, or the name the file gives. */
    String scoped(String key, String loaderName) {
        return loaderName == null || loaderName.equals(PLACEHOLDER + "_" + key) ? stack + "_" + key : loaderName;
    }

    /** The networks the services use (default when a service names none), by engine name; external ones apart. */
    Map<String, JsonObject> networks(List<String> external) {
        Map<String, JsonObject> created = new TreeMap<>();
        for (String key : usedNetworks()) {
            ComposeProject.Network network = project.networks().get(key);
            if (network != null && network.external()) {
                external.add(network.name());
                continue;
            }
            JsonObject spec = new JsonObject();
            String name = network == null ? stack + "_" + key : scoped(key, network.name());
            spec.addProperty("Name", name);
            spec.addProperty("Driver", network == null || network.driver() == null ? "overlay" : network.driver());
            spec.add("Labels", labels(network == null ? Map.of() : network.labels()));
            if (network != null) {
                spec.add("Options", map(network.driverOpts()));
                spec.addProperty("Internal", network.internal());
                spec.addProperty("Attachable", network.attachable());
            }
            created.put(name, spec);
        }
        return created;
    }

    private List<String> usedNetworks() {
        List<String> used = new ArrayList<>();
        for (ComposeProject.Service service : project.services().values()) {
            for (String key : service.networks().isEmpty() ? List.of("default") : service.networks().keySet()) {
                if (!used.contains(key)) {
                    used.add(key);
                }
            }
        }
        return used;
    }

    /** A secret's or config's spec: its scoped name, the stack's label, the file's bytes (base64). */
    JsonObject fileObject(ComposeProject.FileObject object, String data) {
        JsonObject spec = new JsonObject();
        spec.addProperty("Name", scoped(object.key(), object.name()));
        spec.add("Labels", labels(Map.of()));
        spec.addProperty("Data", data);
        return spec;
    }

    /** The engine's name of a top-level secret or config the service names. */
    String fileObjectName(Map<String, ComposeProject.FileObject> objects, String key, String kind) throws DockerError {
        ComposeProject.FileObject object = objects.get(key);
        if (object == null) {
            throw new DockerError(1, "undefined " + kind + " \"" + key + "\"", null);
        }
        return scoped(key, object.name());
    }

    /**
     * A service's spec; its secrets and configs are the references made by {@code references} (they
     * need the IDs the engine gave them).
     */
    JsonObject service(ComposeProject.Service service, JsonArray secrets, JsonArray configs) throws DockerError {
        SwarmDeploy deploy = service.settings().deploy();
        JsonObject spec = new JsonObject();
        spec.addProperty("Name", stack + "_" + service.name());
        JsonObject serviceLabels = labels(deploy.labels());
        serviceLabels.addProperty(Stacks.IMAGE, service.image());
        spec.add("Labels", serviceLabels);
        JsonObject task = new JsonObject();
        task.add("ContainerSpec", container(service, secrets, configs));
        task.add("Resources", DeployPolicies.resources(deploy));
        JsonObject restart = DeployPolicies.restartPolicy(service.restart(), deploy.restart());
        if (restart != null) {
            task.add("RestartPolicy", restart);
        }
        JsonObject placement = new JsonObject();
        if (!deploy.constraints().isEmpty()) {
            placement.add("Constraints", strings(deploy.constraints()));
        }
        if (!deploy.preferences().isEmpty()) {
            JsonArray preferences = new JsonArray();
            for (String spread : deploy.preferences()) {
                JsonObject over = new JsonObject();
                over.addProperty("SpreadDescriptor", spread);
                JsonObject preference = new JsonObject();
                preference.add("Spread", over);
                preferences.add(preference);
            }
            placement.add("Preferences", preferences);
        }
        if (deploy.maxReplicasPerNode() != null) {
            placement.addProperty("MaxReplicas", deploy.maxReplicasPerNode());
        }
        task.add("Placement", placement);
        if (service.settings().logging() != null) {
            JsonObject driver = new JsonObject();
            driver.addProperty("Name", service.settings().logging().driver());
            driver.add("Options", map(service.settings().logging().options()));
            task.add("LogDriver", driver);
        }
        task.add("Networks", attachments(service));
        spec.add("TaskTemplate", task);
        spec.add("Mode", DeployPolicies.mode(deploy));
        if (deploy.update() != null) {
            spec.add("UpdateConfig", DeployPolicies.update(deploy.update()));
        }
        if (deploy.rollback() != null) {
            spec.add("RollbackConfig", DeployPolicies.update(deploy.rollback()));
        }
        spec.add("EndpointSpec", DeployPolicies.endpoint(deploy.endpointMode(), service.ports()));
        return spec;
    }

    private JsonObject container(ComposeProject.Service service, JsonArray secrets, JsonArray configs)
            throws DockerError {
        JsonObject container = new JsonObject();
        container.addProperty("Image", service.image());
        container.add("Labels", labels(service.labels()));
        if (service.entrypoint() != null) {
            container.add("Command", strings(service.entrypoint()));
        }
        if (service.command() != null) {
            container.add("Args", strings(service.command()));
        }
        if (service.hostname() != null) {
            container.addProperty("Hostname", service.hostname());
        }
        if (!service.settings().extraHosts().isEmpty()) {
            JsonArray hosts = new JsonArray();
            for (String host : service.settings().extraHosts()) {
                int eq = host.indexOf('=');
                hosts.add(eq < 0 ? host : host.substring(eq + 1) + " " + host.substring(0, eq));
            }
            container.add("Hosts", hosts);
        }
        if (service.settings().healthcheck() != null) {
            container.add("Healthcheck", DeployPolicies.healthcheck(service.settings().healthcheck()));
        }
        if (!service.environment().isEmpty()) {
            container.add("Env", strings(service.environment().stream().sorted().toList()));
        }
        if (service.workingDir() != null) {
            container.addProperty("Dir", service.workingDir());
        }
        if (service.user() != null) {
            container.addProperty("User", service.user());
        }
        JsonArray mounts = mounts(service);
        if (!mounts.isEmpty()) {
            container.add("Mounts", mounts);
        }
        container.add("Privileges", new JsonObject()); // the CLI always sends one, empty: the engine keeps it so
        if (service.stopGraceSeconds() != null) {
            container.addProperty("StopGracePeriod", service.stopGraceSeconds() * 1_000_000_000L);
        }
        if (service.stopSignal() != null) {
            container.addProperty("StopSignal", service.stopSignal());
        }
        if (service.tty()) {
            container.addProperty("TTY", true);
        }
        if (service.stdinOpen()) {
            container.addProperty("OpenStdin", true);
        }
        if (!secrets.isEmpty()) {
            container.add("Secrets", secrets);
        }
        if (!configs.isEmpty()) {
            container.add("Configs", configs);
        }
        if (service.init() != null) {
            container.addProperty("Init", service.init());
        }
        if (!service.settings().capAdd().isEmpty()) {
            container.add("CapabilityAdd", strings(service.settings().capAdd()));
        }
        if (!service.settings().capDrop().isEmpty()) {
            container.add("CapabilityDrop", strings(service.settings().capDrop()));
        }
        return container;
    }

    /** A secret or config reference: the file under /run/secrets (or /TARGET), root's, mode 0444. */
    static JsonObject reference(String kind, String id, String name, String target) {
        JsonObject file = new JsonObject();
        file.addProperty("Name", target);
        file.addProperty("UID", "0");
        file.addProperty("GID", "0");
        file.addProperty("Mode", 0444);
        JsonObject reference = new JsonObject();
        reference.add("File", file);
        reference.addProperty(kind + "ID", id);
        reference.addProperty(kind + "Name", name);
        return reference;
    }

    private JsonArray mounts(ComposeProject.Service service) throws DockerError {
        JsonArray mounts = new JsonArray();
        for (ComposeProject.Mount mount : service.volumes()) {
            JsonObject m = new JsonObject();
            m.addProperty("Type", mount.type());
            m.addProperty("Target", mount.target());
            if (mount.readOnly()) {
                m.addProperty("ReadOnly", true);
            }
            if (mount.type().equals("volume") && mount.source() != null) {
                ComposeProject.Volume volume = project.volumes().get(mount.source());
                if (volume == null) {
                    throw new DockerError(1, "undefined volume \"" + mount.source() + "\"", null);
                }
                m.addProperty("Source", volume.external() ? volume.name() : scoped(volume.key(), volume.name()));
                JsonObject options = new JsonObject();
                if (!volume.external()) {
                    options.add("Labels", labels(volume.labels()));
                    if (volume.driver() != null || !volume.driverOpts().isEmpty()) {
                        JsonObject driver = new JsonObject();
                        if (volume.driver() != null) {
                            driver.addProperty("Name", volume.driver());
                        }
                        driver.add("Options", map(volume.driverOpts()));
                        options.add("DriverConfig", driver);
                    }
                }
                m.add("VolumeOptions", options);
            } else if (mount.source() != null) {
                m.addProperty("Source", mount.source());
            }
            mounts.add(m);
        }
        return mounts;
    }

    private JsonArray attachments(ComposeProject.Service service) {
        List<JsonObject> attachments = new ArrayList<>();
        Map<String, List<String>> networks = service.networks().isEmpty() ? Map.of("default", List.of()) : service.networks();
        for (Map.Entry<String, List<String>> entry : networks.entrySet()) {
            ComposeProject.Network network = project.networks().get(entry.getKey());
            String target = network == null ? stack + "_" + entry.getKey()
                    : network.external() ? network.name() : scoped(entry.getKey(), network.name());
            JsonObject attachment = new JsonObject();
            attachment.addProperty("Target", target);
            JsonArray aliases = strings(entry.getValue());
            if (!BUILT_IN_NETWORKS.contains(target)) {
                aliases.add(service.name()); // the service's name answers on its user-defined networks
            }
            if (!aliases.isEmpty()) {
                attachment.add("Aliases", aliases);
            }
            attachments.add(attachment);
        }
        attachments.sort(Comparator.comparing(a -> a.get("Target").getAsString()));
        JsonArray array = new JsonArray();
        attachments.forEach(array::add);
        return array;
    }

    /** The object's own labels with the stack's. */
    private JsonObject labels(Map<String, String> own) {
        JsonObject labels = map(own);
        labels.addProperty(Stacks.NAMESPACE, stack);
        return labels;
    }

    private static JsonObject map(Map<String, String> values) {
        JsonObject object = new JsonObject();
        values.forEach(object::addProperty);
        return object;
    }

    static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }
}
