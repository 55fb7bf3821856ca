package junction.session;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Public keys from PEM text as Hasura takes them in {@code key}: a {@code PUBLIC KEY} (X.509
 * SubjectPublicKeyInfo), an {@code RSA PUBLIC KEY} (PKCS#1) or a {@code CERTIFICATE}. Error
 * messages never repeat the key.
 */
final class PemKeys {
    /** SubjectPublicKeyInfo of an Ed25519 key, up to its 32 raw bytes. */
    private static final byte[] ED25519_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    /** AlgorithmIdentifier of rsaEncryption with NULL parameters. */
    private static final byte[] RSA_ALGORITHM = HexFormat.of().parseHex("300d06092a864886f70d0101010500");

    private PemKeys() {
    }

    /** @param algorithm the JDK key algorithm expected: {@code RSA}, {@code EC} or {@code Ed25519} */
    static PublicKey parse(String pem, String algorithm) {
        String kind = label(pem);
        byte[] der = body(pem);
        try {
            PublicKey key = switch (kind) {
                case "CERTIFICATE" -> CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der)).getPublicKey();
                case "RSA PUBLIC KEY" -> KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki(RSA_ALGORITHM, der)));
                case "PUBLIC KEY" -> KeyFactory.getInstance(algorithm.equals("Ed25519") ? "EdDSA" : algorithm)
                        .generatePublic(new X509EncodedKeySpec(der));
                default -> throw new IllegalArgumentException("Invalid JWK: Could not decode PEM: unsupported PEM type " + kind);
            };
            String actual = key.getAlgorithm().equals("EdDSA") || key.getAlgorithm().equals("Ed25519") ? "Ed25519" : key.getAlgorithm();
            if (!actual.equals(algorithm)) {
                throw new IllegalArgumentException("Invalid JWK: Could not decode PEM: expected a " + algorithm + " key, found " + actual);
            }
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Invalid JWK: Could not decode PEM: not a valid " + algorithm + " public key");
        }
    }

    static PublicKey ed25519(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("Invalid JWK: an Ed25519 key has 32 bytes");
        }
        byte[] der = new byte[ED25519_PREFIX.length + 32];
        System.arraycopy(ED25519_PREFIX, 0, der, 0, ED25519_PREFIX.length);
        System.arraycopy(raw, 0, der, ED25519_PREFIX.length, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Invalid JWK: not a valid Ed25519 key");
        }
    }

    private static String label(String pem) {
        int begin = pem.indexOf("-----BEGIN ");
        int end = begin < 0 ? -1 : pem.indexOf("-----", begin + 11);
        if (end < 0) {
            throw new IllegalArgumentException("Invalid JWK: Could not decode PEM: No pem found");
        }
        return pem.substring(begin + 11, end).trim();
    }

    private static byte[] body(String pem) {
        int start = pem.indexOf('\n', pem.indexOf("-----BEGIN "));
        int stop = pem.indexOf("-----END ");
        if (start < 0 || stop < start) {
            // a PEM given on one line with literal "\n" already decoded, or without line breaks
            start = pem.indexOf("-----", pem.indexOf("-----BEGIN ") + 11) + 5;
        }
        if (stop < start) {
            throw new IllegalArgumentException("Invalid JWK: Could not decode PEM: No pem found");
        }
        try {
            return Base64.getMimeDecoder().decode(pem.substring(start, stop).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid JWK: Could not decode PEM: bad base64");
        }
    }

    /** SubjectPublicKeyInfo ::= SEQUENCE { algorithm, BIT STRING key }, DER-encoded. */
    private static byte[] spki(byte[] algorithm, byte[] key) {
        byte[] bitString = concat(new byte[] {0x03}, length(key.length + 1), new byte[] {0x00}, key);
        byte[] content = concat(algorithm, bitString);
        return concat(new byte[] {0x30}, length(content.length), content);
    }

    private static byte[] length(int n) {
        if (n < 0x80) {
            return new byte[] {(byte) n};
        }
        if (n < 0x100) {
            return new byte[] {(byte) 0x81, (byte) n};
        }
        return new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
    }

    private static byte[] concat(byte[]... parts) {
        int size = 0;
        for (byte[] part : parts) {
            size += part.length;
        }
        byte[] out = new byte[size];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
