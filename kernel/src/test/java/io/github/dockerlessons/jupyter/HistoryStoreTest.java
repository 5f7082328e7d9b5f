package io.github.dockerlessons.jupyter;

import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import java.util.Arrays;
import java.util.List;

class HistoryStoreTest {
    private final HistoryStore store = new HistoryStore();

    HistoryStoreTest() {
        store.add(1, "docker ps", null);
        store.add(2, "docker images", "REPOSITORY ...");
        store.add(3, "docker ps", null);
        store.add(4, "docker version", null);
    }

    @Test
    void tailRangeAndSearch() {
        assertEquals(List.of(List.of(1, 4, "docker version")), store.tail(1, false));
        assertEquals(List.of(List.of(1, 2, "docker images")), store.range(1, 2, 3, false));
        assertEquals(3, store.search("docker p*", 0, false, false).size() + 1);
        assertEquals(List.of(List.of(1, 3, "docker ps")), store.search("docker p?", 0, true, false));
        assertEquals(List.of(List.of(1, 3, "docker ps"), List.of(1, 4, "docker version")),
                store.search("docker [pv]*", 2, false, false));
    }

    @Test
    void outputsWhenAsked() {
        assertEquals(List.of(List.of(1, 2, Arrays.asList("docker images", "REPOSITORY ..."))),
                store.range(0, 2, 3, true));
    }

    @Test
    void aPatternWhoseClassIsInvalidMatchesLiterallyInsteadOfFailing() {
        assertEquals(List.of(), store.search("[z-a]", 0, false, false));
        assertEquals(List.of(), store.search("[!]", 0, false, false));
        assertEquals(List.of(), store.search("[", 0, false, false));
    }

    @Test
    void aPatternOfManyStarsIsMatchedWithoutBacktrackingForMinutes() {
        String stars = "*".repeat(50_000);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertEquals(List.of(), store.search(stars + "x", 0, false, false));
            assertEquals(4, store.search(stars, 0, false, false).size());
            assertEquals(List.of(), store.search("*d*o*c*k*e*r*p*s*".repeat(2_000) + "x", 0, false, false));
        });
        HistoryStore long_ = new HistoryStore();
        long_.add(1, "a".repeat(100_000), null);
        assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertEquals(List.of(), long_.search("*a*a*a*a*a*a*a*a*a*a*a*b", 0, false, false)));
    }

    @Test
    void globsMatchAsFnmatchDoesInCodePoints() {
        HistoryStore korean = new HistoryStore();
        korean.add(1, "docker ps --filter name=도커😀", null);
        korean.add(2, "docker\nps", null);
        assertEquals(1, korean.search("*도커?", 0, false, false).size());
        assertEquals(1, korean.search("docker?ps", 0, false, false).size());
        assertEquals(1, korean.search("*[!a-z]", 0, false, false).size());
        assertEquals(2, korean.search("d*[ps]", 0, false, false).size() + 1);
        assertEquals(1, korean.search("docker [p]s*", 0, false, false).size());
        assertEquals(0, korean.search("docker ps", 0, false, false).size());
    }

    @Test
    void aLongSessionKeepsABoundedHistoryOfItsLatestCells() {
        // issue 19: every cell's input and output was kept for the kernel's life
        HistoryStore long_ = new HistoryStore();
        String table = "CONTAINER ID   IMAGE ...\n".repeat(400);
        for (int line = 1; line <= 2000; line++) {
            long_.add(line, "docker ps -a", table);
        }
        long_.add(2001, "docker images", "x".repeat(HistoryStore.MAX_OUTPUT_CHARS + 1));
        List<List<Object>> kept = long_.tail(0, true);
        long chars = kept.stream().mapToLong(row -> ((List<?>) row.get(2)).stream()
                .mapToLong(o -> o == null ? 0 : o.toString().length()).sum()).sum();
        assertEquals(true, chars <= HistoryStore.MAX_CHARS, chars + " characters kept");
        assertEquals(List.of(1, 2001, Arrays.asList("docker images", null)), kept.get(kept.size() - 1));
        assertEquals(List.of(1, 2000, Arrays.asList("docker ps -a", table)), kept.get(kept.size() - 2));
    }
}
