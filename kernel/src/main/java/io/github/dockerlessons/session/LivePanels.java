package io.github.dockerlessons.session;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandRegistry;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.GlobalOptions;
import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.console.LiveDisplay;
import io.github.dockerlessons.engine.Cancellation;
import io.github.dockerlessons.engine.Engine;
import io.github.dockerlessons.engine.EngineGateway;
import io.github.dockerlessons.i18n.Messages;
import io.github.dockerlessons.render.Bundle;
import io.github.dockerlessons.render.Html;

import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The lecture's second terminal: {@code %live docker ps} shows a listing in a display that keeps
 * itself current while other cells run. The engine's events say when something changed; the panel
 * is then listed again and its display replaced in place (update_display_data with the parent header
 * of the cell that opened it), at most a few times a second. Listings whose values drift with time
 * ({@code stats}, the "Up 5 seconds" of {@code ps}) are also refreshed every few seconds. At the end
 * of every cell the panels' latest state is also sent with that cell's parent header, so that a
 * headless run (nbconvert) records it. Panels run their listing beside the cells, through the same
 * commands: nothing is shared between the runs.
 *
 * <p>A swarm's listings ({@code service ps}, {@code node ls}) and the cluster picture ({@code %cluster})
 * are panels too. Tasks move without an engine event, and a panel may ask another engine than the
 * session's ({@code %live docker -c node1 node ls}, the CLI's global flags for that panel alone), so
 * these are listed again every second instead of on events.
 */
final class LivePanels implements AutoCloseable {
    /** The listings a panel can show. */
    private static final Set<List<String>> LISTINGS = Set.of(List.of("ps"), List.of("container", "ls"),
            List.of("container", "list"), List.of("images"), List.of("image", "ls"), List.of("image", "list"),
            List.of("stats"), List.of("container", "stats"), List.of("volume", "ls"), List.of("network", "ls"),
            List.of("service", "ps"), List.of("service", "ls"), List.of("node", "ls"), List.of("node", "ps"));
    /** The listings of a swarm: tasks change state without an event, so they are polled. */
    private static final Set<String> SWARM_GROUPS = Set.of("service", "node");
    /** The most often a panel is redrawn: a few times a second (at most 4 in any second, the first included). */
    static final long MIN_INTERVAL_MS = 300;
    /** How often a listing with relative times or live figures is redrawn without an event. */
    private static final long DRIFT_REFRESH_MS = 5000;
    private static final long STATS_REFRESH_MS = 2000;
    /** How often a swarm's listing, or a panel on another engine than the session's, is listed again. */
    private static final long POLL_REFRESH_MS = 1000;

    /** What a panel shows, drawn on an engine under a title: a listing's answer framed, or a picture. */
    @FunctionalInterface
    interface Source {
        Bundle draw(Engine engine, String title) throws DockerError, InterruptedException;
    }

    private final class Panel {
        final int number;
        final String shownAs;
        final Source source;
        /** The engine -c/-H named for this panel (closed with it), or null for the session's. */
        final Engine own;
        volatile LiveDisplay display;
        final long refreshMs;
        volatile Bundle shown;
        volatile Bundle syncedTo;
        volatile boolean dirty;
        volatile long lastDrawn;
        volatile boolean scheduled;
        /** The refresh on its timer, cancelled when the panel stops (else it held the panel for good). */
        volatile java.util.concurrent.Future<?> refresh;

        Panel(int number, String shownAs, Source source, Engine own, long refreshMs) {
            this.number = number;
            this.shownAs = shownAs;
            this.source = source;
            this.own = own;
            this.refreshMs = refreshMs;
            this.lastDrawn = System.nanoTime();
        }
    }

