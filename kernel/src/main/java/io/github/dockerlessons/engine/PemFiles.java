package io.github.dockerlessons.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The PEM files of a TLS endpoint (ca.pem, cert.pem, key.pem), read with the JDK alone, as Go's
 * crypto/tls reads them for the docker CLI: certificates from every CERTIFICATE block; the private key
 * from the first key block, PKCS#8 ("PRIVATE KEY": RSA, EC, Ed25519), PKCS#1 ("RSA PRIVATE KEY") or
 * SEC1 ("EC PRIVATE KEY", its curve named in the key), other blocks (an "EC PARAMETERS" before the key,
 * as {@code openssl ecparam -genkey} writes) skipped. An encrypted key is not read, as the CLI cannot
 * ask for its passphrase either.
 *
 * <p>Why not docker-java's CertificateUtils: it needs Bouncy Castle (bcprov, bcutil and bcpkix: 6,900
 * of the kernel jar's 17,200 entries, whose directory the JVM keeps in every kernel's heap, and hundreds
 * of classes loaded on a TLS endpoint's first call) for what the JDK's KeyFactory does once a PKCS#1
 * or SEC1 key is wrapped in PKCS#8's envelope, which is a few bytes of DER.
 */
final class PemFiles {
    /** rsaEncryption (1.2.840.113549.1.1.1) with its NULL parameters, as an AlgorithmIdentifier's body. */
    private static final byte[] RSA_ALGORITHM = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7,
            0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    /** id-ecPublicKey (1.2.840.10045.2.1). */
    private static final byte[] EC_PUBLIC_KEY = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};
    /** The key factories a PKCS#8 key is tried with, as Go's ParsePKCS8PrivateKey knows these three. */
    private static final String[] PKCS8_ALGORITHMS = {"RSA", "EC", "EdDSA"};

    private PemFiles() {
    }

    /** The certificates of every CERTIFICATE block, in order. */
    static List<Certificate> certificates(String pem) throws CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<Certificate> found = new ArrayList<>();
        for (Block block : blocks(pem)) {
            if (block.type().equals("CERTIFICATE")) {
                byte[] der = body(block.body());
                if (der == null) {
                    throw new CertificateException("a CERTIFICATE block is not base64");
                }
                found.add(factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        }
        return found;
    }

    /** The private key of the first key block, or null when there is none the JDK can read. */
    static PrivateKey privateKey(String pem) {
        for (Block block : blocks(pem)) {
            String type = block.type();
            if (!type.equals("PRIVATE KEY") && !type.equals("RSA PRIVATE KEY") && !type.equals("EC PRIVATE KEY")) {
                continue;
            }
            byte[] der = body(block.body());
            if (der == null) {
                return null;
            }
            return switch (type) {
                case "RSA PRIVATE KEY" -> key("RSA", pkcs8(RSA_ALGORITHM, der));
                case "EC PRIVATE KEY" -> {
                    byte[] curve = sec1Curve(der);
                    yield curve == null ? null : key("EC", pkcs8(concat(EC_PUBLIC_KEY, curve), der));
                }
                default -> {
                    for (String algorithm : PKCS8_ALGORITHMS) {
                        PrivateKey key = key(algorithm, der);
                        if (key != null) {
                            yield key;
                        }
                    }
                    yield null;
                }
            };
        }
        return null;
    }

    private record Block(String type, String body) {
    }

    /**
     * The "-----BEGIN TYPE-----" ... "-----END TYPE-----" blocks, in order; text around them is ignored,
     * as Go's pem.Decode ignores it. Found with indexOf, once over the text: a file of many BEGIN lines
     * with no END is not searched again from each.
     */
    private static List<Block> blocks(String pem) {
        List<Block> found = new ArrayList<>();
        int at = 0;
        while (true) {
            int begin = pem.indexOf("-----BEGIN ", at);
            if (begin < 0) {
                return found;
            }
            int typeEnd = pem.indexOf("-----", begin + 11);
            if (typeEnd < 0) {
                return found;
            }
            String type = pem.substring(begin + 11, typeEnd);
            String endLine = "-----END " + type + "-----";
            int end = pem.indexOf(endLine, typeEnd + 5);
            if (end < 0) {
                return found;
            }
            found.add(new Block(type, pem.substring(typeEnd + 5, end)));
            at = end + endLine.length();
        }
    }

    /** A block's base64 body; null for an encrypted one (headers such as Proc-Type) or one that is not base64. */
    private static byte[] body(String text) {
        if (text.contains(":")) {
            return null;
        }
        try {
            return Base64.getMimeDecoder().decode(text.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            return null;
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
                    return oid.tag == 0x06 ? java.util.Arrays.copyOfRange(der, element.valueStart, oid.end) : null;
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
