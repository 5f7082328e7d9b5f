package io.github.dockerlessons.command.container.options;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.flags.FlagType;
import io.github.dockerlessons.golang.GoNumbers;
import io.github.dockerlessons.golang.Units;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How docker reads the values of the resource flags, each with docker's own errors: CPUs as a
 * decimal ({@code 1.5}), swap (where -1 is unlimited), ulimits ({@code nofile=1024:2048}), block IO
 * device weights and rates, devices and GPU requests. Each answer is the API's JSON for it.
 */
final class ResourceValues {
    private static final Pattern DEVICE_CGROUP_RULE = Pattern.compile("^[acb] ([0-9]+|\\*):([0-9]+|\\*) [rwm]{1,3}$");
    private static final List<String> ULIMITS = List.of("core", "cpu", "data", "fsize", "locks", "memlock",
            "msgqueue", "nice", "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack");

    private ResourceValues() {
    }

    /** opts.NanoCPUs: "decimal" in help, nanoseconds of CPU per second. */
    static long nanoCpus(String value) throws FlagType.InvalidValue {
        BigDecimal cpus = GoNumbers.rational(value);
        if (cpus == null) {
            throw new FlagType.InvalidValue("failed to parse " + value + " as a rational number");
        }
        BigDecimal nanos = cpus.multiply(BigDecimal.valueOf(1_000_000_000L));
        if (nanos.stripTrailingZeros().scale() > 0) {
            throw new FlagType.InvalidValue("value is too precise");
        }
        return nanos.longValue();
    }

    /** opts.MemSwapBytes: a size, or -1 for unlimited swap. */
    static long swapBytes(String value) throws FlagType.InvalidValue {
        return value.equals("-1") ? -1 : Units.ramInBytes(value);
    }

    /** go-units' ParseUlimit: {@code name=soft[:hard]}. */
    static JsonObject ulimit(String value) throws FlagType.InvalidValue {
        int eq = value.indexOf('=');
        if (eq < 0) {
            throw new FlagType.InvalidValue("invalid ulimit argument: " + value);
        }
        String name = value.substring(0, eq);
        if (!ULIMITS.contains(name)) {
            throw new FlagType.InvalidValue("invalid ulimit type: " + name);
        }
        String[] limits = value.substring(eq + 1).split(":", -1);
        if (limits.length > 2) {
            throw new FlagType.InvalidValue("too many limit value arguments - " + value.substring(eq + 1)
                    + ", can only have up to two, `soft[:hard]`");
        }
        long hard = limits.length == 2 ? GoNumbers.parseInt(limits[1], 64) : 0;
        long soft = GoNumbers.parseInt(limits[0], 64);
        if (limits.length == 1) {
            hard = soft;
        }
        if (hard != -1) {
            if (soft == -1) {
                throw new FlagType.InvalidValue("ulimit soft limit must be less than or equal to hard limit: soft: -1 "
                        + "(unlimited), hard: " + hard);
            }
            if (soft > hard) {
                throw new FlagType.InvalidValue("ulimit soft limit must be less than or equal to hard limit: " + soft
                        + " > " + hard);
            }
        }
        JsonObject ulimit = new JsonObject();
        ulimit.addProperty("Name", name);
        ulimit.addProperty("Hard", hard);
        ulimit.addProperty("Soft", soft);
        return ulimit;
    }

    /** opts.ValidateWeightDevice: {@code /dev/sda:200}. */
    static JsonObject weightDevice(String value) throws FlagType.InvalidValue {
        String[] pair = devicePair(value);
        long weight;
        try {
            weight = GoNumbers.parseUint(pair[1], 16);
        } catch (FlagType.InvalidValue e) {
            throw new FlagType.InvalidValue("invalid weight for device: " + value);
        }
        if (weight > 0 && (weight < 10 || weight > 1000)) {
            throw new FlagType.InvalidValue("invalid weight for device: " + value);
        }
        JsonObject device = new JsonObject();
        device.addProperty("Path", pair[0]);
        device.addProperty("Weight", weight);
        return device;
    }

    /** opts.ValidateThrottleBpsDevice: {@code /dev/sda:1mb}. */
    static JsonObject rateDevice(String value) throws FlagType.InvalidValue {
        String[] pair = devicePair(value);
        long rate;
        try {
            rate = Units.ramInBytes(pair[1]);
        } catch (FlagType.InvalidValue e) {
            rate = -1;
        }
        if (rate < 0) {
            throw new FlagType.InvalidValue("invalid rate for device: " + value + ". The correct format is "
                    + "<device-path>:<number>[<unit>]. Number must be a positive integer. Unit is optional and can be "
                    + "kb, mb, or gb");
        }
        return throttle(pair[0], rate);
    }

    /** opts.ValidateThrottleIOpsDevice: {@code /dev/sda:1000}. */
    static JsonObject iopsDevice(String value) throws FlagType.InvalidValue {
        String[] pair = devicePair(value);
        try {
            return throttle(pair[0], GoNumbers.parseUint(pair[1], 64));
        } catch (FlagType.InvalidValue e) {
            throw new FlagType.InvalidValue("invalid rate for device: " + value + ". The correct format is "
                    + "<device-path>:<number>. Number must be a positive integer");
        }
    }

    private static JsonObject throttle(String path, long rate) {
        JsonObject device = new JsonObject();
        device.addProperty("Path", path);
        device.addProperty("Rate", rate);
        return device;
    }

