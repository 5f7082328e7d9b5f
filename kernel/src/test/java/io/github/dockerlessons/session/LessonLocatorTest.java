package io.github.dockerlessons.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LessonLocatorTest {
    private static final String NOTEBOOK = """
            {"cells": [
              {"cell_type": "markdown", "id": "m1", "metadata": {}, "source": ["# x"]},
              {"cell_type": "code", "id": "sol1", "metadata": {"tags": ["solution"]}, "source": ["docker run -d --name web busybox sleep 1d"]},
              {"cell_type": "code", "id": "chk1", "metadata": {}, "source": ["%%check web-running\\n", "container web running"]},
              {"cell_type": "code", "id": "chk2", "metadata": {}, "source": "%%check\\ncontainer db absent"}
            ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """;

    @Test
    void findsTheLessonAndCellOfACheck(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("03-lifecycle.ipynb"), NOTEBOOK);
        Files.writeString(folder.resolve("notes.ipynb"), "not json");
        LessonLocator locator = new LessonLocator(folder, null);
        assertEquals(new LessonLocator.Place("03-lifecycle.ipynb", "chk2"), locator.find("%%check\ncontainer db absent", null));
        // A named check the student edited is still found by its first line.
        assertEquals(new LessonLocator.Place("03-lifecycle.ipynb", "chk1"),
                locator.find("%%check web-running\ncontainer web exited", "%%check web-running"));
        assertEquals(new LessonLocator.Place(null, null), locator.find("%%check\nimage x present", null));
    }

    @Test
    void aServerThatNamesTheNotebookNarrowsTheSearch(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("a.ipynb"), NOTEBOOK);
        Files.writeString(folder.resolve("b.ipynb"), NOTEBOOK);
        assertEquals("b.ipynb", new LessonLocator(folder, "lessons/b.ipynb").find("%%check\ncontainer db absent", null).lesson());
        LessonLocator.Place unknown = new LessonLocator(folder, "lessons/c.ipynb").find("%%check\ncontainer db absent", null);
        assertEquals("c.ipynb", unknown.lesson());
        assertNull(unknown.cellId());
    }

    @Test
    void solutionTagsAreRead(@TempDir Path folder) throws IOException {
        Path nb = folder.resolve("a.ipynb");
        Files.writeString(nb, NOTEBOOK);
        var cells = LessonLocator.codeCells(nb);
        assertEquals(3, cells.size());
        assertEquals(true, LessonLocator.tagged(cells.get(0), "solution"));
        assertEquals(false, LessonLocator.tagged(cells.get(1), "solution"));
    }
}
