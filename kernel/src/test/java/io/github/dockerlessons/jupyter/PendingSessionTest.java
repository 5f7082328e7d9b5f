package io.github.dockerlessons.jupyter;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PendingSessionTest {
    private final AtomicInteger builds = new AtomicInteger();
    private final PendingSession pending = new PendingSession(() -> {
        builds.incrementAndGet();
        return null;
    });

    @Test
    void nothingIsBuiltUntilStartedAndTheBuildRunsOnce() throws Exception {
        Thread.sleep(50);
        assertFalse(pending.isDone());
        assertEquals(0, builds.get());
        pending.start();
        pending.start();
        assertNull(pending.get());
        assertNull(pending.get());
        assertTrue(pending.isDone());
        assertEquals(1, builds.get());
    }

    @Test
    void aRequestBeforeKernelInfoStartsTheBuildItself() throws Exception {
        assertNull(pending.get());
        assertTrue(pending.isDone());
        assertEquals(1, builds.get());
    }
}
