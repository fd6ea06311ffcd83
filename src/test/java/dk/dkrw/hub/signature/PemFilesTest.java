package dk.dkrw.hub.signature;

import dk.dkrw.hub.problem.ProblemCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.util.Base64;

import static dk.dkrw.hub.signature.Fixtures.rejection;
import static org.assertj.core.api.Assertions.assertThat;

class PemFilesTest {

    @TempDir
    Path work;

    @Test
    void readsCertsDevEcKey() {
        assertThat(PemFiles.readPrivateKey(TestPki.file("dk-dis.key")).getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void readsRsaAndEd25519Pkcs8Keys() throws Exception {
        for (KeyPair keys : new KeyPair[] {TestPki.rsaKeys(2048), TestPki.ed25519Keys()}) {
            Path file = work.resolve(keys.getPrivate().getAlgorithm() + ".key");
            Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n");

            PrivateKey read = PemFiles.readPrivateKey(file);

            assertThat(read.getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
        }
    }

    @Test
    void readsEveryCertificateInABundle() throws Exception {
        Path bundle = work.resolve("bundle.pem");
        Files.writeString(bundle, Files.readString(TestPki.file("dk-dis.crt")) + Files.readString(TestPki.file("ca.crt")));

        assertThat(PemFiles.readCertificates(bundle)).extracting(PemFiles::fingerprint).containsExactly(
                PemFiles.fingerprint(TestPki.role("dk-dis").certificate()), PemFiles.fingerprint(TestPki.CA));
    }

    @Test
    void readsCrlThatRevokesTheRevokedAgencyCertificate() {
        X509CRL crl = PemFiles.readCrl(TestPki.file("ca.crl"));

        assertThat(crl.isRevoked(TestPki.role("dk-dis-revoked").certificate())).isTrue();
        assertThat(crl.isRevoked(TestPki.role("dk-dis").certificate())).isFalse();
    }

    @Test
    void fingerprintIsWhatThePartyRegistryLists() throws Exception {
        String registry = Files.readString(TestPki.file("parties.yaml"));
        String fingerprint = PemFiles.fingerprint(TestPki.role("dk-dis").certificate());

        assertThat(fingerprint).matches("[0-9a-f]{64}");
        assertThat(registry).contains("sha256: \"" + fingerprint + "\"");
    }

    @Test
    void reportsMissingFileAsConfigurationFault() {
        assertThat(rejection(() -> PemFiles.readCertificate(work.resolve("absent.crt"))))
                .isEqualTo(ProblemCode.INTERNAL_ERROR);
    }

    @Test
    void reportsFileWithoutKeyAsConfigurationFault() {
        assertThat(rejection(() -> PemFiles.readPrivateKey(TestPki.file("ca.crt"))))
                .isEqualTo(ProblemCode.INTERNAL_ERROR);
    }
}
