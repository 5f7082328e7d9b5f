package io.github.dockerlessons.jupyter;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MessageSignerTest {
    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void rfc4231CaseTwoWithAShortKey() throws Exception {
        MessageSigner signer = MessageSigner.forConnection("hmac-sha256", "Jefe");
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                signer.sign(ascii("what do ya want "), ascii("for nothing?")));
        assertEquals("164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737",
                MessageSigner.forConnection("hmac-sha512", "Jefe").sign(ascii("what do ya want for nothing?")));
    }

    @Test
    void rfc4231CaseOne() throws Exception {
        assertEquals("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
                MessageSigner.forConnection("hmac-sha256", "\u000b".repeat(20)).sign(ascii("Hi There")));
    }

    @Test
    void aKeyLongerThanABlockIsHashedFirst() throws Exception {
        // RFC 4231's case 6 has a key of 131 bytes 0xaa, which a connection file's text key cannot hold
        // (UTF-8 makes two bytes of it), so the same length is checked against the JDK's Mac.
        String key = "k".repeat(131);
        byte[] message = ascii("Test Using Larger Than Block-Size Key - Hash Key First");
        assertEquals(mac("HmacSHA256", key, message), MessageSigner.forConnection("hmac-sha256", key).sign(message));
        assertEquals(mac("HmacSHA512", key, message), MessageSigner.forConnection("hmac-sha512", key).sign(message));
    }

    @Test
    void theSameAsTheJdksMacForRandomKeysAndParts() throws Exception {
        Random random = new Random(22);
        String[][] schemes = {{"hmac-sha256", "HmacSHA256"}, {"hmac-sha1", "HmacSHA1"}, {"hmac-md5", "HmacMD5"},
                {"hmac-sha384", "HmacSHA384"}, {"hmac-sha512", "HmacSHA512"}, {"HMAC-SHA224", "HmacSHA224"},
                {"hmac-sha3_256", "HmacSHA3-256"}, {"hmac-sha3_512", "HmacSHA3-512"}, {"hmac-sha3_224", "HmacSHA3-224"},
                {"hmac-sha3_384", "HmacSHA3-384"}};
        for (int round = 0; round < 300; round++) {
            String[] scheme = schemes[round % schemes.length];
            String key = randomKey(random, 1 + random.nextInt(200));
            byte[][] parts = new byte[random.nextInt(5)][];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = new byte[random.nextInt(300)];
                random.nextBytes(parts[i]);
            }
            MessageSigner signer = MessageSigner.forConnection(scheme[0], key);
            assertEquals(mac(scheme[1], key, parts), signer.sign(parts), scheme[0] + " key " + key);
            // A signer is used again and again: a second signature of the same parts is the same.
            assertEquals(signer.sign(parts), signer.sign(parts));
        }
    }

    @Test
    void anEmptyKeySignsNothing() throws Exception {
        assertEquals("", MessageSigner.forConnection("hmac-sha256", "").sign(ascii("x")));
        assertEquals("", MessageSigner.forConnection("anything", null).sign(ascii("x")));
        assertEquals(64, MessageSigner.forConnection("hmac-sha256", "k").sign(ascii("x")).length());
    }

    @Test
    void anUnknownSchemeIsRefusedAsBefore() {
        assertThrows(NoSuchAlgorithmException.class, () -> MessageSigner.forConnection("hmac-blake2b", "k"));
        assertThrows(NoSuchAlgorithmException.class, () -> MessageSigner.forConnection("sha256", "k"));
        assertThrows(NoSuchAlgorithmException.class, () -> MessageSigner.forConnection(null, "k"));
    }

    @Test
    void oneSignerSignsFromManyThreadsAtOnce() throws Exception {
        // The shell, control and iopub paths sign with one signer at the same time.
        MessageSigner signer = MessageSigner.forConnection("hmac-sha256", "shared key");
        byte[][] messages = new byte[8][];
        String[] expected = new String[8];
        for (int i = 0; i < 8; i++) {
            messages[i] = ascii("message " + i);
            expected[i] = mac("HmacSHA256", "shared key", messages[i]);
        }
        java.util.concurrent.atomic.AtomicInteger wrong = new java.util.concurrent.atomic.AtomicInteger();
        Thread[] threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            int mine = t;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 5_000; i++) {
                    if (!expected[mine].equals(signer.sign(messages[mine]))) {
                        wrong.incrementAndGet();
                    }
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(0, wrong.get());
    }

    private static String randomKey(Random random, int length) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < length; i++) {
            key.append((char) ('!' + random.nextInt(94)));
        }
        return key.toString();
    }

    private static String mac(String algorithm, String key, byte[]... parts) throws Exception {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
        for (byte[] part : parts) {
            mac.update(part);
        }
        return HexFormat.of().formatHex(mac.doFinal());
    }
}
