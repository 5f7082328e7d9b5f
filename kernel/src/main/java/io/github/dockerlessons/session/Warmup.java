package io.github.dockerlessons.session;

import com.google.gson.JsonParser;
import io.github.dockerlessons.api.ContainerSummary;
import io.github.dockerlessons.api.ImageSummary;
import io.github.dockerlessons.command.core.CommandRegistry;
import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.console.ForwardingConsole;
import io.github.dockerlessons.engine.EngineDiscovery;
import io.github.dockerlessons.engine.EngineGateway;
import io.github.dockerlessons.engine.RehearsalEngine;
import io.github.dockerlessons.i18n.Messages;
import io.github.dockerlessons.render.Bundle;
import io.github.dockerlessons.render.ContainerTable;
import io.github.dockerlessons.render.ImageTable;
import io.github.dockerlessons.script.Expander;
import io.github.dockerlessons.script.ScriptParser;
import io.github.dockerlessons.script.SimpleCommand;
import io.github.dockerlessons.script.Variables;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A just-started JVM interprets the cell path for its first few hundred cells, which makes early
 * cells several times slower than later ones (the kernel runs C1 alone, which compiles a method after
 * about 200 calls). This runs real cells ({@code docker ps -a}, {@code docker images}, a substitution)
 * through a session of its own against a {@link RehearsalEngine} in this process: parsing, expansion,
 * flags, the gateway, docker-java's transport over a unix socket through Apache's client, the
 * listings' Gson model and the tables; so the JIT has compiled all of it before the user's first cells, and the
 * user's engine gets no request. Where no unix socket can be made, it runs the offline part alone.
 * A daemon thread that pauses between its cells while the user's cell runs (thread priorities mean
 * nothing to Linux's scheduler without privileges, so the pause is what keeps the first real cells as
 * fast as they would be without it).
 */
public final class Warmup {
    private static final String CONTAINERS = "[{\"Id\":\"cd91568b33c3aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\","
            + "\"Names\":[\"/redis-server\"],\"Image\":\"redis\",\"ImageID\":\"sha256:318d\",\"Command\":"
            + "\"redis-server --protected-mode no\",\"Created\":1764250000,\"State\":\"running\",\"Status\":\"Up 5 seconds\","
            + "\"Ports\":[{\"IP\":\"0.0.0.0\",\"PrivatePort\":6379,\"PublicPort\":6379,\"Type\":\"tcp\"}],"
            + "\"Labels\":{},\"HostConfig\":{\"NetworkMode\":\"default\"},\"Mounts\":[]}]";
    private static final String IMAGES = "[{\"Id\":\"sha256:ae5d8ddc66b4aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\","
            + "\"RepoTags\":[\"busybox:latest\"],\"Created\":1764250000,\"Size\":1981234,\"Containers\":-1}]";

    /** How often a paused warm-up looks again whether the user's cell has ended. */
    private static final long PAUSE_MILLIS = 20;

    /** The cells a lesson starts with, as a user types them. */
    private static final List<String> CELLS = List.of("docker ps -a", "docker images", "ID=$(docker ps -a -q)");

    private Warmup() {
    }

    /**
     * Starts the warm-up; {@code more} runs extra work of the caller's (the protocol edge warms its
     * message encoding with the bundles this produces); while {@code userBusy} says so, it waits.
     */
    public static void start(CommandRegistry registry, Locale language, int rounds, BooleanSupplier userBusy,
                             Consumer<Bundle> more) {
        Thread thread = new Thread(() -> {
            try {
                run(registry, language, rounds, () -> {
                    while (userBusy.getAsBoolean()) {
                        Thread.sleep(PAUSE_MILLIS);
                    }
                }, more);
            } catch (Exception | LinkageError ignored) {
                // warming is best effort: a failure only means the first cells run cold
            }
        }, "warmup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Waits, between two of the warm-up's cells, for the user's work to end. */
    @FunctionalInterface
    interface Pause {
        Pause NEVER = () -> { };

        void untilUserIdle() throws InterruptedException;
    }

    /** The warm-up on the calling thread: real cells against a rehearsal engine, or the offline part. */
    static void run(CommandRegistry registry, Locale language, int rounds, Pause pause, Consumer<Bundle> more)
            throws Exception {
        RehearsalEngine engine;
        try {
            engine = RehearsalEngine.start(Map.of("/containers/json", CONTAINERS, "/images/json", IMAGES));
        } catch (IOException | RuntimeException e) {
            runOffline(registry, rounds, pause, more);
            return;
        }
        try (engine; EngineGateway gateway = new EngineGateway(EngineDiscovery.fixed(engine.host()))) {
            Session session = new Session(registry, gateway, new Messages(language), Map.of(), Clock.systemUTC());
            // Only the tables (each cell's answer) go on, to the encoder's rehearsal; nothing is shown anywhere.
            Console answers = new ForwardingConsole(Console.NOWHERE) {
                @Override
                public void result(Bundle bundle) {
                    more.accept(bundle);
                }
            };
            try {
                for (int i = 0; i < rounds; i++) {
                    for (String cell : CELLS) {
                        pause.untilUserIdle();
                        session.run(cell, answers);
                    }
                }
            } finally {
                session.shutdown();
            }
        }
    }

    /** Without an engine: parsing, expansion, flags, the model's JSON and the tables on samples. */
    private static void runOffline(CommandRegistry registry, int rounds, Pause pause, Consumer<Bundle> more)
            throws Exception {
        Variables variables = new Variables(Map.of());
        variables.set("ID", "cd91568b33c3");
        Expander expander = new Expander(variables, script -> "cd91568b33c3\n", SessionLimits.DEFAULT_CAPTURE);
        for (int i = 0; i < rounds; i++) {
            pause.untilUserIdle();
            for (SimpleCommand command : ScriptParser.parse(
                    "docker ps -a\ndocker images\ndocker rm $(docker ps -a -q) $ID \"x y\"").commands()) {
                expander.expandWords(command.words());
            }
            for (List<String> argv : List.of(List.of("ps", "-a"), List.of("images"))) {
                var resolved = registry.resolve(argv).orElseThrow();
                var spec = resolved.command().spec();
                spec.flags().parse(resolved.rest(), spec.interspersed());
            }
            List<ContainerSummary> containers = ContainerSummary.listing(JsonParser.parseString(CONTAINERS));
            List<ImageSummary> images = ImageSummary.listing(JsonParser.parseString(IMAGES));
            Instant now = Instant.now();
            Bundle ps = ContainerTable.bundle(containers, true, false, now, null);
            Bundle listing = ImageTable.bundle(images, true, false, now, null);
            more.accept(ps);
            more.accept(listing);
        }
    }
}
