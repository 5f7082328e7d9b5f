package io.github.dockerlessons.compose;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How Compose names and labels what it makes, so that Docker's own {@code docker compose ps} (and
 * Compose 1.29, which finds containers by the same labels) sees a project the kernel brought up:
 * containers {@code project-service-1} (Compose v2; v1 wrote {@code project_service_1}), networks
 * {@code project_default}, volumes {@code project_data}, images built for a service
 * {@code project-service}, and the com.docker.compose.* labels.
 */
public final class ComposeNames {
    public static final String PROJECT = "com.docker.compose.project";
    public static final String SERVICE = "com.docker.compose.service";
    public static final String CONTAINER_NUMBER = "com.docker.compose.container-number";
    public static final String ONEOFF = "com.docker.compose.oneoff";
    public static final String CONFIG_HASH = "com.docker.compose.config-hash";
    public static final String DEPENDS_ON = "com.docker.compose.depends_on";
    public static final String IMAGE = "com.docker.compose.image";
    public static final String WORKING_DIR = "com.docker.compose.project.working_dir";
    public static final String CONFIG_FILES = "com.docker.compose.project.config_files";
    public static final String VERSION = "com.docker.compose.version";
    public static final String NETWORK = "com.docker.compose.network";
    public static final String VOLUME = "com.docker.compose.volume";
    public static final String SLUG = "com.docker.compose.slug";

    /** The Compose release whose names, labels and output the kernel follows. */
    public static final String COMPOSE_VERSION = "2.39.4";

    private ComposeNames() {
    }

    /** A service's container: container_name, else project-service-N. */
    public static String container(String project, ComposeProject.Service service, int number) {
        return service.containerName() != null ? service.containerName() : project + "-" + service.name() + "-" + number;
    }

    /** A one-off container of {@code compose run}: project-service-run-SLUG (12 hex characters). */
    public static String oneOff(String project, String service, String slug) {
        return project + "-" + service + "-run-" + slug.substring(0, 12);
    }

    /** The image of a service that is built and names none: project-service. */
    public static String image(String project, ComposeProject.Service service) {
        return service.image() != null ? service.image() : project + "-" + service.name();
    }

    /** The labels of a service's container. */
    public static Map<String, String> containerLabels(ComposeProject project, ComposeProject.Service service,
                                                      int number, String imageId, boolean oneOff) {
        Map<String, String> labels = new LinkedHashMap<>(service.labels());
        labels.put(PROJECT, project.name());
        labels.put(SERVICE, service.name());
        labels.put(VERSION, COMPOSE_VERSION);
        labels.put(WORKING_DIR, project.workingDir().toString());
        labels.put(CONFIG_FILES, String.join(",", project.files().stream().map(Object::toString).toList()));
        labels.put(ONEOFF, oneOff ? "True" : "False");
        labels.put(CONFIG_HASH, configHash(service));
        if (!oneOff) {
            labels.put(CONTAINER_NUMBER, Integer.toString(number));
        }
        StringBuilder dependencies = new StringBuilder();
        service.dependsOn().forEach((name, d) -> dependencies.append(dependencies.length() == 0 ? "" : ",")
                .append(name).append(':').append(d.condition()).append(':').append(d.restart()));
        labels.put(DEPENDS_ON, dependencies.toString());
        if (imageId != null) {
            labels.put(IMAGE, imageId);
        }
        return labels;
    }

    public static Map<String, String> networkLabels(String project, ComposeProject.Network network) {
        return resourceLabels(network.labels(), NETWORK, network.key(), project);
    }

    public static Map<String, String> volumeLabels(String project, ComposeProject.Volume volume) {
        return resourceLabels(volume.labels(), VOLUME, volume.key(), project);
    }

    /** A network's or volume's labels: the file's own, then its key in the file, the project, Compose's version. */
    private static Map<String, String> resourceLabels(Map<String, String> own, String keyLabel, String key,
                                                      String project) {
        Map<String, String> labels = new LinkedHashMap<>(own);
        labels.put(keyLabel, key);
        labels.put(PROJECT, project);
        labels.put(VERSION, COMPOSE_VERSION);
        return labels;
    }

    /**
     * A digest of everything that makes a service's container what it is (not how it is built, nor
     * what it depends on, as Compose leaves those out): {@code up} recreates a container whose
     * configuration changed and leaves the others alone.
     */
    public static String configHash(ComposeProject.Service s) {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("image", s.image());
        fields.put("ports", s.ports());
        fields.put("volumes", s.volumes());
        fields.put("environment", s.environment());
        fields.put("command", s.command());
        fields.put("entrypoint", s.entrypoint());
        fields.put("networks", new TreeMap<>(s.networks()));
        fields.put("working_dir", s.workingDir());
        fields.put("restart", s.restart());
        fields.put("container_name", s.containerName());
        fields.put("hostname", s.hostname());
        fields.put("labels", new TreeMap<>(s.labels()));
        fields.put("tty", s.tty());
        fields.put("stdin_open", s.stdinOpen());
        fields.put("user", s.user());
        fields.put("expose", s.expose());
        fields.put("stop_signal", s.stopSignal());
        fields.put("stop_grace_period", s.stopGraceSeconds());
        fields.put("init", s.init());
        if (!s.settings().equals(ComposeProject.RunSettings.NONE)) {
            fields.put("settings", s.settings()); // only when set, so older containers keep their hash
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(fields.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The name a service's container shows in logs: the container name without "project-". */
    public static String logName(String project, String containerName) {
        return containerName.startsWith(project + "-") ? containerName.substring(project.length() + 1) : containerName;
    }

    /** Label filters for the engine's listings ("key=value"). */
    public static List<String> projectFilter(String project) {
        return List.of(PROJECT + "=" + project);
    }
}
