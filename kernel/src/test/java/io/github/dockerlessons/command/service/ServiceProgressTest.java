package io.github.dockerlessons.command.service;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The convergence progress of a service whose replica count is the API's uint64: the CLI's --replicas takes
 * any, and the kernel sized an array by it (an int parse that threw past 2^31, then a String[replicas + 1]
 * that 100 million replicas made 400 MB in a 256 MiB kernel, which ends on OutOfMemoryError).
 */
class ServiceProgressTest {
    private static JsonObject service(String replicas) {
        return JsonParser.parseString("{\"Spec\":{\"Mode\":{\"Replicated\":{\"Replicas\":" + replicas + "}}}}")
                .getAsJsonObject();
    }

    private static JsonObject task(int slot, String state) {
        return JsonParser.parseString("{\"Slot\":" + slot + ",\"DesiredState\":\"running\",\"Status\":{\"State\":\""
                + state + "\"}}").getAsJsonObject();
    }

    @Test
    void aHugeReplicaCountDrawsNoBarsAndSizesNothing() {
        for (String replicas : List.of("100000000", "2147483647", "3000000000", "18446744073709551615")) {
            List<String> lines = new ArrayList<>();
            boolean converged = ServiceProgress.lines(service(replicas), List.of(task(1, "running"), task(2, "pending")),
                    new HashMap<>(), false, lines);
            assertFalse(converged, replicas);
            assertEquals(List.of("overall progress: 1 out of " + replicas + " tasks "), lines, replicas);
        }
    }

    @Test
    void twoReplicasDrawABarEach() {
        List<String> lines = new ArrayList<>();
        boolean converged = ServiceProgress.lines(service("2"), List.of(task(1, "running"), task(2, "running")),
                new HashMap<>(), false, lines);
        assertEquals(3, lines.size());
        assertEquals("overall progress: 2 out of 2 tasks ", lines.get(0));
        assertEquals(true, converged);
    }

    @Test
    void aSlotThatIsNoNumberIsSlotZeroNotAFault() {
        JsonObject odd = task(1, "running");
        odd.addProperty("Slot", "x");
        List<String> lines = new ArrayList<>();
        ServiceProgress.lines(service("1"), List.of(odd), new HashMap<>(), false, lines);
        assertEquals("overall progress: 1 out of 1 tasks ", lines.get(0));
    }
}
