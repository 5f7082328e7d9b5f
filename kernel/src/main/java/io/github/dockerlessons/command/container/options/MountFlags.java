package io.github.dockerlessons.command.container.options;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.FlagType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The container's file systems: {@code -v} (a named volume, an anonymous one, or a folder of this
 * computer, relative paths starting with "." taken from the notebook's folder), {@code --mount}
 * (bind, volume, tmpfs), {@code --tmpfs}, {@code --volumes-from}, {@code --read-only} and the
 * storage options, read as docker/cli reads them.
 *
 * @param binds     host folders and named volumes ("/abs:/data:ro", "vol:/data")
 * @param anonymous anonymous volumes' targets
 */
public record MountFlags(List<String> binds, Set<String> anonymous, List<JsonObject> mounts, Map<String, String> tmpfs,
                         List<String> volumesFrom, String volumeDriver, boolean readOnly,
                         Map<String, String> storageOptions) {

    public static final Flag<List<String>> VOLUME = Flag.list('v', "volume");
    public static final Flag<List<JsonObject>> MOUNT = Flag.of((char) 0, "mount",
            FlagType.listOf("mount", MountSpec::parse), List.of());
    public static final Flag<List<String>> TMPFS = Flag.list("tmpfs");
    public static final Flag<List<String>> VOLUMES_FROM = Flag.list("volumes-from");
    public static final Flag<String> VOLUME_DRIVER = Flag.string("volume-driver");
    public static final Flag<Boolean> READ_ONLY = Flag.bool("read-only");
    public static final Flag<List<String>> STORAGE_OPT = Flag.list("storage-opt");

    public static final List<Flag<?>> FLAGS = List.of(VOLUME, MOUNT, TMPFS, VOLUMES_FROM, VOLUME_DRIVER, READ_ONLY,
            STORAGE_OPT);

    public static MountFlags of(Invocation in) throws InvalidOptions {
        List<String> binds = new ArrayList<>();
        Set<String> anonymous = new LinkedHashSet<>();
        for (String spec : new LinkedHashSet<>(in.get(VOLUME))) {
            VolumeSpec parsed = VolumeSpec.parse(spec);
            if (parsed.source().isEmpty()) {
                anonymous.add(spec);
                continue;
            }
            String bind = spec;
            int colon = spec.indexOf(':');
            if (parsed.isBind() && colon >= 0) {
                String hostPart = spec.substring(0, colon);
                if (!hostPart.startsWith("/") && hostPart.startsWith(".")) {
                    hostPart = Path.of(hostPart).toAbsolutePath().normalize().toString();
                }
                bind = hostPart + spec.substring(colon);
            }
            binds.add(bind);
        }
        Map<String, String> tmpfs = new LinkedHashMap<>();
        for (String spec : in.get(TMPFS)) {
            int colon = spec.indexOf(':');
            tmpfs.put(colon < 0 ? spec : spec.substring(0, colon), colon < 0 ? "" : spec.substring(colon + 1));
        }
        Map<String, String> storage = new LinkedHashMap<>();
        for (String option : in.get(STORAGE_OPT)) {
            int eq = option.indexOf('=');
            if (eq < 0) {
                throw new InvalidOptions("invalid storage option");
            }
            storage.put(option.substring(0, eq), option.substring(eq + 1));
        }
        return new MountFlags(binds, anonymous, in.get(MOUNT), tmpfs, in.get(VOLUMES_FROM), in.get(VOLUME_DRIVER),
                in.get(READ_ONLY), storage);
    }

    public void applyTo(CreateRequest request) {
        if (!anonymous.isEmpty()) {
            request.config().add("Volumes", CreateRequest.keySet(anonymous));
        }
        JsonObject host = request.host();
        if (!binds.isEmpty()) {
            host.add("Binds", CreateRequest.strings(binds));
        }
        if (!mounts.isEmpty()) {
            JsonArray array = new JsonArray();
            mounts.forEach(array::add);
            host.add("Mounts", array);
        }
        if (!tmpfs.isEmpty()) {
            host.add("Tmpfs", CreateRequest.stringMap(tmpfs));
        }
        if (!volumesFrom.isEmpty()) {
            host.add("VolumesFrom", CreateRequest.strings(volumesFrom));
        }
        CreateRequest.putIfPresent(host, "VolumeDriver", volumeDriver);
        host.addProperty("ReadonlyRootfs", readOnly);
        if (!storageOptions.isEmpty()) {
            host.add("StorageOpt", CreateRequest.stringMap(storageOptions));
        }
    }
}
