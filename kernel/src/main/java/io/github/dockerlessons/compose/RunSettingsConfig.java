package io.github.dockerlessons.compose;

import io.github.dockerlessons.golang.GoTime;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A service's run settings as {@code docker compose config} prints them (compose-go's types): a
 * healthcheck's durations as Go prints a Duration ("30s", "1m30s"), extra hosts as sorted HOST=IP,
 * memory as a quoted count of bytes and cpus as a number.
 */
final class RunSettingsConfig {
    private RunSettingsConfig() {
    }

    /** Adds the settings' keys to a service's (sorted) map. */
    static void put(Map<String, Object> out, ComposeProject.RunSettings s) {
        if (!s.capAdd().isEmpty()) {
            out.put("cap_add", s.capAdd());
        }
        if (!s.capDrop().isEmpty()) {
            out.put("cap_drop", s.capDrop());
        }
        if (s.resources() != null) {
            out.put("deploy", Map.of("resources", resources(s.resources())));
        }
        if (!s.extraHosts().isEmpty()) {
            List<String> hosts = new ArrayList<>(s.extraHosts());
            hosts.sort(null);
            out.put("extra_hosts", hosts);
        }
        if (s.healthcheck() != null) {
            out.put("healthcheck", healthcheck(s.healthcheck()));
        }
        if (s.logging() != null) {
            Map<String, Object> logging = new LinkedHashMap<>();
            if (s.logging().driver() != null) {
                logging.put("driver", s.logging().driver());
            }
            if (!s.logging().options().isEmpty()) {
                logging.put("options", new TreeMap<>(s.logging().options()));
            }
            out.put("logging", logging);
        }
        if (s.networkMode() != null) {
            out.put("network_mode", s.networkMode());
        }
        if (!s.profiles().isEmpty()) {
            out.put("profiles", s.profiles());
        }
        putMounts(out, "secrets", s.secrets());
        putMounts(out, "configs", s.configs());
        if (!s.ulimits().isEmpty()) {
            Map<String, Object> ulimits = new TreeMap<>();
            s.ulimits().forEach((name, u) -> {
                if (u.single() != null) {
                    ulimits.put(name, u.single());
                } else {
                    Map<String, Object> pair = new LinkedHashMap<>();
                    pair.put("soft", u.soft());
                    pair.put("hard", u.hard());
                    ulimits.put(name, pair);
                }
            });
            out.put("ulimits", ulimits);
        }
    }

    private static void putMounts(Map<String, Object> out, String key, List<ComposeProject.FileMount> mounts) {
        if (mounts.isEmpty()) {
            return;
        }
        List<Object> list = new ArrayList<>();
        for (ComposeProject.FileMount m : mounts) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("source", m.source());
            if (m.target() != null) {
                one.put("target", m.target());
            }
            list.add(one);
        }
        out.put(key, list);
    }

    /** Top-level secrets or configs: name, then file (compose-go's FileObjectConfig order). */
    static Map<String, Object> fileObjects(Map<String, ComposeProject.FileObject> objects) {
        Map<String, Object> out = new LinkedHashMap<>();
        objects.forEach((key, o) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", o.name());
            one.put("file", o.file().toString());
            out.put(key, one);
        });
        return out;
    }

    /** compose-go's HealthCheckConfig, in its field order. */
    private static Map<String, Object> healthcheck(ComposeProject.Healthcheck h) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (h.test() != null) {
            out.put("test", h.test());
        }
        if (h.timeout() != null) {
            out.put("timeout", GoTime.formatDuration(h.timeout()));
        }
        if (h.interval() != null) {
            out.put("interval", GoTime.formatDuration(h.interval()));
        }
        if (h.retries() != null) {
            out.put("retries", h.retries());
        }
        if (h.startPeriod() != null) {
            out.put("start_period", GoTime.formatDuration(h.startPeriod()));
        }
        if (h.disable()) {
            out.put("disable", true);
        }
        return out;
    }

    private static Map<String, Object> resources(ComposeProject.Resources r) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> limits = new LinkedHashMap<>();
        if (r.cpus() != null) {
            limits.put("cpus", number(r.cpus()));
        }
        if (r.memory() != null) {
            limits.put("memory", Long.toString(r.memory()));
        }
        if (!limits.isEmpty()) {
            out.put("limits", limits);
        }
        if (r.memoryReservation() != null) {
            out.put("reservations", Map.of("memory", Long.toString(r.memoryReservation())));
        }
        return out;
    }

    /** cpus as a YAML number: "1" stays 1, "0.5" is 0.5; text that is not a number stays text. */
    private static Object number(String cpus) {
        try {
            BigDecimal value = new BigDecimal(cpus).stripTrailingZeros();
            return value.scale() <= 0 ? (Object) value.longValueExact() : (Object) value.doubleValue();
        } catch (NumberFormatException | ArithmeticException e) {
            return cpus;
        }
    }
}
