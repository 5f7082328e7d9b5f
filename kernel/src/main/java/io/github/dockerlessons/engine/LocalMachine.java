package io.github.dockerlessons.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * What engine discovery may look at on this machine: the environment, the home folder, the operating
 * system, the user's id (for /run/user/UID) and whether a socket file exists. Everything is passed
 * in, so unit tests describe a laptop (a fake home, macOS or Windows) without having one.
 */
public record LocalMachine(Map<String, String> env, Path home, OperatingSystem os, OptionalInt uid,
                           Predicate<Path> socketExists) {

    /** The systems whose engines live in different places. */
    public enum OperatingSystem {
        LINUX, MACOS, WINDOWS, OTHER_UNIX;

        /** The system Java's os.name names. */
        public static OperatingSystem named(String osName) {
            String name = osName.toLowerCase(Locale.ROOT);
            if (name.startsWith("windows")) {
                return WINDOWS;
            }
            if (name.startsWith("mac") || name.startsWith("darwin")) {
                return MACOS;
            }
            return name.startsWith("linux") ? LINUX : OTHER_UNIX;
        }
    }

    /** This machine, with the given environment (the kernel's own, or a kernelspec's). */
    public static LocalMachine current(Map<String, String> env) {
        return new LocalMachine(env, Path.of(System.getProperty("user.home")),
                OperatingSystem.named(System.getProperty("os.name", "")), currentUid(), Files::exists);
    }

    private static OptionalInt currentUid() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return uid instanceof Integer id ? OptionalInt.of(id) : OptionalInt.empty();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return OptionalInt.empty();
        }
    }

    /** The same machine with some variables set (an empty value unsets one). */
    public LocalMachine with(Map<String, String> changes) {
        Map<String, String> changed = new java.util.HashMap<>(env);
        changes.forEach((name, value) -> {
            if (value.isEmpty()) {
                changed.remove(name);
            } else {
                changed.put(name, value);
            }
        });
        return new LocalMachine(Map.copyOf(changed), home, os, uid, socketExists);
    }

    /** An environment variable, or "" when it is unset. */
    public String variable(String name) {
        String value = env.get(name);
        return value == null ? "" : value;
    }

    /** The docker CLI's configuration folder: DOCKER_CONFIG, else ~/.docker. */
    public Path dockerConfigDir() {
        String explicit = variable("DOCKER_CONFIG");
        return explicit.isEmpty() ? home.resolve(".docker") : Path.of(explicit);
    }
}
