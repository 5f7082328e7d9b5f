package io.github.dockerlessons.session;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which lesson file and which cell a {@code %%check} comes from, for a stable name in the record.
 * Notebook 6 (the classroom's server) tells a kernel neither: it only starts the kernel in the
 * notebook's folder. So the folder's notebooks are read and the cell is found by its text (a named
 * check also by its first line, so a lesson whose check the student edited still matches). A
 * server that names the notebook ({@code JPY_SESSION_NAME}, jupyter_server 2) narrows it to that file.
 */
final class LessonLocator {
    /** Notebooks larger than this are not read (a lesson is tens of kilobytes). */
    private static final long MAX_NOTEBOOK = 8L << 20;
    private static final int MAX_NOTEBOOKS = 64;

    /** Where a check cell was found: the lesson's file name and the cell's nbformat id (either may be null). */
    record Place(String lesson, String cellId) { }

    private final Path folder;
    private final String sessionName;

    LessonLocator(Map<String, String> env) {
        this(Path.of(System.getProperty("user.dir")), env.get("JPY_SESSION_NAME"));
    }

    LessonLocator(Path folder, String sessionName) {
        this.folder = folder;
        this.sessionName = sessionName == null || sessionName.isBlank() ? null : sessionName;
    }

    /** Finds the cell whose text is {@code source} (or, for a named check, whose first line is {@code firstLine}). */
    Place find(String source, String firstLine) {
        List<Path> candidates = new ArrayList<>();
        if (sessionName != null) {
            Path named = Path.of(sessionName);
            candidates.add(named.isAbsolute() ? named : folder.resolve(named.getFileName().toString()));
        } else {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.ipynb")) {
                for (Path p : stream) {
                    candidates.add(p);
                    if (candidates.size() >= MAX_NOTEBOOKS) {
                        break;
                    }
                }
            } catch (IOException e) {
                // no folder to read: the check is recorded without its lesson
            }
            candidates.sort(null);
        }
        Place byFirstLine = null;
        String wanted = source.strip();
        for (Path notebook : candidates) {
            for (JsonObject cell : codeCells(notebook)) {
                String text = text(cell.get("source")).strip();
                String id = cell.has("id") && cell.get("id").isJsonPrimitive() ? cell.get("id").getAsString() : null;
                String name = notebook.getFileName().toString();
                if (text.equals(wanted)) {
                    return new Place(name, id);
                }
                if (byFirstLine == null && firstLine != null && text.lines().findFirst().orElse("").strip()
                        .equals(firstLine.strip())) {
                    byFirstLine = new Place(name, id);
                }
            }
        }
        if (byFirstLine != null) {
            return byFirstLine;
        }
        return new Place(sessionName == null ? null : Path.of(sessionName).getFileName().toString(), null);
    }

    /** The code cells of a notebook; none when it cannot be read or is not a notebook. */
    static List<JsonObject> codeCells(Path notebook) {
        List<JsonObject> cells = new ArrayList<>();
        try {
            if (!Files.isRegularFile(notebook) || Files.size(notebook) > MAX_NOTEBOOK) {
                return cells;
            }
            try (Reader reader = Files.newBufferedReader(notebook, StandardCharsets.UTF_8)) {
                JsonElement root = JsonParser.parseReader(reader);
                if (!root.isJsonObject() || !root.getAsJsonObject().has("cells")) {
                    return cells;
                }
                for (JsonElement cell : root.getAsJsonObject().getAsJsonArray("cells")) {
                    if (cell.isJsonObject() && "code".equals(text(cell.getAsJsonObject().get("cell_type")))) {
                        cells.add(cell.getAsJsonObject());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a notebook the kernel can read: it has no check cells
        }
        return cells;
    }

    /** A cell's source, which nbformat stores as one string or as a list of lines. */
    static String text(JsonElement source) {
        if (source == null || source.isJsonNull()) {
            return "";
        }
        if (source.isJsonArray()) {
            StringBuilder out = new StringBuilder();
            for (JsonElement line : (JsonArray) source) {
                out.append(line.getAsString());
            }
            return out.toString();
        }
        return source.getAsString();
    }

    /** Whether a code cell carries the tag {@code tag} in its metadata. */
    static boolean tagged(JsonObject cell, String tag) {
        if (!cell.has("metadata") || !cell.get("metadata").isJsonObject()) {
            return false;
        }
        JsonObject metadata = cell.getAsJsonObject("metadata");
        if (!metadata.has("tags") || !metadata.get("tags").isJsonArray()) {
            return false;
        }
        for (JsonElement t : metadata.getAsJsonArray("tags")) {
            if (t.isJsonPrimitive() && t.getAsString().equals(tag)) {
                return true;
            }
        }
        return false;
    }
}
