package junction.session;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;

/**
 * One key a token may be signed with: its family (a token's {@code alg} must be of the same family,
 * so neither {@code none} nor an HMAC token checked against an RSA public key ever verifies), its
 * {@code kid} when it came from a JWK set, and the verifier.
 */
record VerifyingKey(Family family, Optional<String> kid, Optional<JWSAlgorithm> alg, JWSVerifier verifier) {

    /** The signature schemes Hasura accepts. */
    enum Family {
        HMAC, RSA, EC, ED25519;

        /** The family of a token's {@code alg}; empty for {@code none} and anything unknown. */
        static Optional<Family> of(JWSAlgorithm alg) {
            if (JWSAlgorithm.Family.HMAC_SHA.contains(alg)) {
                return Optional.of(HMAC);
            }
            if (alg.equals(JWSAlgorithm.RS256) || alg.equals(JWSAlgorithm.RS384) || alg.equals(JWSAlgorithm.RS512)) {
                return Optional.of(RSA);
            }
            if (alg.equals(JWSAlgorithm.ES256) || alg.equals(JWSAlgorithm.ES384) || alg.equals(JWSAlgorithm.ES512)) {
                return Optional.of(EC);
            }
            if (alg.equals(JWSAlgorithm.EdDSA) || alg.equals(JWSAlgorithm.Ed25519)) {
                return Optional.of(ED25519);
            }
            return Optional.empty();
        }
    }

    /** Whether this key may check a token signed with {@code alg}. */
    boolean accepts(JWSAlgorithm tokenAlg) {
        return Family.of(tokenAlg).filter(f -> f == family).isPresent() && alg.map(tokenAlg::equals).orElse(true);
    }

    boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) {
        try {
            return verifier.verify(header, signingInput, signature);
        } catch (JOSEException | RuntimeException e) {
            return false;
        }
    }

    static VerifyingKey hmac(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("Invalid JWK: Key size too small; should be atleast 32 characters");
        }
        return new VerifyingKey(Family.HMAC, Optional.empty(), Optional.empty(), new HmacVerifier(secret));
    }

    static VerifyingKey of(PublicKey key, Optional<String> kid, Optional<JWSAlgorithm> alg) {
        try {
            if (key instanceof RSAPublicKey rsa) {
                return new VerifyingKey(Family.RSA, kid, alg, new RSASSAVerifier(rsa));
            }
            if (key instanceof ECPublicKey ec) {
                return new VerifyingKey(Family.EC, kid, alg, new ECDSAVerifier(ec));
            }
            if (key instanceof EdECPublicKey ed) {
                return new VerifyingKey(Family.ED25519, kid, alg, new Ed25519Verifier(ed));
            }
        } catch (JOSEException e) {
            throw new IllegalArgumentException("Invalid JWK: " + key.getAlgorithm() + " key not usable");
        }
        throw new IllegalArgumentException("Invalid JWK: This key type is not supported");
    }

    /** A key of a JWK set; empty for keys meant for encryption or of a kind Hasura does not verify with. */
    static Optional<VerifyingKey> of(JWK jwk) {
        if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
            return Optional.empty();
        }
        Optional<String> kid = Optional.ofNullable(jwk.getKeyID());
        Optional<JWSAlgorithm> alg = Optional.ofNullable(jwk.getAlgorithm()).map(a -> JWSAlgorithm.parse(a.getName()));
        try {
            return switch (jwk) {
                case RSAKey rsa -> Optional.of(of(rsa.toRSAPublicKey(), kid, alg));
                case ECKey ec -> Optional.of(of(ec.toECPublicKey(), kid, alg));
                case OctetKeyPair okp when "Ed25519".equals(okp.getCurve().getName()) ->
                        Optional.of(of(PemKeys.ed25519(okp.getX().decode()), kid, alg));
                case OctetSequenceKey oct -> Optional.of(new VerifyingKey(Family.HMAC, kid, alg, new HmacVerifier(oct.toByteArray())));
                default -> Optional.empty();
            };
        } catch (JOSEException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
