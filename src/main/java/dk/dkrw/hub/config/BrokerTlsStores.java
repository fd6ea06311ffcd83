package dk.dkrw.hub.config;

import dk.dkrw.hub.signature.PemFiles;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/**
 * The broker acceptor's key and trust material. Artemis reads key stores from files, while the hub keeps its
 * certificate, key and trust anchors as PEM; this writes both as PKCS#12 files readable by the owner only,
 * under a fresh random password on every start (the password lives in memory only).
 */
record BrokerTlsStores(Path keyStore, Path trustStore, String password) {

    static BrokerTlsStores write(Path directory, Path certificate, Path key, List<Path> trustAnchors) {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        try {
            Files.createDirectories(directory);
            List<X509Certificate> chain = PemFiles.readCertificates(certificate);
            PrivateKey privateKey = PemFiles.readPrivateKey(key);
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("hub", privateKey, password.toCharArray(), chain.toArray(new Certificate[0]));
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int n = 0;
            for (Path anchors : trustAnchors) {
                for (X509Certificate anchor : PemFiles.readCertificates(anchors)) {
                    trust.setCertificateEntry("anchor-" + n++, anchor);
                }
            }
            Path keyFile = directory.resolve("broker-keystore.p12");
            Path trustFile = directory.resolve("broker-truststore.p12");
            store(keys, keyFile, password);
            store(trust, trustFile, password);
            return new BrokerTlsStores(keyFile, trustFile, password);
        } catch (IOException e) {
            throw new UncheckedIOException("broker TLS stores could not be written to " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("broker TLS stores could not be built", e);
        }
    }

    private static void store(KeyStore store, Path file, String password) throws IOException,
            GeneralSecurityException {
        Files.deleteIfExists(file);
        Files.createFile(file);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the data folder's own permissions protect it
        }
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING)) {
            store.store(out, password.toCharArray());
        }
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "BrokerTlsStores[" + keyStore + ", " + trustStore + "]";
    }
}
