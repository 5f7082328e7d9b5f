package io.github.dockerlessons.command.files;

import com.sun.jna.Library;
import com.sun.jna.Native;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * The two file-system calls Java lacks that {@code docker cp} needs to copy faithfully: mkfifo (a
 * named pipe arrives as a pipe, not an empty file) and chmod with every mode bit (setuid, setgid and
 * sticky included). Through JNA's libc binding (JNA already comes with docker-java's transport);
 * where libc is not there (Windows), permissions fall back to what Java can set and FIFOs cannot be made.
 */
final class Posix {
    private interface LibC extends Library {
        int mkfifo(String path, int mode);

        int chmod(String path, int mode);

        /** utimes(2): times set by path, without opening the file (a named pipe would block the open). */
        int utimes(String path, long[] times);
    }

    private static final LibC LIBC = load();

    private Posix() {
    }

    private static LibC load() {
        try {
            return Native.load("c", LibC.class);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null;
        }
    }

    static void mkfifo(Path path, int mode) throws IOException {
        if (LIBC == null) {
            throw new IOException("named pipes cannot be made on this system");
        }
        if (LIBC.mkfifo(path.toString(), mode & 07777) != 0) {
            throw new IOException("mkfifo " + path + ": " + errno());
        }
    }

    /** Sets all twelve mode bits; the file's own, not a symlink's target's. */
    static void chmod(Path path, int mode) throws IOException {
        if (LIBC != null && LIBC.chmod(path.toString(), mode & 07777) == 0) {
            return;
        }
        Files.setPosixFilePermissions(path, permissions(mode));
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(order[bit]);
            }
        }
        return set;
    }

    /**
     * Sets a named pipe's modification (and access) time by path. Java's own call opens the file
     * first, which for a pipe blocks until something writes to it.
     */
    static void setPipeTime(Path path, long epochMillis) throws IOException {
        if (LIBC == null) {
            return; // no pipes here either
        }
        long seconds = Math.floorDiv(epochMillis, 1000);
        long micros = Math.floorMod(epochMillis, 1000) * 1000;
        if (LIBC.utimes(path.toString(), new long[]{seconds, micros, seconds, micros}) != 0) {
            throw new IOException("utimes " + path + ": " + errno());
        }
    }

    /** The mode bits of a local file, as a tar header records them. */
    static int mode(Path path) throws IOException {
        Set<PosixFilePermission> set = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        int mode = 0;
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if (set.contains(order[bit])) {
                mode |= 1 << bit;
            }
        }
        return mode;
    }

    private static String errno() {
        int code = Native.getLastError();
        return switch (code) {
            case 17 -> "file exists";
            case 13 -> "permission denied";
            case 2 -> "no such file or directory";
            case 28 -> "no space left on device";
            default -> "error " + code;
        };
    }
}
