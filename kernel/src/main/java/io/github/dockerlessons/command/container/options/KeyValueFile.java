package io.github.dockerlessons.command.container.options;

import io.github.dockerlessons.command.files.HostFiles;
import io.github.dockerlessons.command.files.LocalFileError;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * docker's kvfile: the lines of an {@code --env-file} or {@code --label-file} next to the notebook.
 * Blank lines and {@code #} comments are skipped, {@code KEY=value} is kept as written, and a bare
 * {@code KEY} takes its value from the environment (env files only) or is dropped.
 */
public final class KeyValueFile {
    /** Go's bufio.MaxScanTokenSize: the longest line docker's kvfile reads. */
    private static final int MAX_SCAN_TOKEN = 64 * 1024;
    /**
     * The variables the files may give, all files together: 8 MiB of "A=1" lines are two million
     * strings, and those with their copies on the way to the engine took more than the kernel's 256
     * MiB heap (it ended on OutOfMemoryError). No process could start with that many: Linux's execve
     * takes about 2 MiB of arguments and environment.
     */
    static final int MAX_VARIABLES = 100_000;

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
            readOne(file, environment, all);
        }
        return all;
    }

    private static void readOne(String file, Map<String, String> environment, List<String> all)
            throws InvalidOptions {
        try {
            scan(file, new LineParser(file, environment, all));
        } catch (LocalFileError e) {
            throw new InvalidOptions(e.getMessage().startsWith("read ") ? invalid(file, e.getMessage()).getMessage()
                    : e.getMessage());
        } catch (InterruptedException e) {
            // the stop button: the cell reports the interrupt, whatever this says
            throw new InvalidOptions(invalid(file, "interrupted").getMessage());
        }
    }

    /** What docker's parseKeyValueFile does with one scanned line (its number counts from 1). */
    private interface LineSink {
        void line(byte[] bytes, int length, int number) throws InvalidOptions;
    }

    /** docker's parseKeyValueFile, one line at a time, so that a line's error comes before any later line's. */
    private static final class LineParser implements LineSink {
        private final String file;
        private final Map<String, String> environment;
        private final List<String> lines;
        private long chars;

        LineParser(String file, Map<String, String> environment, List<String> lines) {
            this.file = file;
            this.environment = environment;
            this.lines = lines;
        }

        @Override
        public void line(byte[] bytes, int length, int number) throws InvalidOptions {
            String line = decode(bytes, length, number, file);
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            line = withoutLeadingSpace(line);
            if (line.isEmpty() || line.startsWith("#")) {
                return;
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
                keep(line);
            } else if (environment != null && environment.containsKey(line)) {
                keep(key + "=" + environment.get(line));
            }
        }

        private void keep(String variable) throws InvalidOptions {
            chars += variable.length();
            if (lines.size() >= MAX_VARIABLES || chars > HostFiles.TEXT_LIMIT) {
                throw invalid(file, "more than " + MAX_VARIABLES + " variables or " + (HostFiles.TEXT_LIMIT >> 20)
                        + " MiB of them: the kernel takes at most that");
            }
            lines.add(variable);
        }
    }

    /**
     * strings.TrimLeftFunc(line, unicode.IsSpace): Go's space is Unicode's White_Space (NBSP and NEL
     * too), where Java's isWhitespace leaves out the no-break spaces and adds the file separators 0x1c-0x1f.
     */
    private static String withoutLeadingSpace(String line) {
        int i = 0;
        while (i < line.length() && isGoSpace(line.charAt(i))) {
            i++;
        }
        return line.substring(i);
    }

    private static boolean isGoSpace(char c) {
        return switch (c) {
            case '\t', '\n', 0x0b, '\f', '\r', ' ', 0x85, 0xa0 -> true;
            default -> c > 0xff && (Character.getType(c) == Character.SPACE_SEPARATOR
                    || c == '\u2028' || c == '\u2029');
        };
    }

    /**
     * The file's lines, read as docker's kvfile reads them with a bufio.Scanner (a trailing "\r" is
     * dropped): a line longer than the scanner's 64 KiB buffer fails with its words (so /dev/zero fails
     * at once, as with the CLI), and the whole is bounded by {@link HostFiles#TEXT_LIMIT}. Each line
     * goes to {@code sink} as soon as it ends, as the CLI parses it. Pipes and devices are read
     * through {@link HostFiles}, where the stop button reaches.
     */
    static void scan(String file, LineSink sink) throws LocalFileError, InterruptedException, InvalidOptions {
        try (InputStream in = HostFiles.open(Path.of(file), file)) {
            byte[] buffer = new byte[8192];
            byte[] line = new byte[256];
            int lineLength = 0;
            int number = 0;
            long total = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        sink.line(line, withoutCarriageReturn(line, lineLength), ++number);
                        lineLength = 0;
                        continue;
                    }
                    if (lineLength + 1 >= MAX_SCAN_TOKEN) {
                        throw invalid(file, "bufio.Scanner: token too long");
                    }
                    if (lineLength == line.length) {
                        line = Arrays.copyOf(line, line.length * 2);
                    }
                    line[lineLength++] = buffer[i];
                }
                if (total > HostFiles.TEXT_LIMIT) {
                    throw HostFiles.tooLarge(file);
                }
            }
            if (lineLength > 0) {
                sink.line(line, withoutCarriageReturn(line, lineLength), ++number);
            }
        } catch (HostFiles.StoppedRead e) {
            throw new InterruptedException();
        } catch (IOException e) {
            throw LocalFileError.of("read", file, e);
        }
    }

    private static int withoutCarriageReturn(byte[] line, int length) {
        return length > 0 && line[length - 1] == '\r' ? length - 1 : length;
    }

    /** The line as text; Go's "invalid utf8 bytes at line N: [b1 b2 ...]" when it is not UTF-8. */
    private static String decode(byte[] bytes, int length, int number, String file) throws InvalidOptions {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            StringJoiner shown = new StringJoiner(" ", "[", "]");
            for (int i = 0; i < length; i++) {
                shown.add(Integer.toString(bytes[i] & 0xff));
            }
            throw invalid(file, "invalid utf8 bytes at line " + number + ": " + shown);
        }
    }

    private static InvalidOptions invalid(String file, String detail) {
        return new InvalidOptions("invalid env file (" + file + "): " + detail);
    }
}
