package io.github.dockerlessons.command.container.options;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.FlagType;
import io.github.dockerlessons.golang.GoNumbers;
import io.github.dockerlessons.golang.Units;

import java.util.ArrayList;
import java.util.List;

/**
 * What the container may use: memory and swap, CPUs and CPU shares, processes, block IO, ulimits,
 * devices and GPUs, /dev/shm and the cgroup parent. Read into the API's HostConfig resource fields,
 * all of them sent as the CLI sends them (zero meaning "no limit").
 *
 * @param resources the HostConfig fields these flags set
 */
public record ResourceFlags(JsonObject resources) {

    private static final FlagType<Long> SWAP = FlagType.single("bytes", ResourceValues::swapBytes);
    private static final FlagType<Integer> UINT16 = FlagType.single("uint16", text -> (int) GoNumbers.parseUint(text, 16));
    private static final FlagType<Long> UINT64 = FlagType.single("uint", text -> GoNumbers.parseUint(text, 64));

    public static final Flag<Long> MEMORY = Flag.of('m', "memory", Units.BYTES, 0L);
    public static final Flag<Long> MEMORY_RESERVATION = Flag.of((char) 0, "memory-reservation", Units.BYTES, 0L);
    public static final Flag<Long> MEMORY_SWAP = Flag.of((char) 0, "memory-swap", SWAP, 0L);
    public static final Flag<Long> MEMORY_SWAPPINESS = Flag.of((char) 0, "memory-swappiness", FlagType.INT64, -1L)
            .defaultShownAs("-1");
    public static final Flag<Long> KERNEL_MEMORY = Flag.of((char) 0, "kernel-memory", Units.BYTES, 0L);
    public static final Flag<Boolean> OOM_KILL_DISABLE = Flag.bool("oom-kill-disable");
    public static final Flag<Integer> OOM_SCORE_ADJ = Flag.integer((char) 0, "oom-score-adj", 0);
    public static final Flag<Long> CPUS = Flag.of((char) 0, "cpus", FlagType.single("decimal", ResourceValues::nanoCpus), 0L);
    public static final Flag<Long> CPU_SHARES = Flag.of('c', "cpu-shares", FlagType.INT64, 0L);
    public static final Flag<Long> CPU_PERIOD = Flag.of((char) 0, "cpu-period", FlagType.INT64, 0L);
    public static final Flag<Long> CPU_QUOTA = Flag.of((char) 0, "cpu-quota", FlagType.INT64, 0L);
    public static final Flag<Long> CPU_RT_PERIOD = Flag.of((char) 0, "cpu-rt-period", FlagType.INT64, 0L);
    public static final Flag<Long> CPU_RT_RUNTIME = Flag.of((char) 0, "cpu-rt-runtime", FlagType.INT64, 0L);
    public static final Flag<String> CPUSET_CPUS = Flag.string("cpuset-cpus");
    public static final Flag<String> CPUSET_MEMS = Flag.string("cpuset-mems");
    public static final Flag<Long> PIDS_LIMIT = Flag.of((char) 0, "pids-limit", FlagType.INT64, 0L);
    public static final Flag<Integer> BLKIO_WEIGHT = Flag.of((char) 0, "blkio-weight", UINT16, 0);
    public static final Flag<List<JsonObject>> BLKIO_WEIGHT_DEVICE = Flag.of((char) 0, "blkio-weight-device",
            FlagType.listOf("list", ResourceValues::weightDevice), List.<JsonObject>of()).defaultShownAs("[]");
    public static final Flag<List<JsonObject>> DEVICE_READ_BPS = Flag.of((char) 0, "device-read-bps",
            FlagType.listOf("list", ResourceValues::rateDevice), List.<JsonObject>of()).defaultShownAs("[]");
    public static final Flag<List<JsonObject>> DEVICE_WRITE_BPS = Flag.of((char) 0, "device-write-bps",
            FlagType.listOf("list", ResourceValues::rateDevice), List.<JsonObject>of()).defaultShownAs("[]");
    public static final Flag<List<JsonObject>> DEVICE_READ_IOPS = Flag.of((char) 0, "device-read-iops",
            FlagType.listOf("list", ResourceValues::iopsDevice), List.<JsonObject>of()).defaultShownAs("[]");
    public static final Flag<List<JsonObject>> DEVICE_WRITE_IOPS = Flag.of((char) 0, "device-write-iops",
            FlagType.listOf("list", ResourceValues::iopsDevice), List.<JsonObject>of()).defaultShownAs("[]");
    public static final Flag<List<JsonObject>> ULIMIT = Flag.of((char) 0, "ulimit",
            FlagType.listOf("ulimit", ResourceValues::ulimit), List.<JsonObject>of()).defaultShownAs("[]");
    public static final Flag<List<String>> DEVICE = Flag.list("device");
    public static final Flag<List<String>> DEVICE_CGROUP_RULE = Flag.of((char) 0, "device-cgroup-rule",
            FlagType.listOf("list", ResourceValues::deviceCgroupRule), List.of());
    public static final Flag<List<JsonObject>> GPUS = Flag.of((char) 0, "gpus",
            FlagType.listOf("gpu-request", ResourceValues::gpuRequest), List.of());
    public static final Flag<Long> SHM_SIZE = Flag.of((char) 0, "shm-size", Units.BYTES, 0L);
    public static final Flag<String> CGROUP_PARENT = Flag.string("cgroup-parent");
    // Windows-only flags: hidden against a Linux engine, as the CLI hides them, and refused when given.
    public static final Flag<Long> CPU_COUNT = Flag.of((char) 0, "cpu-count", FlagType.INT64, 0L).hidden();
    public static final Flag<Long> CPU_PERCENT = Flag.of((char) 0, "cpu-percent", FlagType.INT64, 0L).hidden();
    public static final Flag<Long> IO_MAXBANDWIDTH = Flag.of((char) 0, "io-maxbandwidth", Units.BYTES, 0L).hidden();
    public static final Flag<Long> IO_MAXIOPS = Flag.of((char) 0, "io-maxiops", UINT64, 0L).hidden();

