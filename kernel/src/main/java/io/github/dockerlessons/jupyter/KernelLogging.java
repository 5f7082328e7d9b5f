package io.github.dockerlessons.jupyter;

import java.io.IOException;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The base library logs every message at INFO to stderr, which Jupyter shows in its console and
 * some frontends in the notebook. By default nothing is logged; DOCKER_KERNEL_LOG=FILE sends the
 * library's log (at DOCKER_KERNEL_LOG_LEVEL, default INFO) to that file instead.
 */
final class KernelLogging {
    private KernelLogging() {
    }

    static void configure(String logFile, String level) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        if (logFile == null || logFile.isBlank()) {
            root.setLevel(Level.OFF);
            return;
        }
        try {
            FileHandler handler = new FileHandler(logFile, true);
            handler.setFormatter(new SimpleFormatter());
            Level chosen = parse(level);
            handler.setLevel(chosen);
            root.setLevel(chosen);
            root.addHandler(handler);
        } catch (IOException e) {
            root.setLevel(Level.OFF);
        }
    }

    private static Level parse(String level) {
        try {
            return level == null || level.isBlank() ? Level.INFO : Level.parse(level.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            return Level.INFO;
        }
    }
}
