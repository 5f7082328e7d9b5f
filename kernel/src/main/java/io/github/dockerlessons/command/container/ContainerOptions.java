package io.github.dockerlessons.command.container;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flags run and create share (docker/cli's containerOptions), and how they become the engine's
 * container config. A picocli mixin, so both commands declare them once.
 */
public final class ContainerOptions {
    @Option(names = {"-i", "--interactive"}, descriptionKey = "interactive")
    boolean interactive;

    @Option(names = {"-t", "--tty"})
    boolean tty;

    @Option(names = "--rm")
    boolean autoRemove;

    @Option(names = "--name", paramLabel = "string")
    String name;

    @Option(names = {"-e", "--env"}, paramLabel = "list")
    List<String> env = new ArrayList<>();

    @Option(names = {"-p", "--publish"}, paramLabel = "list")
    List<String> publish = new ArrayList<>();

    @Option(names = {"-v", "--volume"}, paramLabel = "list")
    List<String> volumes = new ArrayList<>();

    @Option(names = {"-w", "--workdir"}, paramLabel = "string")
    String workdir;

    @Option(names = "--entrypoint", paramLabel = "string")
    String entrypoint;

    @Option(names = {"-l", "--label"}, paramLabel = "list")
    List<String> labels = new ArrayList<>();

    @Option(names = {"-h", "--hostname"}, paramLabel = "string")
    String hostname;

    @Option(names = {"-m", "--memory"}, paramLabel = "bytes")
    String memory;

    /** docker's RAMInBytes: "64m", "1g", "512k", "1048576" (binary units). */
    static long bytes(String value) {
        String v = value.strip().toLowerCase();
        long factor = 1;
        if (v.endsWith("b")) {
            v = v.substring(0, v.length() - 1);
        }
        switch (v.isEmpty() ? ' ' : v.charAt(v.length() - 1)) {
            case 'k' -> factor = 1L << 10;
            case 'm' -> factor = 1L << 20;
            case 'g' -> factor = 1L << 30;
            default -> factor = 1;
        }
        if (factor > 1) {
            v = v.substring(0, v.length() - 1);
        }
        return (long) (Double.parseDouble(v) * factor);
    }

    /** Fills the engine's create request; {@code attach} says whether the client will attach. */
    void applyTo(CreateContainerCmd cmd, List<String> command, boolean attach) {
        if (name != null) {
            cmd.withName(name);
        }
        if (!command.isEmpty()) {
            cmd.withCmd(command);
        }
        if (!env.isEmpty()) {
            cmd.withEnv(env);
        }
        if (workdir != null) {
            cmd.withWorkingDir(workdir);
        }
        if (entrypoint != null) {
            cmd.withEntrypoint(entrypoint.isEmpty() ? List.of("") : List.of(entrypoint));
        }
        if (!labels.isEmpty()) {
            Map<String, String> map = new LinkedHashMap<>();
            for (String label : labels) {
                int eq = label.indexOf('=');
                map.put(eq < 0 ? label : label.substring(0, eq), eq < 0 ? "" : label.substring(eq + 1));
            }
            cmd.withLabels(map);
        }
        cmd.withTty(tty);
        // As the CLI does: stdin stays open for -i, and is closed after the one attached client.
        cmd.withStdinOpen(interactive);
        cmd.withStdInOnce(interactive && attach);
        cmd.withAttachStdin(interactive && attach);
        cmd.withAttachStdout(attach);
        cmd.withAttachStderr(attach);

        if (hostname != null) {
            cmd.withHostName(hostname);
        }
        HostConfig host = HostConfig.newHostConfig().withAutoRemove(autoRemove);
        if (memory != null) {
            host.withMemory(bytes(memory));
        }
        if (!publish.isEmpty()) {
            Ports ports = new Ports();
            List<ExposedPort> exposed = new ArrayList<>();
            for (String spec : publish) {
                PortBinding binding = PortBinding.parse(spec);
                ports.add(binding);
                exposed.add(binding.getExposedPort());
            }
            host.withPortBindings(ports);
            cmd.withExposedPorts(exposed);
        }
        if (!volumes.isEmpty()) {
            List<Bind> binds = new ArrayList<>();
            for (String spec : volumes) {
                binds.add(Bind.parse(spec));
            }
            host.withBinds(binds);
        }
        cmd.withHostConfig(host);
    }
}
