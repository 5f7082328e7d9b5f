package io.github.dockerlessons;

import io.github.dockerlessons.command.system.KernelVersion;
import io.github.dockerlessons.commands.DockerCommands;
import io.github.dockerlessons.engine.EngineDiscovery;
import io.github.dockerlessons.engine.Engine;
import io.github.dockerlessons.engine.EngineGateway;
import io.github.dockerlessons.i18n.Messages;
import io.github.dockerlessons.jupyter.KernelLauncher;
import io.github.dockerlessons.jupyter.PendingSession;
import io.github.dockerlessons.kernelspec.KernelspecInstaller;
import io.github.dockerlessons.session.CheckRunner;
import io.github.dockerlessons.session.Session;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar docker-kernel.jar CONNECTION_FILE} runs the kernel;
 * {@code install} / {@code uninstall} manage its kernelspec.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            System.out.println("Usage: java -jar docker-kernel.jar CONNECTION_FILE\n" + kernelspecUsage());
            System.exit(args.length == 0 ? 2 : 0);
        }
        if (args[0].equals("--version")) {
            System.out.println(KernelVersion.VERSION);
            return;
        }
        if (args[0].equals("install") || args[0].equals("uninstall")) {
            try {
                List<String> rest = Arrays.asList(args).subList(1, args.length);
                System.exit(new KernelspecInstaller(env, System.out).run(args[0], rest));
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                System.exit(2);
            }
        }
        if (args[0].equals("check")) {
            // The classroom's recheck: a lesson's checks against an engine, as JSON (never a kernel).
            int status = CheckRunner.run(Arrays.asList(args).subList(1, args.length), env, System.out, System.err);
            System.exit(status);
        }
        // The message bundle, the engine's configuration, the commands' registry and the session are
        // built once the first kernel_info_reply is out (see PendingSession).
        PendingSession session = new PendingSession(() -> {
            Messages messages = new Messages(Messages.fromEnvironment(env));
            Engine engine = new EngineGateway(EngineDiscovery.forThisMachine(env));
            return new Session(DockerCommands.registry(), engine, messages, env, Clock.systemUTC());
        });
        KernelLauncher.serve(Path.of(args[0]), session, KernelVersion.VERSION, env);
        // docker-java's connection threads must not keep a shut-down kernel alive.
        System.exit(0);
    }

    private static String kernelspecUsage() {
        return "       java -jar docker-kernel.jar install [--user | --sys-prefix | --prefix DIR] [--replace] [--lang ko|en]\n"
                + "                                           [--lessons-engine DOCKER_HOST]\n"
                + "       java -jar docker-kernel.jar check --lesson FILE.ipynb [--host DOCKER_HOST]\n"
                + "       java -jar docker-kernel.jar uninstall [--user | --sys-prefix | --prefix DIR]";
    }
}