    private final CommandRegistry registry;
    private final Engine engine;
    private final Messages messages;
    private final Clock clock;
    private final Duration quickCall;
    private final Supplier<String> scope;
    private final Map<Integer, Panel> panels = new ConcurrentSkipListMap<>();
    private final AtomicInteger numbers = new AtomicInteger();
    private final ScheduledExecutorService drawer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "live-panels");
        thread.setDaemon(true);
        return thread;
    });
    private final Cancellation running = new Cancellation();
    private Closeable events;

    LivePanels(CommandRegistry registry, Engine engine, Messages messages, Clock clock, Duration quickCall,
               Supplier<String> scope) {
        this.registry = registry;
        this.engine = engine;
        this.messages = messages;
        this.clock = clock;
        this.quickCall = quickCall;
        this.scope = scope;
    }

    /** {@code %live docker ps ...}: the panel's number, after its first listing is shown. */
    synchronized int start(List<String> command, Console cell) throws Magics.CellFailure, DockerError,
            InterruptedException {
        if (command.isEmpty() || !command.get(0).equals("docker")) {
            throw new Magics.CellFailure(messages.get("magic.live.usage"));
        }
        List<String> typed = List.copyOf(command.subList(1, command.size()));
        GlobalOptions global = GlobalOptions.parse(typed);
        List<String> argv = global.command();
        boolean listing = LISTINGS.contains(argv.subList(0, Math.min(1, argv.size())))
                || LISTINGS.contains(argv.subList(0, Math.min(2, argv.size())));
        boolean stats = argv.contains("stats");
        if (!listing || (stats && !argv.contains("--no-stream"))) {
            throw new Magics.CellFailure(messages.get("magic.live.listings", String.join(" ", command)));
        }
        long refresh = SWARM_GROUPS.contains(argv.get(0)) || global.selectsEngine() ? POLL_REFRESH_MS
                : stats ? STATS_REFRESH_MS : DRIFT_REFRESH_MS;
        return open("docker " + String.join(" ", typed), (on, title) -> frame(title, listing(on, argv)), global,
                refresh, cell);
    }

    /**
     * {@code %cluster [-c CONTEXT | -H HOST]}: the picture of the swarm that engine manages, kept current
     * as a panel; its number.
     */
    synchronized int startCluster(List<String> flags, Console cell) throws Magics.CellFailure, DockerError,
            InterruptedException {
        GlobalOptions global = GlobalOptions.parse(flags);
        if (!global.command().isEmpty() || global.versionRequested()) {
            throw new Magics.CellFailure(messages.get("magic.cluster.usage"));
        }
        return open(String.join(" ", prepend("%cluster", flags)), (on, title) -> ClusterView.draw(context(on,
                Console.NOWHERE), title), global, POLL_REFRESH_MS, cell);
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    /** Draws a panel once, shows it, and keeps it current (unless nothing can be updated here). */
    private int open(String shownAs, Source source, GlobalOptions global, long refresh, Console cell)
            throws DockerError, InterruptedException {
        Engine own = global.selectsEngine() ? new EngineGateway(global.discovery(engine.discovery())) : null;
        Panel panel = new Panel(numbers.incrementAndGet(), shownAs, source, own, refresh);
        Bundle first;
        LiveDisplay display;
        try {
            first = draw(panel, true);
            display = cell.showLive(first);
        } catch (DockerError | InterruptedException | RuntimeException e) {
            closeQuietly(own);
            throw e;
        }
        if (display == null) {
            closeQuietly(own);
            return panel.number; // nothing can be kept up to date here (a silent request): shown once
        }
        panel.display = display;
        panel.shown = first;
        panel.syncedTo = first;
        panels.put(panel.number, panel);
        panel.refresh = drawer.scheduleWithFixedDelay(() -> drift(panel), refresh, refresh, TimeUnit.MILLISECONDS);
        if (own == null) {
            followEvents();
        }
        return panel.number;
    }

    private static void closeQuietly(Engine own) {
        if (own != null) {
            try {
                own.close();
            } catch (IOException | RuntimeException ignored) {
                // the panel's own connection: nothing else uses it
            }
        }
    }

    /**
     * {@code %live off}: every panel (or the one numbered) stops, keeping its latest listing, marked
     * as stopped; said through {@code cell} (the cell that stopped it), so a headless run records it.
     */
    synchronized List<Integer> stop(Integer number, Console cell) {
        List<Integer> stopped = new ArrayList<>();
        for (Integer key : new ArrayList<>(panels.keySet())) {
            if (number == null || key.equals(number)) {
                Panel panel = panels.remove(key);
                if (panel.refresh != null) {
                    panel.refresh.cancel(false);
                }
                stopped.add(key);
                Bundle still;
                try {
                    still = draw(panel, false);
                } catch (DockerError | RuntimeException e) {
                    still = panel.shown; // the last listing stands
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    still = panel.shown;
                }
                closeQuietly(panel.own);
                cell.update(panel.display.id(), still);
            }
        }
        if (panels.isEmpty()) {
            stopEvents();
        }
        return stopped;
    }

    List<Integer> numbers() {
        return new ArrayList<>(panels.keySet());
    }

    /**
     * The end of a cell: each panel is listed once more (the cell may have just changed the engine,
     * before its event arrived) and, if it changed since the last cell, sent with that cell's parent
     * header.
     */
    void syncTo(Console cell) {
        for (Panel panel : panels.values()) {
            try {
                Bundle next = draw(panel, true);
                if (!next.data().equals(panel.shown.data())) {
                    panel.shown = next;
                }
            } catch (DockerError | RuntimeException e) {
                // the panel keeps its last listing
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Bundle shown = panel.shown;
            if (shown != panel.syncedTo) {
                cell.update(panel.display.id(), shown);
                panel.syncedTo = shown;
            }
        }
    }

    @Override
    public synchronized void close() {
        panels.values().forEach(panel -> closeQuietly(panel.own));
        panels.clear();
        stopEvents();
        running.abandonNow();
        drawer.shutdownNow();
    }

    /** The listing's values drift with time: redrawn on its refresh, within the same cap as changes. */
    private void drift(Panel panel) {
        if (panels.containsKey(panel.number)) {
            redrawSoon(panel);
        }
    }

    /** Something changed at the engine: every panel is redrawn, none more often than allowed. */
    private void changed() {
        for (Panel panel : panels.values()) {
            redrawSoon(panel);
        }
    }

    /** Redraws the panel once MIN_INTERVAL_MS has passed since its last drawing (at once if it has). */
    private void redrawSoon(Panel panel) {
        panel.dirty = true;
        long wait = MIN_INTERVAL_MS - (System.nanoTime() - panel.lastDrawn) / 1_000_000;
        if (!panel.scheduled) {
            panel.scheduled = true;
            drawer.schedule(() -> {
                panel.scheduled = false;
                redraw(panel);
            }, Math.max(0, wait), TimeUnit.MILLISECONDS);
        }
    }

    private void redraw(Panel panel) {
        if (!panel.dirty || !panels.containsKey(panel.number)) {
            return;
        }
        panel.dirty = false;
        panel.lastDrawn = System.nanoTime();
        try {
            Bundle next = draw(panel, true);
            if (!next.data().equals(panel.shown.data())) {
                panel.shown = next;
                panel.display.update(next);
            }
        } catch (DockerError | RuntimeException e) {
            // the engine went away for a moment: the panel keeps its last listing and tries on the next change
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The panel drawn now, under its title (live, or stopped). */
    private Bundle draw(Panel panel, boolean live) throws DockerError, InterruptedException {
        String title = messages.get(live ? "live.title" : "live.title.stopped", panel.number, panel.shownAs);
        return panel.source.draw(panel.own != null ? panel.own : engine, title);
    }

    /** What a panel's engine calls work with, limited to this notebook's objects after {@code %scope lesson}. */
    private CommandContext context(Engine on, Console console) {
        CommandContext ctx = new CommandContext(on, console, messages, null, running, clock, quickCall);
        String label = on == engine ? scope.get() : null;
        return label == null ? ctx : ctx.scopedTo(label);
    }

    /** Runs the listing as a cell would, keeping its answer. */
    private Bundle listing(Engine on, List<String> argv) throws DockerError, InterruptedException {
        PanelConsole console = new PanelConsole();
        registry.dispatch(argv, context(on, console));
        return console.answer();
    }

    private static Bundle frame(String title, Bundle listing) {
        Object html = listing.data().get("text/html");
        Bundle framed = Bundle.text(title + "\n" + listing.plainText());
        framed.with("text/html", "<div class=\"docker-live\"><div class=\"docker-live-title\" style=\"font-weight:bold;"
                + "margin:0 0 4px 0\">" + Html.escape(title) + "</div>"
                + (html != null ? html : "<pre>" + Html.escape(listing.plainText()) + "</pre>") + "</div>");
        return framed;
    }

    private synchronized void followEvents() {
        if (events != null) {
            return;
        }
        ResultCallback.Adapter<Event> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Event event) {
                changed();
            }

            @Override
            public void onError(Throwable throwable) {
                restartEvents();
            }

            @Override
            public void onComplete() {
                restartEvents();
            }
        };
        events = callback;
        try {
            engine.call(client -> client.eventsCmd().exec(callback), running, quickCall);
        } catch (Exception e) {
            restartEvents();
        }
    }

    /** The event stream broke (the engine restarted): follow again in a moment while panels remain. */
    private void restartEvents() {
        synchronized (this) {
            events = null;
        }
        if (!panels.isEmpty() && !drawer.isShutdown()) {
            drawer.schedule(() -> {
                if (!panels.isEmpty()) {
                    followEvents();
                    changed();
                }
            }, 2, TimeUnit.SECONDS);
        }
    }

    private synchronized void stopEvents() {
        Closeable open = events;
        events = null;
        if (open != null) {
            try {
                open.close();
            } catch (IOException ignored) {
                // the stream is over either way
            }
        }
    }
}
