package io.github.dockerlessons.command.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * A problem with a file on this computer, said as Go's os package says it ("open PATH: permission
 * denied"): the side that failed is the local one, and the path and the cause are named.
 */
public final class LocalFileError extends Exception {
    public LocalFileError(String message) {
        super(message, null, false, false);
    }

    /** {@code operation PATH: cause}, the cause in the operating system's words. */
    private static final String ELOOP = "too many levels of symbolic links";

    public static LocalFileError of(String operation, Object path, IOException e) {
        return new LocalFileError(operation + " " + path + ": " + cause(e));
    }

    static String cause(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "file exists";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            String reason = fs.getReason().toLowerCase(Locale.ROOT);
            // the JDK's ELOOP adds "or unable to access attributes of symbolic link"; Go says strerror alone
            return reason.startsWith(ELOOP) ? ELOOP : reason;
        }
        String message = e.getMessage();
        return message == null ? "input/output error" : message.toLowerCase(Locale.ROOT);
    }
}
