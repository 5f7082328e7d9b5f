package io.github.dockerlessons.command.container.options;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.flags.FlagType;
import io.github.dockerlessons.golang.Units;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@code --mount} value as docker's opts.MountOpt reads it: comma-separated {@code key=value}
 * fields (CSV, so a field may be quoted) giving the type (volume by default, bind, tmpfs), source,
 * target and the type's options; the answer is the API's Mount object, with docker's errors.
 */
final class MountSpec {
    private MountSpec() {
    }

    static JsonObject parse(String value) throws FlagType.InvalidValue {
        JsonObject mount = new JsonObject();
        JsonObject volumeOptions = null;
        JsonObject bindOptions = null;
        JsonObject tmpfsOptions = null;
        String type = "volume";
        String target = "";
        for (String field : csvFields(value)) {
            int eq = field.indexOf('=');
            String key = (eq < 0 ? field : field.substring(0, eq)).toLowerCase(Locale.ROOT);
            String val = eq < 0 ? "" : field.substring(eq + 1);
            if (eq < 0) {
                switch (key) {
                    case "readonly", "ro" -> mount.addProperty("ReadOnly", true);
                    case "volume-nocopy" -> {
                        volumeOptions = volumeOptions == null ? newVolumeOptions() : volumeOptions;
                        volumeOptions.addProperty("NoCopy", true);
                    }
                    case "bind-nonrecursive" -> {
                        bindOptions = bindOptions == null ? new JsonObject() : bindOptions;
                        bindOptions.addProperty("NonRecursive", true);
                    }
                    default -> throw new FlagType.InvalidValue("invalid field '" + field + "' must be a key=value pair");
                }
                continue;
            }
            switch (key) {
                case "type" -> type = val.toLowerCase(Locale.ROOT);
                case "source", "src" -> {
                    String source = val;
                    if (!source.startsWith("/") && source.startsWith(".")) {
                        source = Path.of(source).toAbsolutePath().normalize().toString();
                    }
                    mount.addProperty("Source", source);
                }
                case "target", "dst", "destination" -> target = val;
                case "readonly", "ro" -> mount.addProperty("ReadOnly", parseBool(key, val));
                case "consistency" -> mount.addProperty("Consistency", val.toLowerCase(Locale.ROOT));
                case "bind-propagation" -> {
                    bindOptions = bindOptions == null ? new JsonObject() : bindOptions;
                    bindOptions.addProperty("Propagation", val.toLowerCase(Locale.ROOT));
                }
                case "bind-nonrecursive" -> {
                    bindOptions = bindOptions == null ? new JsonObject() : bindOptions;
                    bindOptions.addProperty("NonRecursive", parseBool(key, val));
                }
                case "volume-nocopy" -> {
                    volumeOptions = volumeOptions == null ? newVolumeOptions() : volumeOptions;
                    try {
                        volumeOptions.addProperty("NoCopy", parseBool(key, val));
                    } catch (FlagType.InvalidValue e) {
                        throw new FlagType.InvalidValue("invalid value for volume-nocopy: " + val);
                    }
                }
                case "volume-label", "volume-driver", "volume-opt", "volume-subpath" -> {
                    volumeOptions = volumeOptions == null ? newVolumeOptions() : volumeOptions;
                    volumeOption(volumeOptions, key, val);
                }
                case "tmpfs-size" -> {
                    tmpfsOptions = tmpfsOptions == null ? new JsonObject() : tmpfsOptions;
                    try {
                        tmpfsOptions.addProperty("SizeBytes", Units.ramInBytes(val));
                    } catch (FlagType.InvalidValue e) {
                        throw new FlagType.InvalidValue("invalid value for " + key + ": " + val);
                    }
                }
                case "tmpfs-mode" -> {
                    tmpfsOptions = tmpfsOptions == null ? new JsonObject() : tmpfsOptions;
                    try {
                        tmpfsOptions.addProperty("Mode", Long.parseLong(val, 8));
                    } catch (NumberFormatException e) {
                        throw new FlagType.InvalidValue("invalid value for " + key + ": " + val);
                    }
                }
                default -> throw new FlagType.InvalidValue("unexpected key '" + key + "' in '" + field + "'");
            }
        }
        if (type.isEmpty()) {
            throw new FlagType.InvalidValue("type is required");
        }
        if (target.isEmpty()) {
            throw new FlagType.InvalidValue("target is required");
        }
        mixCheck(volumeOptions, "volume", type);
        mixCheck(bindOptions, "bind", type);
        mixCheck(tmpfsOptions, "tmpfs", type);
        JsonObject ordered = new JsonObject();
        ordered.addProperty("Type", type);
        if (mount.has("Source")) {
            ordered.add("Source", mount.get("Source"));
        }
        ordered.addProperty("Target", target);
        if (mount.has("ReadOnly") && mount.get("ReadOnly").getAsBoolean()) {
            ordered.addProperty("ReadOnly", true);
        }
        if (mount.has("Consistency")) {
            ordered.add("Consistency", mount.get("Consistency"));
        }
        if (bindOptions != null) {
            ordered.add("BindOptions", bindOptions);
        }
        if (volumeOptions != null) {
            ordered.add("VolumeOptions", volumeOptions);
        }
        if (tmpfsOptions != null) {
            ordered.add("TmpfsOptions", tmpfsOptions);
        }
        return ordered;
    }

