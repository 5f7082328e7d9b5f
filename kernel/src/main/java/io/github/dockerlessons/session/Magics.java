package io.github.dockerlessons.session;

import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.i18n.Messages;
import io.github.dockerlessons.render.GoText;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;

/**
 * The notebook's own commands, which are not docker's: {@code %%writefile PATH} (the cell's other
 * lines become a file next to the notebook, so a lesson can write its Dockerfile before
 * {@code docker build}) and {@code %lang ko|en} (the language of help and hints).
 */
final class Magics {
    private final Messages messages;
    private final java.util.function.LongConsumer outputLimit;

    Magics(Messages messages, java.util.function.LongConsumer outputLimit) {
        this.messages = messages;
        this.outputLimit = outputLimit;
    }

    /** Handles a {@code %%} cell; true when the cell was one. */
    boolean runCellMagic(String code, Console console) throws CellFailure {
        if (!code.startsWith("%%")) {
            return false;
        }
        int newline = code.indexOf('\n');
        String header = (newline < 0 ? code : code.substring(0, newline)).strip();
        String body = newline < 0 ? "" : code.substring(newline + 1);
        String[] words = header.split("\\s+");
        if (!words[0].equals("%%writefile")) {
            throw new CellFailure(messages.get("magic.unknown", words[0]));
        }
        boolean append = words.length > 2 && (words[1].equals("-a") || words[1].equals("--append"));
        String name = words.length > (append ? 2 : 1) ? words[append ? 2 : 1] : null;
        if (name == null) {
            throw new CellFailure(messages.get("magic.writefile.usage"));
        }
        Path path = Path.of(name);
        try {
            boolean existed = Files.exists(path);
            if (path.toAbsolutePath().getParent() != null) {
                Files.createDirectories(path.toAbsolutePath().getParent());
            }
            if (append) {
                Files.writeString(path, body, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } else {
                Files.writeString(path, body, StandardCharsets.UTF_8);
            }
            console.out((append ? "Appending to " : existed ? "Overwriting " : "Writing ") + name + "\n");
        } catch (IOException e) {
            throw new CellFailure(messages.get("magic.writefile.failed", name, e.getMessage()));
        }
        return true;
    }

    /**
     * Applies the {@code %} lines of a cell and returns the cell without them (blank lines keep
     * the line numbers of errors right).
     */
    String applyLineMagics(String code, Console console) throws CellFailure {
        if (code.indexOf('%') < 0) {
            return code;
        }
        StringBuilder rest = new StringBuilder();
        for (String line : code.split("\n", -1)) {
            String stripped = line.strip();
            if (stripped.startsWith("%") && !stripped.startsWith("%%")) {
                String[] words = stripped.split("\\s+");
                if (words[0].equals("%output_limit") && words.length == 2) {
                    try {
                        long limit = OutputBudget.parseLimit(words[1]);
                        outputLimit.accept(limit);
                        console.out(messages.get("magic.output.done", limit == 0 ? "-" : GoText.humanSize(limit)) + "\n");
                        rest.append('\n');
                        continue;
                    } catch (NumberFormatException e) {
                        throw new CellFailure(messages.get("magic.output.usage"));
                    }
                }
                if (!words[0].equals("%lang") || words.length != 2) {
                    throw new CellFailure(messages.get(words[0].equals("%lang") ? "magic.lang.usage" : "magic.unknown",
                            words[0]));
                }
                Optional<Locale> locale = Messages.parse(words[1]);
                if (locale.isEmpty()) {
                    throw new CellFailure(messages.get("magic.lang.usage"));
                }
                messages.use(locale.get());
                console.out(messages.get("magic.lang.done") + "\n");
                rest.append('\n');
            } else {
                rest.append(line).append('\n');
            }
        }
        return rest.substring(0, rest.length() - 1);
    }

    /** A magic that cannot be done; the session reports it like any other cell error. */
    static final class CellFailure extends Exception {
        CellFailure(String message) {
            super(message);
        }
    }
}
