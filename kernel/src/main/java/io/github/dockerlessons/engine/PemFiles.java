package io.github.dockerlessons.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The PEM files of a TLS endpoint (ca.pem, cert.pem, key.pem), read with the JDK alone, as the docker CLI
 * reads them with Go's crypto/tls and x509, in its words:
 * <ul>
 *   <li>the CA file: every CERTIFICATE block that parses, others skipped, as {@code AppendCertsFromPEM};</li>
 *   <li>cert.pem: its CERTIFICATE blocks, as {@code tls.X509KeyPair} reads them;</li>
 *   <li>key.pem: the first block whose type ends in "PRIVATE KEY", tried as PKCS#1, PKCS#8 (RSA, EC,
 *       Ed25519) and SEC1 in that order whatever its label says, as {@code parsePrivateKey}; an encrypted
 *       one is refused as the CLI refuses it; the key must match the certificate.</li>
 * </ul>
 *
 * <p>Why not docker-java's CertificateUtils: it needs Bouncy Castle (bcprov, bcutil and bcpkix: 6,900 of
 * the kernel jar's 17,200 entries, whose directory the JVM keeps in every kernel's heap, and hundreds of
 * classes loaded on a TLS endpoint's first call) for what the JDK's KeyFactory does once a PKCS#1 or
 * SEC1 key is wrapped in PKCS#8's envelope, which is a few bytes of DER.
 */