    private static void volumeOption(JsonObject options, String key, String val) {
        JsonObject driver = options.getAsJsonObject("DriverConfig");
        switch (key) {
            case "volume-label" -> {
                if (!options.has("Labels")) {
                    options.add("Labels", new JsonObject());
                }
                putPair(options.getAsJsonObject("Labels"), val);
            }
            case "volume-driver" -> driver.addProperty("Name", val);
            case "volume-subpath" -> options.addProperty("Subpath", val);
            default -> {
                if (!driver.has("Options")) {
                    driver.add("Options", new JsonObject());
                }
                putPair(driver.getAsJsonObject("Options"), val);
            }
        }
    }

    /** docker's volumeOptions(): a driver config, empty until volume-driver or volume-opt fill it. */
    private static JsonObject newVolumeOptions() {
        JsonObject options = new JsonObject();
        options.add("DriverConfig", new JsonObject());
        return options;
    }

    private static void putPair(JsonObject target, String pair) {
        int eq = pair.indexOf('=');
        String key = eq < 0 ? pair : pair.substring(0, eq);
        if (!key.isEmpty()) {
            target.addProperty(key, eq < 0 ? "" : pair.substring(eq + 1));
        }
    }

    private static void mixCheck(JsonObject options, String kind, String type) throws FlagType.InvalidValue {
        if (options != null && !type.equals(kind)) {
            throw new FlagType.InvalidValue("cannot mix '" + kind + "-*' options with mount type '" + type + "'");
        }
    }

    private static boolean parseBool(String key, String val) throws FlagType.InvalidValue {
        return switch (val) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw new FlagType.InvalidValue("invalid value for " + key + ": " + val);
        };
    }

    /** One CSV record as Go's encoding/csv reads it: fields split at commas, double quotes around a field. */
    static List<String> csvFields(String line) throws FlagType.InvalidValue {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw new FlagType.InvalidValue("parse error on line 1, column " + (i + 1)
                                + ": extraneous or missing \" in quoted-field");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                            continue;
                        }
                        break;
                    }
                    field.append(c);
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    throw new FlagType.InvalidValue("parse error on line 1, column " + (i + 1)
                            + ": extraneous or missing \" in quoted-field");
                }
            } else {
                while (i < line.length() && line.charAt(i) != ',') {
                    char c = line.charAt(i++);
                    if (c == '"') {
                        throw new FlagType.InvalidValue("parse error on line 1, column " + i
                                + ": bare \" in non-quoted-field");
                    }
                    field.append(c);
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= line.length()) {
                return fields;
            }
            i++;
        }
    }
}
