package dk.dkrw.hub.signature;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;

/**
 * The one Bouncy Castle provider instance the package uses for signature math, and conversion of keys into its
 * own key classes. Passed explicitly, never added to {@link java.security.Security}, so nothing else in the JVM
 * changes provider order because of us. Bouncy Castle because Java 17's own EC code is 5-7x slower
 * (performance.md); its own key objects because a foreign key is converted again on every init.
 */
public final class BouncyCastle {

    public static final Provider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {
    }

    static PublicKey publicKey(SubjectPublicKeyInfo info) throws GeneralSecurityException {
        try {
            PublicKey key = BouncyCastleProvider.getPublicKey(info);
            if (key == null) {
                throw new NoSuchAlgorithmException("no Bouncy Castle key class for " + info.getAlgorithm()
                        .getAlgorithm());
            }
            return key;
        } catch (IOException e) {
            throw new GeneralSecurityException("public key unreadable", e);
        }
    }

    public static PrivateKey privateKey(PrivateKey key) throws GeneralSecurityException {
        try {
            PrivateKey converted = BouncyCastleProvider.getPrivateKey(PrivateKeyInfo.getInstance(key.getEncoded()));
            if (converted == null) {
                throw new NoSuchAlgorithmException("no Bouncy Castle key class for " + key.getAlgorithm());
            }
            return converted;
        } catch (IOException | RuntimeException e) {
            throw new GeneralSecurityException("private key unreadable", e);
        }
    }
}
