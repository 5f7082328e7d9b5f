package io.github.dockerlessons.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NoTlsTest {
    @Test
    void theContextOfAPlainEndpointIsNeverInitialisedSoItCannotBeUsed() {
        assertNotNull(NoTls.CONFIG, "docker-java would build the system default context (the CA store) instead");
        // Uninitialised: nothing is trusted, and using it fails at once.
        assertThrows(IllegalStateException.class, () -> NoTls.CONFIG.getSSLContext().createSSLEngine());
    }
}
