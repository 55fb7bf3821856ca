package junction.session;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HS256/384/512 with one {@link Mac} per thread and algorithm, initialised once: the JDK's lookup of
 * a fresh Mac for every token costs more than the HMAC itself. Signatures are compared in constant time.
 */
final class HmacVerifier implements JWSVerifier {
    private final byte[] secret;
    private final JCAContext context = new JCAContext();
    private final ThreadLocal<Mac[]> macs = ThreadLocal.withInitial(() -> new Mac[3]);

    HmacVerifier(byte[] secret) {
        this.secret = secret.clone();
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) {
        JWSAlgorithm alg = header.getAlgorithm();
        int slot = alg.equals(JWSAlgorithm.HS256) ? 0 : alg.equals(JWSAlgorithm.HS384) ? 1 : alg.equals(JWSAlgorithm.HS512) ? 2 : -1;
        if (slot < 0 || secret.length < 32 + 16 * slot) {
            return false;
        }
        try {
            Mac[] perThread = macs.get();
            if (perThread[slot] == null) {
                String name = "HmacSHA" + (256 + 128 * slot);
                perThread[slot] = Mac.getInstance(name);
                perThread[slot].init(new SecretKeySpec(secret, name));
            }
            return MessageDigest.isEqual(perThread[slot].doFinal(signingInput), signature.decode());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return Set.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512);
    }

    @Override
    public JCAContext getJCAContext() {
        return context;
    }
}
