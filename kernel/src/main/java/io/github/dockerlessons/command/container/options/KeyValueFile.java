package io.github.dockerlessons.command.container.options;

import io.github.dockerlessons.command.files.HostFiles;
import io.github.dockerlessons.command.files.LocalFileError;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * docker's kvfile: the lines of an {@code --env-file} or {@code --label-file} next to the notebook.
 * Blank lines and {@code #} comments are skipped, {@code KEY=value} is kept as written, and a bare
 * {@code KEY} takes its value from the environment (env files only) or is dropped.
 */
public final class KeyValueFile {
    /** Go's bufio.MaxScanTokenSize: the longest line docker's kvfile reads. */
    private static final int MAX_SCAN_TOKEN = 64 * 1024;

    private KeyValueFile() {
    }

    /** An environment: the lines of the env files, then the {@code -e} values (docker's ReadKVEnvStrings). */
    public static List<String> environment(List<String> envFiles, List<String> env) throws InvalidOptions {
        List<String> all = new ArrayList<>(read(envFiles, System.getenv()));
        all.addAll(env);
        return all;
    }

    /** The {@code KEY=value} lines of every file in turn; {@code environment} is null for label files. */
    static List<String> read(List<String> files, Map<String, String> environment) throws InvalidOptions {
        List<String> all = new ArrayList<>();
        for (String file : files) {
            all.addAll(readOne(file, environment));
        }
        return all;
    }

    private static List<String> readOne(String file, Map<String, String> environment) throws InvalidOptions {
        byte[] bytes;
        try {
            bytes = scan(file);
        } catch (LocalFileError e) {
            throw new InvalidOptions(e.getMessage().startsWith("read ") ? invalid(file, e.getMessage()).getMessage()
                    : e.getMessage());
        } catch (InterruptedException e) {
            // the stop button: the cell reports the interrupt, whatever this says
            throw new InvalidOptions(invalid(file, "interrupted").getMessage());
        }
        List<String> lines = new ArrayList<>();
        String[] raw = decode(bytes, file).split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i];
            if (i == raw.length - 1 && line.isEmpty()) {
                break;
            }
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            line = line.stripLeading();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq);
            if (key.isEmpty()) {
                throw invalid(file, "no variable name on line '" + line + "'");
            }
            if (key.contains(" ") || key.contains("\t")) {
                throw invalid(file, "variable '" + key + "' contains whitespaces");
            }
            if (eq >= 0) {
                lines.add(line);
            } else if (environment != null && environment.containsKey(line)) {
                lines.add(key + "=" + environment.get(line));
            }
        }
        return lines;
    }

    /**
     * The file's bytes, read as docker's kvfile reads it with a bufio.Scanner: a line longer than the
     * scanner's 64 KiB buffer fails with its words (so /dev/zero fails at once, as with the CLI), and
     * the whole is bounded by {@link HostFiles#TEXT_LIMIT}. Pipes and devices are read through
     * {@link HostFiles}, where the stop button reaches.
     */
    static byte[] scan(String file) throws LocalFileError, InterruptedException, InvalidOptions {
        try (InputStream in = HostFiles.open(Path.of(file), file)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int lineLength = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                for (int i = 0; i < n; i++) {
                    lineLength = buffer[i] == '\n' ? 0 : lineLength + 1;
                    if (lineLength >= MAX_SCAN_TOKEN) {
                        throw invalid(file, "bufio.Scanner: token too long");
                    }
                }
                if (bytes.size() + (long) n > HostFiles.TEXT_LIMIT) {
                    throw HostFiles.tooLarge(file);
                }
                bytes.write(buffer, 0, n);
            }
            return bytes.toByteArray();
        } catch (HostFiles.StoppedRead e) {
            throw new InterruptedException();
        } catch (IOException e) {
            throw LocalFileError.of("read", file, e);
        }
    }

    private static String decode(byte[] bytes, String file) throws InvalidOptions {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw invalid(file, "invalid utf8 bytes");
        }
    }

    private static InvalidOptions invalid(String file, String detail) {
        return new InvalidOptions("invalid env file (" + file + "): " + detail);
    }
}
