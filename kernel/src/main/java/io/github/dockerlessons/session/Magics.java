package io.github.dockerlessons.session;

import io.github.dockerlessons.command.files.HostFiles;
import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.golang.GoText;
import io.github.dockerlessons.i18n.Messages;
import io.github.dockerlessons.script.CellMagic;
import io.github.dockerlessons.script.MagicLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The notebook's own commands, which are not docker's. Line magics, run in their place among the
 * cell's commands: {@code %lang ko|en} (the language of help and hints), {@code %output_limit SIZE}
 * (the output kept per cell, from this line on) and {@code %capture_limit SIZE} (the most a
 * {@code $( )} may capture). Cell magics: {@code %%writefile [-a] PATH} (the cell's other lines become a
 * file next to the notebook, so a lesson can write its Dockerfile before {@code docker build}).
 */
final class Magics {
    /** What the magics change in the session. */
    interface Settings {
        void outputLimit(long bytes);

        void captureLimit(long bytes);
    }

    private final Messages messages;
    private final Settings settings;

    Magics(Messages messages, Settings settings) {
        this.messages = messages;
        this.settings = settings;
    }

    void runCell(CellMagic magic, Console console) throws CellFailure {
        if (!magic.name().equals("%%writefile")) {
            throw new CellFailure(messages.get("magic.unknown", magic.name()));
        }
        List<String> args = magic.args();
        boolean append = !args.isEmpty() && (args.get(0).equals("-a") || args.get(0).equals("--append"));
        List<String> names = args.subList(append ? 1 : 0, args.size());
        if (names.size() != 1 || names.get(0).startsWith("-")) {
            throw new CellFailure(messages.get("magic.writefile.usage"));
        }
        String name = names.get(0);
        Path path = Path.of(name);
        String refused = HostFiles.notWritable(path);
        if (refused != null && !Files.isDirectory(path)) {
            // a pipe would block the cell until a reader came, a device would take the text: refused
            // in the words docker's file writer uses
            throw new CellFailure(messages.get("magic.writefile.failed", name, refused));
        }
        try {
            boolean existed = Files.exists(path);
            if (path.toAbsolutePath().getParent() != null) {
                Files.createDirectories(path.toAbsolutePath().getParent());
            }
            if (append) {
                Files.writeString(path, magic.body(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } else {
                Files.writeString(path, magic.body(), StandardCharsets.UTF_8);
            }
            // IPython's %%writefile words, as the lessons' readers know them from other notebooks.
            console.out((append ? "Appending to " : existed ? "Overwriting " : "Writing ") + name + "\n");
        } catch (IOException e) {
            throw new CellFailure(messages.get("magic.writefile.failed", name, e.getMessage()));
        }
    }

    void runLine(MagicLine magic, Console console) throws CellFailure {
        List<String> args = magic.args();
        switch (magic.name()) {
            case "%lang" -> {
                Optional<Locale> locale = args.size() == 1 ? Messages.parse(args.get(0)) : Optional.empty();
                if (locale.isEmpty()) {
                    throw new CellFailure(messages.get("magic.lang.usage"));
                }
                messages.use(locale.get());
                console.out(messages.get("magic.lang.done") + "\n");
            }
            case "%output_limit" -> {
                long limit = size(args, "magic.output.usage");
                settings.outputLimit(limit);
                console.out(messages.get("magic.output.done", limit == 0 ? "-" : GoText.binarySize(limit)) + "\n");
            }
            case "%capture_limit" -> {
                long limit = size(args, "magic.capture.usage");
                settings.captureLimit(limit);
                console.out(messages.get("magic.capture.done", limit == 0 ? "-" : GoText.binarySize(limit)) + "\n");
            }
            default -> throw new CellFailure(messages.get("magic.unknown", magic.name()));
        }
    }

    private long size(List<String> args, String usageKey) throws CellFailure {
        if (args.size() != 1) {
            throw new CellFailure(messages.get(usageKey));
        }
        try {
            return OutputBudget.parseLimit(args.get(0));
        } catch (NumberFormatException e) {
            throw new CellFailure(messages.get(usageKey));
        }
    }

    /** A magic that cannot be done; the session reports it like any other cell error. */
    static final class CellFailure extends Exception {
        CellFailure(String message) {
            super(message, null, false, false);
        }
    }
}
