package io.github.dockerlessons.session;

import io.github.dockerlessons.commands.DockerCommands;
import io.github.dockerlessons.i18n.Messages;
import io.github.dockerlessons.render.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The warm-up runs real cells through the engine path, against its own engine, and ends its threads. */
class WarmupTest {
    @Test
    void realCellsAnswerFromTheRehearsalEngine() throws Exception {
        List<Bundle> answers = new ArrayList<>();
        Warmup.run(DockerCommands.registry(), Messages.ENGLISH, 3, Warmup.Pause.NEVER, answers::add);
        assertEquals(6, answers.size()); // docker ps -a and docker images, three times; the substitution shows nothing
        assertTrue(answers.get(0).plainText().startsWith("CONTAINER ID   IMAGE"), answers.get(0).plainText());
        assertTrue(answers.get(0).plainText().contains("redis-server"), answers.get(0).plainText());
        assertTrue(answers.get(0).data().containsKey("text/html"));
        assertTrue(answers.get(1).plainText().contains("busybox"), answers.get(1).plainText());
        Thread.sleep(200);
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("rehearsal-engine")),
                "the rehearsal engine's threads ended");
    }

    @Test
    void withoutAFolderForItsSocketTheOfflinePartStillRuns(@TempDir Path tmp) throws Exception {
        // /tmp not writable, full, or its path too long for a unix socket: no rehearsal engine, no error
        Path notAFolder = Files.writeString(tmp.resolve("file"), "");
        String before = System.getProperty("java.io.tmpdir");
        List<Bundle> answers = new ArrayList<>();
        try {
            System.setProperty("java.io.tmpdir", notAFolder.resolve("tmp").toString());
            Warmup.run(DockerCommands.registry(), Messages.ENGLISH, 2, Warmup.Pause.NEVER, answers::add);
        } finally {
            System.setProperty("java.io.tmpdir", before);
        }
        assertEquals(4, answers.size()); // the sample ps and images tables, twice
        assertTrue(answers.get(0).plainText().startsWith("CONTAINER ID   IMAGE"), answers.get(0).plainText());
    }

    @Test
    void whileTheUsersCellRunsTheWarmUpWaits() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean userBusy = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<Bundle> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        Warmup.start(DockerCommands.registry(), Messages.ENGLISH, 2, userBusy::get, answers::add);
        Thread.sleep(500);
        assertEquals(0, answers.size(), "no warm-up cell ran while the user's cell did");
        userBusy.set(false);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (answers.size() < 4 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(4, answers.size(), "the warm-up went on once the user's cell ended");
    }
}
