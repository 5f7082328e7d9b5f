package io.github.dockerlessons.command.container;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import io.github.dockerlessons.command.Invocation;
import io.github.dockerlessons.command.Units;
import io.github.dockerlessons.command.flags.Flag;

import java.util.ArrayList;
import java.util.List;

/**
 * The flags run and create share (docker/cli's containerOptions), declared once, and the values of
 * one run read from them, which become the engine's container config.
 *
 * @param interactive keep stdin open ({@code -i})
 * @param tty         allocate a pseudo-TTY ({@code -t})
 */
record ContainerOptions(boolean interactive, boolean tty, boolean autoRemove, String name, List<String> env,
                        List<String> publish, List<String> volumes, String workdir, String entrypoint,
                        List<String> labels, String hostname, Long memory) {

    static final Flag<Boolean> INTERACTIVE = Flag.bool('i', "interactive");
    static final Flag<Boolean> TTY = Flag.bool('t', "tty");
    static final Flag<Boolean> RM = Flag.bool("rm");
    static final Flag<String> NAME = Flag.string("name");
    static final Flag<List<String>> ENV = Flag.list('e', "env");
    static final Flag<List<String>> PUBLISH = Flag.list('p', "publish");
    static final Flag<List<String>> VOLUME = Flag.list('v', "volume");
    static final Flag<String> WORKDIR = Flag.string('w', "workdir");
    static final Flag<String> ENTRYPOINT = Flag.string("entrypoint");
    static final Flag<List<String>> LABEL = Flag.list('l', "label");
    static final Flag<String> HOSTNAME = Flag.string('h', "hostname");
    static final Flag<Long> MEMORY = Flag.of('m', "memory", Units.BYTES, null);

    static final List<Flag<?>> FLAGS = List.of(INTERACTIVE, TTY, RM, NAME, ENV, PUBLISH, VOLUME, WORKDIR, ENTRYPOINT,
            LABEL, HOSTNAME, MEMORY);

    static ContainerOptions of(Invocation in) {
        return new ContainerOptions(in.get(INTERACTIVE), in.get(TTY), in.get(RM), in.get(NAME), in.get(ENV),
                in.get(PUBLISH), in.get(VOLUME), in.get(WORKDIR), in.get(ENTRYPOINT), in.get(LABEL), in.get(HOSTNAME),
                in.get(MEMORY));
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
            cmd.withLabels(Units.labels(labels));
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
            host.withMemory(memory);
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
