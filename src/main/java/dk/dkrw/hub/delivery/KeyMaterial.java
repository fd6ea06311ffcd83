package dk.dkrw.hub.delivery;

import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * In-memory key stores built from PEM material, for the JSSE and WSS4J APIs that want a {@link KeyStore}. Nothing
 * is written to disk; the entry password is random per store and never leaves the process.
 */
final class KeyMaterial {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private KeyMaterial() {
    }

    /** A random password for an in-memory key entry. */
    static char[] randomPassword() {
        char[] password = new char[32];
        for (int i = 0; i < password.length; i++) {
            password[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return password;
    }

    /**
     * A store holding one key entry under {@code alias}, protected by {@code password}. In memory only, never
     * written: JKS, because PKCS12 spends 10,000 PBKDF2 rounds on every put and get of a key, which showed up in
     * the hub's start-up profile (bench/README.md).
     */
    static KeyStore keyStore(String alias, PrivateKey key, X509Certificate certificate, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("JKS");
            store.load(null, null);
            store.setKeyEntry(alias, key, password, new Certificate[] {certificate});
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new HubException(ProblemCode.INTERNAL_ERROR, "hub key unusable for delivery", e);
        }
    }

    /** A store of trusted certificates (no keys). */
    static KeyStore trustStore(List<X509Certificate> anchors) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < anchors.size(); i++) {
                store.setCertificateEntry("anchor-" + i, anchors.get(i));
            }
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new HubException(ProblemCode.INTERNAL_ERROR, "trust anchors unusable", e);
        }
    }
}