final class PemFiles {
    /** rsaEncryption (1.2.840.113549.1.1.1) with its NULL parameters, as an AlgorithmIdentifier's body. */
    private static final byte[] RSA_ALGORITHM = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7,
            0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    /** id-ecPublicKey (1.2.840.10045.2.1). */
    private static final byte[] EC_PUBLIC_KEY = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};
    /** The key kinds of Go's tls in a PKCS#8 envelope ("Ed25519", not the JDK's "EdDSA", which takes Ed448). */
    private static final String[] PKCS8_ALGORITHMS = {"RSA", "EC", "Ed25519"};

    static final String ENCRYPTED_KEY = "private key is encrypted - support for encrypted private keys has been "
            + "removed, see https://docs.docker.com/go/deprecated/";

    /** A file the CLI refuses, with the CLI's words for why. */
    static final class Unreadable extends Exception {
        Unreadable(String cliText) {
            super(cliText);
        }
    }

    private PemFiles() {
    }

    /** The CA file's certificates: every CERTIFICATE block that parses, in order (none: the caller's words). */
    static List<Certificate> caCertificates(String pem) throws CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<Certificate> found = new ArrayList<>();
        for (Block block : blocks(pem)) {
            byte[] der = block.type().equals("CERTIFICATE") ? block.der() : null;
            if (der != null) {
                try {
                    found.add(factory.generateCertificate(new ByteArrayInputStream(der)));
                } catch (CertificateException e) {
                    // AppendCertsFromPEM skips a certificate that does not parse.
                }
            }
        }
        return found;
    }

    /** cert.pem's certificates, the client's own first. */
    static List<Certificate> clientCertificates(String pem) throws Unreadable, CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<Certificate> found = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Block block : blocks(pem)) {
            if (!block.type().equals("CERTIFICATE")) {
                skipped.add(block.type());
                continue;
            }
            byte[] der = block.der();
            try {
                if (der == null) {
                    throw new CertificateException("not base64");
                }
                found.add(factory.generateCertificate(new ByteArrayInputStream(der)));
            } catch (CertificateException e) {
                throw new Unreadable("x509: malformed certificate");
            }
        }
        if (!found.isEmpty()) {
            return found;
        }
        if (skipped.isEmpty()) {
            throw new Unreadable("tls: failed to find any PEM data in certificate input");
        }
        if (skipped.size() == 1 && skipped.get(0).endsWith("PRIVATE KEY")) {
            throw new Unreadable("tls: failed to find certificate PEM data in certificate input, but did find a "
                    + "private key; PEM inputs may have been switched");
        }
        throw new Unreadable("tls: failed to find \"CERTIFICATE\" PEM block in certificate input after skipping PEM "
                + "blocks of the following types: [" + String.join(" ", skipped) + "]");
    }

    /**
     * The private key of the first key block, or null when the file has no PEM block at all (the caller
     * says "no valid private key found", as the CLI does).
     */
    static PrivateKey privateKey(String pem) throws Unreadable {
        List<Block> blocks = blocks(pem);
        if (blocks.isEmpty()) {
            return null;
        }
        if (blocks.get(0).encrypted()) {
            throw new Unreadable(ENCRYPTED_KEY);
        }
        List<String> skipped = new ArrayList<>();
        for (Block block : blocks) {
            String type = block.type();
            if (!type.equals("PRIVATE KEY") && !type.endsWith(" PRIVATE KEY")) {
                skipped.add(type);
                continue;
            }
            byte[] der = block.der();
            PrivateKey key = der == null ? null : parse(der);
            if (key == null) {
                throw new Unreadable("tls: failed to parse private key");
            }
            return key;
        }
        if (skipped.size() == 1 && skipped.get(0).equals("CERTIFICATE")) {
            throw new Unreadable("tls: found a certificate rather than a key in the PEM for the private key");
        }
        throw new Unreadable("tls: failed to find PEM block with type ending in \"PRIVATE KEY\" in key input after "
                + "skipping PEM blocks of the following types: [" + String.join(" ", skipped) + "]");
    }

    /** As Go's tls checks a pair: the key signs what the certificate's public key verifies. */
    static void checkPair(PrivateKey key, Certificate certificate) throws Unreadable {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm();
        };
        try {
            byte[] nonce = new byte[32];
            new SecureRandom().nextBytes(nonce);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(nonce);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate);
            verifier.update(nonce);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // a key of another kind than the certificate's: the same words
        }
        throw new Unreadable("tls: private key does not match public key");
    }

    /** PKCS#1, then PKCS#8, then SEC1, as Go's parsePrivateKey tries them. */
    private static PrivateKey parse(byte[] der) {
        PrivateKey key = key("RSA", pkcs8(RSA_ALGORITHM, der));
        for (int i = 0; key == null && i < PKCS8_ALGORITHMS.length; i++) {
            key = key(PKCS8_ALGORITHMS[i], der);
        }
        if (key == null) {
            byte[] curve = sec1Curve(der);
            key = curve == null ? null : key("EC", pkcs8(concat(EC_PUBLIC_KEY, curve), der));
        }
        return key;
    }

    private record Block(String type, String headers, String base64) {
        /**
         * OpenSSL's legacy encryption (Proc-Type: 4,ENCRYPTED with DEK-Info), as Go's IsEncryptedPEMBlock
         * tells it. A PKCS#8 "ENCRYPTED PRIVATE KEY" is not this: Go just fails to parse it.
         */
        boolean encrypted() {
            return headers.contains("DEK-Info");
        }

        /** The body's bytes; null when it is not base64 (Go's pem.Decode would not take it as a block). */
        byte[] der() {
            try {
                return Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /**
     * The "-----BEGIN TYPE-----" ... "-----END TYPE-----" blocks, in order; text around them is ignored,
     * and a BEGIN with no END is passed over, as Go's pem.Decode does. The header lines ("Key: value")
     * before the body are kept apart. Each type's END is searched for once past a point it was missing
     * from, so a file of many BEGIN lines with no END is not searched again from each.
     */
    private static List<Block> blocks(String pem) {
        List<Block> found = new ArrayList<>();
        Map<String, Integer> noEndAfter = new HashMap<>();
        int at = 0;
        while (true) {
            int begin = pem.indexOf("-----BEGIN ", at);
            if (begin < 0) {
                return found;
            }
            int typeEnd = pem.indexOf("-----", begin + 11);
            int lineEnd = pem.indexOf('\n', begin);
            if (typeEnd < 0 || (lineEnd >= 0 && typeEnd > lineEnd)) {
                at = begin + 11;
                continue;
            }
            String type = pem.substring(begin + 11, typeEnd);
            String endLine = "-----END " + type + "-----";
            Integer missingAfter = noEndAfter.get(type);
            int end = missingAfter != null && missingAfter <= typeEnd ? -1 : pem.indexOf(endLine, typeEnd + 5);
            if (end < 0) {
                noEndAfter.putIfAbsent(type, typeEnd);
                at = typeEnd + 5;
                continue;
            }
            String body = pem.substring(typeEnd + 5, end);
            String headers = "";
            int blank = body.indexOf(":") < 0 ? -1 : body.replace("\r\n", "\n").indexOf("\n\n");
            if (blank >= 0) {
                String unified = body.replace("\r\n", "\n");
                headers = unified.substring(0, blank);
                body = unified.substring(blank + 2);
            }
            found.add(new Block(type, headers, body));
            at = end + endLine.length();
        }
    }

    private static PrivateKey key(String algorithm, byte[] pkcs8) {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    /** PrivateKeyInfo ::= SEQUENCE { version 0, AlgorithmIdentifier, privateKey OCTET STRING }. */
    private static byte[] pkcs8(byte[] algorithmBody, byte[] privateKey) {
        return tlv(0x30, concat(new byte[]{0x02, 0x01, 0x00}, tlv(0x30, algorithmBody), tlv(0x04, privateKey)));
    }

    /**
     * The named curve of a SEC1 ECPrivateKey ::= SEQUENCE { version, privateKey OCTET STRING,
     * [0] parameters OPTIONAL, [1] publicKey OPTIONAL }: the OID's whole encoding, or null when the key
     * names none (Go refuses such a key too) or is not DER.
     */
    private static byte[] sec1Curve(byte[] der) {
        try {
            Der outer = new Der(der, 0);
            if (outer.tag != 0x30) {
                return null;
            }
            int at = outer.valueStart;
            while (at < outer.end) {
                Der element = new Der(der, at);
                if (element.tag == 0xa0) {
                    Der oid = new Der(der, element.valueStart);
                    return oid.tag == 0x06 ? Arrays.copyOfRange(der, element.valueStart, oid.end) : null;
                }
                at = element.end;
            }
            return null;
        } catch (IndexOutOfBoundsException e) {
            return null;
        }
    }

    /** One DER element at {@code start}: its tag, where its value starts and where it ends. */
    private static final class Der {
        final int tag;
        final int valueStart;
        final int end;

        Der(byte[] der, int start) {
            tag = der[start] & 0xff;
            int length = der[start + 1] & 0xff;
            int at = start + 2;
            if (length > 0x7f) {
                int bytes = length & 0x7f;
                if (bytes > 3) {
                    throw new IndexOutOfBoundsException("a DER length of " + bytes + " bytes");
                }
                length = 0;
                for (int i = 0; i < bytes; i++) {
                    length = (length << 8) | (der[at++] & 0xff);
                }
            }
            valueStart = at;
            end = at + length;
            if (end > der.length) {
                throw new IndexOutOfBoundsException("a DER element runs past its end");
            }
        }
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write(length >> 8);
            out.write(length);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
