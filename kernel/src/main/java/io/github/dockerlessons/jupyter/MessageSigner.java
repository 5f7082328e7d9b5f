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
final class MessageSigner {
    private record Digest(String name, int blockBytes) {
    }

    /** The signature schemes of jupyter_client ("hmac-" and a hashlib name) the JDK has digests for. */
    private static final Map<String, Digest> DIGESTS = Map.of(
            "md5", new Digest("MD5", 64), "sha1", new Digest("SHA-1", 64), "sha224", new Digest("SHA-224", 64),
            "sha256", new Digest("SHA-256", 64), "sha384", new Digest("SHA-384", 128),
            "sha512", new Digest("SHA-512", 128), "sha3_224", new Digest("SHA3-224", 144),
            "sha3_256", new Digest("SHA3-256", 136), "sha3_384", new Digest("SHA3-384", 104),
            "sha3_512", new Digest("SHA3-512", 72));

    /** No key: nothing is signed. */
    static final MessageSigner NONE = new MessageSigner(null, null);

    /** The digests with the key's inner and outer pads already hashed in, copied for each signature. */
    private final MessageDigest innerStart;
    private final MessageDigest outerStart;

    private MessageSigner(MessageDigest innerStart, MessageDigest outerStart) {
        this.innerStart = innerStart;
        this.outerStart = outerStart;
    }

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
        Digest digest = name.startsWith("hmac-") ? DIGESTS.get(name.substring("hmac-".length())) : null;
        if (digest == null) {
            throw new NoSuchAlgorithmException("unsupported signature scheme: " + scheme);
        }
        MessageDigest inner = MessageDigest.getInstance(digest.name());
        MessageDigest outer = MessageDigest.getInstance(digest.name());
        int block = digest.blockBytes();
        // UTF-8, as jupyter_client encodes the key (the library took ASCII: the same for every key it makes).
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        if (keyBytes.length > block) {
            keyBytes = MessageDigest.getInstance(digest.name()).digest(keyBytes);
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
