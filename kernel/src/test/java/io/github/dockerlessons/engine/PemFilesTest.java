package io.github.dockerlessons.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fixtures in src/test/resources/pem were written by OpenSSL 3.0 (genpkey, genrsa -traditional,
 * ecparam -genkey, pkcs8 -topk8, req -x509). The words are Go's crypto/tls and the docker CLI's.
 */
class PemFilesTest {
    private static String fixture(String name) throws IOException {
        try (InputStream in = PemFilesTest.class.getResourceAsStream("/pem/" + name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static String body(String pem) {
        return pem.substring(pem.indexOf("-----\n") + 6, pem.indexOf("-----END"));
    }

    private static String unreadable(PemFilesCall call) {
        return assertThrows(PemFiles.Unreadable.class, call::run).getMessage();
    }

    private interface PemFilesCall {
        void run() throws Exception;
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa-pkcs8", "rsa-pkcs1", "ec-sec1", "ec-pkcs8", "ec384-sec1", "ed25519"})
    void everyKeyKindOfTheCliIsReadAndMatchesItsCertificate(String name) throws Exception {
        PrivateKey key = PemFiles.privateKey(fixture(name + ".pem"));
        assertNotNull(key, name);
        List<Certificate> certificates = PemFiles.clientCertificates(fixture(name + ".crt"));
        assertEquals(1, certificates.size());
        assertDoesNotThrow(() -> PemFiles.checkPair(key, certificates.get(0)));
    }

    @Test
    void aKeyOfAnotherCertificateDoesNotMatch() throws Exception {
        Certificate rsa = PemFiles.clientCertificates(fixture("rsa-pkcs1.crt")).get(0);
        assertEquals("tls: private key does not match public key",
                unreadable(() -> PemFiles.checkPair(PemFiles.privateKey(fixture("rsa-pkcs8.pem")), rsa)));
        assertEquals("tls: private key does not match public key",
                unreadable(() -> PemFiles.checkPair(PemFiles.privateKey(fixture("ec-sec1.pem")), rsa)));
    }

    @Test
    void theLabelDoesNotDecideTheParserAsInGo() throws Exception {
        // Go's parsePrivateKey tries PKCS#1, PKCS#8 and SEC1 on any block whose type ends in "PRIVATE KEY".
        String pkcs8 = body(fixture("rsa-pkcs8.pem"));
        assertNotNull(PemFiles.privateKey("-----BEGIN RSA PRIVATE KEY-----\n" + pkcs8 + "-----END RSA PRIVATE KEY-----\n"));
        String pkcs1 = body(fixture("rsa-pkcs1.pem"));
        assertNotNull(PemFiles.privateKey("-----BEGIN PRIVATE KEY-----\n" + pkcs1 + "-----END PRIVATE KEY-----\n"));
        String ecPkcs8 = body(fixture("ec-pkcs8.pem"));
        assertNotNull(PemFiles.privateKey("-----BEGIN EC PRIVATE KEY-----\n" + ecPkcs8 + "-----END EC PRIVATE KEY-----\n"));
    }

    @Test
    void keysTheCliRefusesAreRefusedInItsWords() throws Exception {
        assertEquals(PemFiles.ENCRYPTED_KEY, unreadable(() -> PemFiles.privateKey(fixture("rsa-encrypted.pem"))));
        assertEquals("tls: failed to parse private key",
                unreadable(() -> PemFiles.privateKey(fixture("rsa-pkcs8-encrypted.pem"))));
        assertEquals("tls: failed to parse private key", unreadable(() -> PemFiles.privateKey(fixture("ec-explicit.pem"))));
        // Go's tls takes Ed25519, not Ed448 (the JDK's "EdDSA" factory takes both).
        assertEquals("tls: failed to parse private key", unreadable(() -> PemFiles.privateKey(fixture("ed448.pem"))));
        assertEquals("tls: found a certificate rather than a key in the PEM for the private key",
                unreadable(() -> PemFiles.privateKey(fixture("rsa-pkcs8.crt"))));
        assertEquals("tls: failed to find PEM block with type ending in \"PRIVATE KEY\" in key input after skipping "
                        + "PEM blocks of the following types: [PUBLIC KEY]",
                unreadable(() -> PemFiles.privateKey("-----BEGIN PUBLIC KEY-----\nMAA=\n-----END PUBLIC KEY-----\n")));
        assertEquals("tls: failed to parse private key", unreadable(() -> PemFiles.privateKey(
                "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n")));
        assertEquals("tls: failed to parse private key", unreadable(() -> PemFiles.privateKey(
                "-----BEGIN RSA PRIVATE KEY-----\n%%%\n-----END RSA PRIVATE KEY-----\n")));
        assertNull(PemFiles.privateKey(""));
        assertNull(PemFiles.privateKey("not a PEM file"));
    }

    @Test
    void certPemIsReadAsTlsReadsIt() throws Exception {
        assertEquals("tls: failed to find any PEM data in certificate input", unreadable(() -> PemFiles.clientCertificates("")));
        assertEquals("tls: failed to find certificate PEM data in certificate input, but did find a private key; "
                + "PEM inputs may have been switched", unreadable(() -> PemFiles.clientCertificates(fixture("ed25519.pem"))));
        assertEquals("x509: malformed certificate", unreadable(() -> PemFiles.clientCertificates(
                "-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n")));
        String chain = "some words first\n" + fixture("rsa-pkcs8.crt") + "\n" + fixture("ec-sec1.crt") + "trailing\n";
        List<Certificate> certificates = PemFiles.clientCertificates(chain);
        assertEquals(2, certificates.size());
        assertEquals("CN=rsa-pkcs8", ((X509Certificate) certificates.get(0)).getSubjectX500Principal().getName());
        assertEquals("CN=ec-sec1", ((X509Certificate) certificates.get(1)).getSubjectX500Principal().getName());
    }

    @Test
    void theCaFileSkipsWhatDoesNotParseAsAppendCertsFromPemDoes() throws Exception {
        String bundle = "-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n" + fixture("ed25519.pem")
                + fixture("ec-pkcs8.crt") + "-----BEGIN CERTIFICATE-----\n%%%\n-----END CERTIFICATE-----\n";
        List<Certificate> certificates = PemFiles.caCertificates(bundle);
        assertEquals(1, certificates.size());
        assertEquals("CN=ec-pkcs8", ((X509Certificate) certificates.get(0)).getSubjectX500Principal().getName());
        assertEquals(0, PemFiles.caCertificates(fixture("rsa-pkcs8.pem")).size());
    }

    @Test
    void aBeginWithNoEndIsPassedOver() throws Exception {
        String pem = "-----BEGIN CERTIFICATE-----\nno end here\n" + fixture("ec-sec1.pem");
        assertNotNull(PemFiles.privateKey(pem));
    }

    @Test
    void manyBeginLinesWithNoEndAreReadOnce() {
        String hostile = "-----BEGIN PRIVATE KEY-----\n".repeat(40_000);
        long start = System.nanoTime();
        assertDoesNotThrow(() -> assertNull(PemFiles.privateKey(hostile)));
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "took too long");
    }

    @Test
    void crlfLinesAreRead() throws Exception {
        assertNotNull(PemFiles.privateKey(fixture("ec-sec1.pem").replace("\n", "\r\n")));
        assertEquals(1, PemFiles.clientCertificates(fixture("ed25519.crt").replace("\n", "\r\n")).size());
        assertEquals(PemFiles.ENCRYPTED_KEY, unreadable(() -> PemFiles.privateKey(
                fixture("rsa-encrypted.pem").replace("\n", "\r\n"))));
    }
}
