package io.github.dockerlessons.engine;

import org.junit.jupiter.api.Test;

import java.io.Closeable;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CancellationTest {
    @Test
    void theKernelsEndRunsTheEndHooksThenClosesTheStreams() {
        Cancellation cancellation = new Cancellation();
        AtomicBoolean closedBeforeHook = new AtomicBoolean();
        AtomicBoolean closed = new AtomicBoolean();
        cancellation.register((Closeable) () -> closed.set(true));
        AtomicInteger ran = new AtomicInteger();
        cancellation.onKernelEnd(() -> {
            closedBeforeHook.set(closed.get());
            ran.incrementAndGet();
        });
        cancellation.endKernel(Duration.ofSeconds(2));
        assertEquals(1, ran.get());
        assertFalse(closedBeforeHook.get(), "the container goes before the streams close");
        assertTrue(closed.get());
        assertTrue(cancellation.isCancelled());
        cancellation.endKernel(Duration.ofSeconds(2));
        assertEquals(1, ran.get(), "the hooks run once");
    }

    @Test
    void aHookThatHangsHoldsTheEndOnlyForTheLimitAndHooksRunSideBySide() throws Exception {
        Cancellation cancellation = new Cancellation();
        CountDownLatch never = new CountDownLatch(1);
        AtomicBoolean other = new AtomicBoolean();
        cancellation.onKernelEnd(() -> {
            try {
                never.await();
            } catch (InterruptedException ignored) {
                // the test is over
            }
        });
        cancellation.onKernelEnd(() -> other.set(true));
        long start = System.nanoTime();
        cancellation.endKernel(Duration.ofMillis(300));
        long took = (System.nanoTime() - start) / 1_000_000;
        assertTrue(took >= 250 && took < 2000, "took " + took + " ms");
        assertTrue(other.get(), "a hook does not wait for another");
        never.countDown();
    }

    @Test
    void aRemovedEndHookDoesNotRun() {
        Cancellation cancellation = new Cancellation();
        AtomicBoolean ran = new AtomicBoolean();
        Runnable hook = () -> ran.set(true);
        cancellation.onKernelEnd(hook);
        cancellation.removeKernelEndHook(hook);
        cancellation.endKernel(Duration.ofMillis(100));
        assertFalse(ran.get());
    }
}