    public static final List<Flag<?>> FLAGS = List.of(MEMORY, MEMORY_RESERVATION, MEMORY_SWAP, MEMORY_SWAPPINESS,
            KERNEL_MEMORY, OOM_KILL_DISABLE, OOM_SCORE_ADJ, CPUS, CPU_SHARES, CPU_PERIOD, CPU_QUOTA, CPU_RT_PERIOD,
            CPU_RT_RUNTIME, CPUSET_CPUS, CPUSET_MEMS, PIDS_LIMIT, BLKIO_WEIGHT, BLKIO_WEIGHT_DEVICE, DEVICE_READ_BPS,
            DEVICE_WRITE_BPS, DEVICE_READ_IOPS, DEVICE_WRITE_IOPS, ULIMIT, DEVICE, DEVICE_CGROUP_RULE, GPUS, SHM_SIZE,
            CGROUP_PARENT, CPU_COUNT, CPU_PERCENT, IO_MAXBANDWIDTH, IO_MAXIOPS);

    public static ResourceFlags of(Invocation in) throws InvalidOptions {
        for (Flag<?> windowsOnly : List.of(CPU_COUNT, CPU_PERCENT, IO_MAXBANDWIDTH, IO_MAXIOPS)) {
            if (in.isSet(windowsOnly)) {
                throw InvalidOptions.unsupported("\"--" + windowsOnly.name() + "\" is only supported on a Docker daemon "
                        + "running on windows, but the Docker daemon is running on linux");
            }
        }
        long swappiness = in.get(MEMORY_SWAPPINESS);
        if (swappiness != -1 && (swappiness < 0 || swappiness > 100)) {
            throw new InvalidOptions("invalid value: " + swappiness + ". Valid memory swappiness range is 0-100");
        }
        JsonObject r = new JsonObject();
        r.addProperty("CgroupParent", nullToEmpty(in.get(CGROUP_PARENT)));
        r.addProperty("Memory", in.get(MEMORY));
        r.addProperty("MemoryReservation", in.get(MEMORY_RESERVATION));
        r.addProperty("MemorySwap", in.get(MEMORY_SWAP));
        r.addProperty("MemorySwappiness", swappiness);
        r.addProperty("KernelMemory", in.get(KERNEL_MEMORY));
        r.addProperty("OomKillDisable", in.get(OOM_KILL_DISABLE));
        r.addProperty("OomScoreAdj", in.get(OOM_SCORE_ADJ));
        r.addProperty("NanoCpus", in.get(CPUS));
        r.addProperty("CpuShares", in.get(CPU_SHARES));
        r.addProperty("CpuPeriod", in.get(CPU_PERIOD));
        r.addProperty("CpuQuota", in.get(CPU_QUOTA));
        r.addProperty("CpuRealtimePeriod", in.get(CPU_RT_PERIOD));
        r.addProperty("CpuRealtimeRuntime", in.get(CPU_RT_RUNTIME));
        r.addProperty("CpusetCpus", nullToEmpty(in.get(CPUSET_CPUS)));
        r.addProperty("CpusetMems", nullToEmpty(in.get(CPUSET_MEMS)));
        r.addProperty("PidsLimit", in.get(PIDS_LIMIT));
        r.addProperty("BlkioWeight", in.get(BLKIO_WEIGHT));
        r.add("BlkioWeightDevice", array(in.get(BLKIO_WEIGHT_DEVICE)));
        r.add("BlkioDeviceReadBps", array(in.get(DEVICE_READ_BPS)));
        r.add("BlkioDeviceWriteBps", array(in.get(DEVICE_WRITE_BPS)));
        r.add("BlkioDeviceReadIOps", array(in.get(DEVICE_READ_IOPS)));
        r.add("BlkioDeviceWriteIOps", array(in.get(DEVICE_WRITE_IOPS)));
        r.add("Ulimits", ResourceValues.ulimits(in.get(ULIMIT)));
        r.addProperty("ShmSize", in.get(SHM_SIZE));
        JsonArray devices = new JsonArray();
        JsonArray requests = array(in.get(GPUS));
        List<String> cdi = new ArrayList<>();
        for (String device : in.get(DEVICE)) {
            if (ResourceValues.isCdiName(device)) {
                cdi.add(device);
            } else {
                devices.add(ResourceValues.device(device));
            }
        }
        if (!cdi.isEmpty()) {
            JsonObject request = new JsonObject();
            request.addProperty("Driver", "cdi");
            request.add("DeviceIDs", CreateRequest.strings(cdi));
            requests.add(request);
        }
        r.add("Devices", devices);
        if (!in.get(DEVICE_CGROUP_RULE).isEmpty()) {
            r.add("DeviceCgroupRules", CreateRequest.strings(in.get(DEVICE_CGROUP_RULE)));
        }
        if (!requests.isEmpty()) {
            r.add("DeviceRequests", requests);
        }
        return new ResourceFlags(r);
    }

    public void applyTo(CreateRequest request) {
        resources.entrySet().forEach(e -> request.host().add(e.getKey(), e.getValue().deepCopy()));
    }

    private static JsonArray array(List<JsonObject> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
