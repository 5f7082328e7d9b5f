package io.github.dockerlessons.command.stack;

import io.github.dockerlessons.command.core.DockerError;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A stack's ports as the file gives them: a range is spelled out, so its size is bounded by what a port is. */
class DeployPoliciesTest {
    @Test
    void aRangeIsEveryPortOfIt() throws Exception {
        assertArrayEquals(new long[]{8000, 8001, 8002}, DeployPolicies.range("8000-8002"));
        assertArrayEquals(new long[]{80}, DeployPolicies.range("80"));
    }

    /** "1-300000000" was made an array of 300 million ports: the kernel's heap ran out and the kernel ended. */
    @Test
    void aRangeBeyondThePortsIsRefusedNotAllocated() {
        DockerError e = assertThrows(DockerError.class, () -> DeployPolicies.range("1-300000000"));
        assertEquals("invalid port: 1-300000000", e.getMessage());
        assertThrows(DockerError.class, () -> DeployPolicies.range("1-9999999999999"));
        assertThrows(DockerError.class, () -> DeployPolicies.range("90-80"));
    }

    /** A long-syntax port without target: the CLI sends target 0; the kernel failed on the missing text. */
    @Test
    void noTargetIsPortZero() throws Exception {
        assertArrayEquals(new long[]{0}, DeployPolicies.range(null));
    }
}
