package io.github.dockerlessons.jupyter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Map;

/**
 * The signature of a Jupyter message: HMAC (RFC 2104) with the connection file's key over the header,
 * parent header, metadata and content, in lowercase hex; the empty string when the key is empty, as
 * the protocol says (a message with any other signature is then refused, as before).
 *
 * <p>Why not the library's {@code HMACGenerator}: it is built on {@code javax.crypto.Mac}, and the
 * first {@code Mac} of a JVM loads the JCE framework and the SunJCE provider on the path to the first
 * kernel_info_reply (25-30 ms of the kernel's start here, against 0.1 ms for a {@code MessageDigest}
 * once the security providers are up). HMAC over a {@code MessageDigest} is the same function (the
 * JDK's own HmacCore is built that way); the known-answer tests of RFC 4231 and a comparison with
 * {@code Mac} on random keys and messages check it (MessageSignerTest).
 */
record MessageSigner(MessageDigest innerStart, MessageDigest outerStart) {
    /** The signature schemes of jupyter_client ("hmac-" and a hashlib name) this signer computes. */
    private static final Map<String, String> DIGESTS = Map.of(
            "md5", "MD5", "sha1", "SHA-1", "sha224", "SHA-224", "sha256", "SHA-256",
            "sha384", "SHA-384", "sha512", "SHA-512");

    /** No key: nothing is signed. (innerStart and outerStart: the digests with the key's pads already
     *  hashed in, copied for each signature.) */
    static final MessageSigner NONE = new MessageSigner(null, null);

    /**
     * The signer a connection file's {@code signature_scheme} and {@code key} ask for.
     *
     * @throws NoSuchAlgorithmException for a scheme that is not "hmac-" and a digest named above
     */
    static MessageSigner forConnection(String scheme, String key) throws NoSuchAlgorithmException {
        if (key == null || key.isEmpty()) {
            return NONE;
        }
        String name = scheme == null ? "" : scheme.trim().toLowerCase(Locale.ROOT);
        String digest = name.startsWith("hmac-") ? DIGESTS.get(name.substring("hmac-".length())) : null;
        if (digest == null) {
            throw new NoSuchAlgorithmException("unsupported signature scheme: " + scheme);
        }
        MessageDigest inner = MessageDigest.getInstance(digest);
        MessageDigest outer = MessageDigest.getInstance(digest);
        // SHA-384 and SHA-512 hash 128-byte blocks, the others 64-byte blocks.
        int block = digest.equals("SHA-384") || digest.equals("SHA-512") ? 128 : 64;
        // UTF-8, as jupyter_client encodes the key (the library took ASCII: the same for every key it makes).
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        if (keyBytes.length > block) {
            keyBytes = MessageDigest.getInstance(digest).digest(keyBytes);
        }
        byte[] innerPad = new byte[block];
        byte[] outerPad = new byte[block];
        for (int i = 0; i < block; i++) {
            byte k = i < keyBytes.length ? keyBytes[i] : 0;
            innerPad[i] = (byte) (k ^ 0x36);
            outerPad[i] = (byte) (k ^ 0x5c);
        }
        inner.update(innerPad);
        outer.update(outerPad);
        return new MessageSigner(inner, outer);
    }

    /**
     * Loads the JDK's security providers, which the first digest of a JVM does (about 15 ms), so that
     * this can happen beside other start-up work.
     */
    static void loadProviders() {
        try {
            MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every JDK has SHA-256; forConnection reports a missing digest when it is asked for one.
        }
    }

    /** Whether messages are signed at all (a connection file with a key). */
    boolean signs() {
        return innerStart != null;
    }

    /** The hex signature of the parts, or "" when this connection does not sign. */
    String sign(byte[]... parts) {
        if (innerStart == null) {
            return "";
        }
        MessageDigest inner = copy(innerStart);
        for (byte[] part : parts) {
            inner.update(part);
        }
        MessageDigest outer = copy(outerStart);
        outer.update(inner.digest());
        return hex(outer.digest());
    }

    private static MessageDigest copy(MessageDigest start) {
        try {
            return (MessageDigest) start.clone();
        } catch (CloneNotSupportedException e) {
            // Every digest of the JDK's SUN provider can be cloned; a JDK whose cannot is not one this runs on.
            throw new IllegalStateException("the JDK's " + start.getAlgorithm() + " digest cannot be copied", e);
        }
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }
}
