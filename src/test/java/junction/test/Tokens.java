package junction.test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import junction.json.Json;

/** Tokens signed in tests, for every family Hasura verifies, and the PEM text of their public keys. */
public final class Tokens {
    public static final String NAMESPACE = "https://hasura.io/jwt/claims";

    private Tokens() {
    }

    /** Claims for {@code role} (allowed: it and {@code editor}) with user id 42, valid for an hour. */
    public static ObjectNode claims(String role) {
        ObjectNode payload = Json.object().put("sub", "42").put("iat", Instant.now().getEpochSecond() - 10)
                .put("exp", Instant.now().getEpochSecond() + 3600);
        ObjectNode hasura = payload.putObject(NAMESPACE);
        hasura.putArray("x-hasura-allowed-roles").add(role).add("editor");
        hasura.put("x-hasura-default-role", role).put("x-hasura-user-id", "42");
        return payload;
    }

    public static String hs(String alg, String secret, ObjectNode payload) {
        try {
            return sign(JWSAlgorithm.parse(alg), null, new MACSigner(secret.getBytes(StandardCharsets.UTF_8)), payload);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RS*, ES* or EdDSA with a private key; {@code kid} may be null. */
    public static String sign(String alg, PrivateKey key, String kid, ObjectNode payload) {
        if (alg.equals("EdDSA")) {
            return ed25519(key, kid, payload);
        }
        try {
            JWSSigner signer = alg.startsWith("ES") ? new ECDSASigner((ECPrivateKey) key) : new RSASSASigner(key);
            return sign(JWSAlgorithm.parse(alg), kid, signer, payload);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JWSAlgorithm alg, String kid, JWSSigner signer, ObjectNode payload) throws JOSEException {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(alg).keyID(kid).build(), new Payload(Json.write(payload)));
        jws.sign(signer);
        return jws.serialize();
    }

    private static String ed25519(PrivateKey key, String kid, ObjectNode payload) {
        ObjectNode header = Json.object().put("alg", "EdDSA").put("typ", "JWT");
        if (kid != null) {
            header.put("kid", kid);
        }
        String input = b64(Json.write(header).getBytes(StandardCharsets.UTF_8)) + "." + b64(Json.write(payload).getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token ({@code "alg": "none"}). */
    public static String unsigned(ObjectNode payload) {
        return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64(Json.write(payload).getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** The token with its payload replaced and its signature kept. */
    public static String tampered(String token, ObjectNode payload) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + b64(Json.write(payload).getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    public static KeyPair rsa() {
        return pair("RSA", null);
    }

    public static KeyPair ec(String curve) {
        return pair("EC", curve);
    }

    public static KeyPair ed25519() {
        return pair("Ed25519", null);
    }

    private static KeyPair pair(String algorithm, String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (curve != null) {
                generator.initialize(new ECGenParameterSpec(curve));
            } else if (algorithm.equals("RSA")) {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    public static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    /** The JSON of a JWT configuration with {@code type} and {@code key}, plus extra fields (JSON text, may be empty). */
    public static String config(String type, String key, String extra) {
        ObjectNode config = Json.object().put("type", type).put("key", key);
        if (!extra.isEmpty()) {
            config.setAll((ObjectNode) Json.parse("{" + extra + "}"));
        }
        return Json.write(config);
    }

    public static List<String> algorithms(String family) {
        return List.of(family + "256", family + "384", family + "512");
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
