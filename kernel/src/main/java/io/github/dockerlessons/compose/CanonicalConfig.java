package io.github.dockerlessons.compose;

import com.google.gson.GsonBuilder;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A project in Compose's canonical form, as {@code docker compose config} prints it: everything the
 * kernel read, interpolated, with paths absolute, the long syntax of ports, volumes and depends_on,
 * the implicit default network, and the engine names of networks and volumes; as YAML or JSON.
 */
public final class CanonicalConfig {
    private CanonicalConfig() {
    }

    public static Map<String, Object> of(ComposeProject project, List<ComposeProject.Service> services) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", project.name());
        Map<String, Object> all = new LinkedHashMap<>();
        for (ComposeProject.Service s : services) {
            all.put(s.name(), service(s));
        }
        root.put("services", all);
        Map<String, Object> networks = new LinkedHashMap<>();
        for (ComposeProject.Network n : project.networks().values()) {
            Map<String, Object> network = resource(n.name(), n.driver(), n.external(), n.labels());
            if (n.internal()) {
                network.put("internal", true);
            }
            networks.put(n.key(), network);
        }
        if (!networks.isEmpty()) {
            root.put("networks", networks);
        }
        Map<String, Object> volumes = new LinkedHashMap<>();
        for (ComposeProject.Volume v : project.volumes().values()) {
            volumes.put(v.key(), resource(v.name(), v.driver(), v.external(), v.labels()));
        }
        if (!volumes.isEmpty()) {
            root.put("volumes", volumes);
        }
        if (!project.secrets().isEmpty()) {
            root.put("secrets", RunSettingsConfig.fileObjects(project.secrets()));
        }
        if (!project.configs().isEmpty()) {
            root.put("configs", RunSettingsConfig.fileObjects(project.configs()));
        }
        return root;
    }

    /** What a network and a volume both show: name, then driver, external and labels where set (keys sorted). */
    private static Map<String, Object> resource(String name, String driver, boolean external,
                                                Map<String, String> labels) {
        Map<String, Object> out = new TreeMap<>();
        out.put("name", name);
        if (driver != null) {
            out.put("driver", driver);
        }
        if (external) {
            out.put("external", true);
        }
        if (!labels.isEmpty()) {
            out.put("labels", new TreeMap<>(labels));
        }
        return out;
    }

    private static Map<String, Object> service(ComposeProject.Service s) {
        Map<String, Object> out = new TreeMap<>();
        if (s.build() != null) {
            Map<String, Object> build = new TreeMap<>();
            build.put("context", s.build().context().toString());
            build.put("dockerfile", s.build().dockerfile());
            if (!s.build().args().isEmpty()) {
                build.put("args", new TreeMap<>(s.build().args()));
            }
            out.put("build", build);
        }
        putIf(out, "command", s.command());
        putIf(out, "entrypoint", s.entrypoint());
        putIf(out, "container_name", s.containerName());
        if (!s.dependsOn().isEmpty()) {
            Map<String, Object> deps = new TreeMap<>();
            s.dependsOn().forEach((name, d) -> {
                Map<String, Object> dep = new LinkedHashMap<>();
                dep.put("condition", d.condition());
                dep.put("required", d.required());
                deps.put(name, dep);
            });
            out.put("depends_on", deps);
        }
        if (!s.environment().isEmpty()) {
            Map<String, Object> env = new TreeMap<>();
            for (String pair : s.environment()) {
                int eq = pair.indexOf('=');
                env.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            out.put("environment", env);
        }
        if (!s.expose().isEmpty()) {
            out.put("expose", s.expose());
        }
        putIf(out, "hostname", s.hostname());
        putIf(out, "image", s.image());
        putIf(out, "init", s.init());
        if (!s.labels().isEmpty()) {
            out.put("labels", new TreeMap<>(s.labels()));
        }
        Map<String, Object> networks = new TreeMap<>();
        if (s.networks().isEmpty() && s.settings().networkMode() == null) {
            networks.put("default", null);
        } else {
            s.networks().forEach((name, aliases) -> networks.put(name,
                    aliases.isEmpty() ? null : Map.of("aliases", aliases)));
        }
        out.put("networks", networks);
        if (s.networks().isEmpty() && s.settings().networkMode() != null) {
            out.remove("networks"); // network_mode: no project network
        }
        RunSettingsConfig.put(out, s.settings());
        if (!s.ports().isEmpty()) {
            List<Object> ports = new ArrayList<>();
            for (ComposeProject.Port p : s.ports()) {
                Map<String, Object> port = new LinkedHashMap<>();
                port.put("mode", "ingress");
                if (p.hostIp() != null) {
                    port.put("host_ip", p.hostIp());
                }
                port.put("target", Integer.parseInt(p.target()));
                if (!p.published().isEmpty()) {
                    port.put("published", p.published());
                }
                port.put("protocol", p.protocol());
                ports.add(port);
            }
            out.put("ports", ports);
        }
        putIf(out, "restart", s.restart());
        putIf(out, "stop_signal", s.stopSignal());
        if (s.stopGraceSeconds() != null) {
            out.put("stop_grace_period", s.stopGraceSeconds() + "s");
        }
        if (s.tty()) {
            out.put("tty", true);
        }
        if (s.stdinOpen()) {
            out.put("stdin_open", true);
        }
        putIf(out, "user", s.user());
        if (!s.volumes().isEmpty()) {
            List<Object> volumes = new ArrayList<>();
            for (ComposeProject.Mount m : s.volumes()) {
                Map<String, Object> volume = new LinkedHashMap<>();
                volume.put("type", m.type());
                if (m.source() != null) {
                    volume.put("source", m.source());
                }
                volume.put("target", m.target());
                if (m.readOnly()) {
                    volume.put("read_only", true);
                }
                volume.put(m.type().equals("bind") ? "bind" : m.type().equals("volume") ? "volume" : "tmpfs",
                        m.type().equals("bind") ? Map.of("create_host_path", true) : Map.of());
                volumes.add(volume);
            }
            out.put("volumes", volumes);
        }
        putIf(out, "working_dir", s.workingDir());
        return out;
    }

    private static void putIf(Map<String, Object> out, String key, Object value) {
        if (value != null) {
            out.put(key, value);
        }
    }

    public static String yaml(Map<String, Object> config) {
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setIndent(2)
                .setIndicatorIndent(2).setIndentWithIndicator(true).setWidth(Integer.MAX_VALUE).build();
        return new Dump(settings, new GoYamlStrings(settings)).dumpToString(config);
    }

    /**
     * go-yaml v3's choice of quotes: a string that would read back as a number, a bool or null is
     * double-quoted ({@code memory: "67108864"}, {@code published: "8080"}); other strings as the emitter
     * picks (plain, else single quotes).
     */
    private static final class GoYamlStrings extends StandardRepresenter {
        GoYamlStrings(DumpSettings settings) {
            super(settings);
            var plain = representers.get(String.class);
            representers.put(String.class, data -> settings.getSchema().getScalarResolver().resolve(data.toString(), true)
                    .equals(Tag.STR) ? plain.representData(data)
                    : representScalar(Tag.STR, data.toString(), ScalarStyle.DOUBLE_QUOTED));
        }
    }

    public static String json(Map<String, Object> config) {
        return new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(config) + "\n";
    }
}
