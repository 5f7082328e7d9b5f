package io.github.dockerlessons.engine;

import com.github.dockerjava.transport.DockerHttpClient;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which answers the kernel reads as streams (never bounded) and which it holds whole (bounded at 32 MiB). */
class BoundedAnswerStreamsTest {
    private static boolean stream(String path) {
        return BoundedAnswerHttpClient.isStream(DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path(path).build());
    }

    @Test
    void serviceAndTaskLogsAreStreamsAsContainerLogsAre() {
        // service logs -f of a flooding service ended after 32 MiB with "larger than the kernel reads whole"
        assertTrue(stream("/services/web/logs?stdout=1&stderr=1&details=true&follow=true&tail=all"));
        assertTrue(stream("/v1.41/tasks/t3rocezf5llc/logs?follow=true"));
        assertTrue(stream("/containers/abc/logs?follow=1"));
    }

    @Test
    void listingsAndInspectionsAreHeldWholeAndBounded() {
        assertFalse(stream("/services/web"));
        assertFalse(stream("/tasks?filters=%7B%7D"));
        assertFalse(stream("/services/logs"));
        assertFalse(stream("/containers/json"));
    }
}
