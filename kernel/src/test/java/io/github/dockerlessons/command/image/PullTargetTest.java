package io.github.dockerlessons.command.image;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What docker pull, run's pull and Compose's pull ask the engine for: one path, so a digest
 * reference ({@code redis@sha256:...}) is pulled by its digest, not split at its last colon.
 */
class PullTargetTest {
    private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

    @Test
    void aDigestIsSentWholeWithNoTag() {
        assertEquals(new Puller.Target("redis@" + DIGEST, null), Puller.Target.of(ImageReference.parse("redis@" + DIGEST)));
        assertEquals(new Puller.Target("localhost:5000/lesson/web@" + DIGEST, null),
                Puller.Target.of(ImageReference.parse("localhost:5000/lesson/web@" + DIGEST)));
    }

    @Test
    void aTagIsSentAsTheTagAndNoneIsLatest() {
        assertEquals(new Puller.Target("redis", "7"), Puller.Target.of(ImageReference.parse("redis:7")));
        assertEquals(new Puller.Target("redis", "latest"), Puller.Target.of(ImageReference.parse("redis")));
        assertEquals(new Puller.Target("localhost:5000/web", "latest"),
                Puller.Target.of(ImageReference.parse("localhost:5000/web")));
    }
}