    private static String[] devicePair(String value) throws FlagType.InvalidValue {
        int colon = value.indexOf(':');
        if (colon <= 0) {
            throw new FlagType.InvalidValue("bad format: " + value);
        }
        if (!value.startsWith("/dev/")) {
            throw new FlagType.InvalidValue("bad format for device path: " + value);
        }
        return new String[]{value.substring(0, colon), value.substring(colon + 1)};
    }

    static String deviceCgroupRule(String value) throws FlagType.InvalidValue {
        if (!DEVICE_CGROUP_RULE.matcher(value).matches()) {
            throw new FlagType.InvalidValue("invalid device cgroup format '" + value + "'");
        }
        return value;
    }

    /** A CDI device name ({@code vendor.com/class=name}), which goes to the engine as a device request. */
    static boolean isCdiName(String device) {
        int slash = device.indexOf('/');
        int eq = device.indexOf('=');
        return slash > 0 && eq > slash && !device.startsWith("/");
    }

    /** docker/cli's validateLinuxPath and parseLinuxDevice: {@code /dev/x[:/dev/y][:rwm]}. */
    static JsonObject device(String value) throws InvalidOptions {
        if (value.chars().filter(c -> c == ':').count() > 2 || value.isEmpty() || value.startsWith(":")) {
            throw new InvalidOptions("bad format for path: " + value);
        }
        String[] parts = value.split(":", -1);
        String containerPath = switch (parts.length) {
            case 1 -> parts[0];
            case 2 -> validMode(parts[1]) ? parts[0] : parts[1];
            default -> parts[1];
        };
        if (parts.length == 3 && !validMode(parts[2])) {
            throw new InvalidOptions("bad mode specified: " + parts[2]);
        }
        if (!containerPath.startsWith("/")) {
            throw new InvalidOptions(containerPath + " is not an absolute path");
        }
        String source = parts[0];
        String destination = source;
        String permissions = "rwm";
        if (parts.length >= 2) {
            if (validMode(parts[1])) {
                permissions = parts[1];
            } else {
                destination = parts[1];
            }
        }
        if (parts.length == 3) {
            permissions = parts[2];
        }
        JsonObject device = new JsonObject();
        device.addProperty("PathOnHost", source);
        device.addProperty("PathInContainer", destination);
        device.addProperty("CgroupPermissions", permissions);
        return device;
    }

    private static boolean validMode(String mode) {
        if (mode.isEmpty()) {
            return false;
        }
        String seen = "";
        for (char c : mode.toCharArray()) {
            if ("rwm".indexOf(c) < 0 || seen.indexOf(c) >= 0) {
                return false;
            }
            seen += c;
        }
        return true;
    }

    /** opts.GpuOpts: {@code all}, {@code 2}, {@code device=0,1}, {@code capabilities=compute}, ... */
    static JsonObject gpuRequest(String value) throws FlagType.InvalidValue {
        JsonObject request = new JsonObject();
        request.addProperty("Driver", "");
        Long count = null;
        JsonArray devices = null;
        JsonArray capabilities = null;
        JsonObject options = new JsonObject();
        Set<String> seen = new HashSet<>();
        for (String field : MountSpec.csvFields(value)) {
            int eq = field.indexOf('=');
            String key = eq < 0 ? field : field.substring(0, eq);
            String val = eq < 0 ? "" : field.substring(eq + 1);
            if (!seen.add(key)) {
                throw new FlagType.InvalidValue("gpu request key '" + key + "' can be specified only once");
            }
            if (eq < 0) {
                seen.add("count");
                count = gpuCount(key);
                continue;
            }
            switch (key) {
                case "driver" -> request.addProperty("Driver", val);
                case "count" -> count = gpuCount(val);
                case "device" -> devices = CreateRequest.strings(List.of(val.split(",", -1)));
                case "capabilities" -> {
                    JsonArray set = CreateRequest.strings(List.of(val.split(",", -1)));
                    set.add("gpu");
                    capabilities = new JsonArray();
                    capabilities.add(set);
                }
                case "options" -> {
                    for (String option : MountSpec.csvFields(val)) {
                        int oeq = option.indexOf('=');
                        options.addProperty(oeq < 0 ? option : option.substring(0, oeq),
                                oeq < 0 ? "" : option.substring(oeq + 1));
                    }
                }
                default -> throw new FlagType.InvalidValue("unexpected key '" + key + "' in '" + field + "'");
            }
        }
        if (!seen.contains("count") && devices == null) {
            count = 1L;
        }
        request.addProperty("Count", count == null ? 0 : count);
        if (devices != null) {
            request.add("DeviceIDs", devices);
        }
        if (capabilities == null) {
            capabilities = new JsonArray();
            capabilities.add(CreateRequest.strings(List.of("gpu")));
        }
        request.add("Capabilities", capabilities);
        request.add("Options", options);
        return request;
    }

    private static long gpuCount(String text) throws FlagType.InvalidValue {
        if (text.equals("all")) {
            return -1;
        }
        try {
            return GoNumbers.atoi(text);
        } catch (FlagType.InvalidValue e) {
            String reason = e.getMessage().endsWith("value out of range") ? "value out of range" : "invalid syntax";
            throw new FlagType.InvalidValue("invalid count (" + text + "): value must be either \"all\" or an integer: "
                    + reason);
        }
    }

    /** The ulimits given, the last one of each name kept, sorted by name (opts.UlimitOpt). */
    static JsonArray ulimits(List<JsonObject> given) {
        Map<String, JsonObject> byName = new TreeMap<>();
        given.forEach(u -> byName.put(u.get("Name").getAsString(), u));
        JsonArray array = new JsonArray();
        byName.values().forEach(array::add);
        return array;
    }
}
