package io.github.dockerlessons.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fixtures in src/test/resources/pem were written by OpenSSL 3.0 (genpkey, genrsa -traditional,
 * ecparam -genkey, pkcs8 -topk8, req -x509): each key is read and signs what its certificate verifies.
 */
class PemFilesTest {
    private static String fixture(String name) throws IOException {
        try (InputStream in = PemFilesTest.class.getResourceAsStream("/pem/" + name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa-pkcs8", "rsa-pkcs1", "ec-sec1", "ec-pkcs8", "ec384-sec1", "ed25519"})
    void everyKeyKindOfTheCliIsReadAndMatchesItsCertificate(String name) throws Exception {
        PrivateKey key = PemFiles.privateKey(fixture(name + ".pem"));
        assertNotNull(key, name);
        List<Certificate> certificates = PemFiles.certificates(fixture(name + ".crt"));
        assertEquals(1, certificates.size());
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm();
        };
        byte[] data = "도커 lesson".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(certificates.get(0));
        verifier.update(data);
        assertTrue(verifier.verify(signature), name);
    }

    @Test
    void aChainGivesEveryCertificateInOrder() throws Exception {
        String chain = "some words first\n" + fixture("rsa-pkcs8.crt") + "\n" + fixture("ec-sec1.crt") + "trailing\n";
        List<Certificate> certificates = PemFiles.certificates(chain);
        assertEquals(2, certificates.size());
        assertEquals("CN=rsa-pkcs8", ((X509Certificate) certificates.get(0)).getSubjectX500Principal().getName());
        assertEquals("CN=ec-sec1", ((X509Certificate) certificates.get(1)).getSubjectX500Principal().getName());
        assertEquals(0, PemFiles.certificates(fixture("rsa-pkcs8.pem")).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa-encrypted", "rsa-pkcs8-encrypted", "ec-explicit"})
    void keysTheCliCannotUseAreNotRead(String name) throws Exception {
        assertNull(PemFiles.privateKey(fixture(name + ".pem")), name);
    }

    @Test
    void textThatIsNoKeyGivesNone() throws Exception {
        assertNull(PemFiles.privateKey(""));
        assertNull(PemFiles.privateKey(fixture("rsa-pkcs8.crt")));
        assertNull(PemFiles.privateKey("-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n"));
        assertNull(PemFiles.privateKey("-----BEGIN EC PRIVATE KEY-----\nMAA=\n-----END EC PRIVATE KEY-----\n"));
        assertNull(PemFiles.privateKey("-----BEGIN EC PRIVATE KEY-----\nMIIB\n-----END EC PRIVATE KEY-----\n"));
        assertNull(PemFiles.privateKey("-----BEGIN RSA PRIVATE KEY-----\n%%%\n-----END RSA PRIVATE KEY-----\n"));
        assertThrows(java.security.cert.CertificateException.class,
                () -> PemFiles.certificates("-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n"));
    }

    @Test
    void manyBeginLinesWithNoEndAreReadOnce() {
        String hostile = "-----BEGIN PRIVATE KEY-----\n".repeat(40_000);
        long start = System.nanoTime();
        assertNull(PemFiles.privateKey(hostile));
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "took too long");
    }

    @Test
    void crlfLinesAreRead() throws Exception {
        assertNotNull(PemFiles.privateKey(fixture("ec-sec1.pem").replace("\n", "\r\n")));
        assertEquals(1, PemFiles.certificates(fixture("ed25519.crt").replace("\n", "\r\n")).size());
    }
}
