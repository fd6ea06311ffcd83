package dk.dkrw.hub.devpki;

import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.signature.CmsSigner;
import dk.dkrw.hub.signature.CmsVerifier;
import dk.dkrw.hub.signature.PemFiles;
import dk.dkrw.hub.signature.TrustAnchors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DevPkiGeneratorTest {

    static final byte[] CONTENT = "{\"dossierId\":\"DOSSIER-TEST-0001\"}".getBytes();

    @TempDir
    static Path pki;

    @BeforeAll
    static void generate() throws Exception {
        DevPkiGenerator.main(new String[] {pki.toString()});
    }

    @Test
    void writesEveryContractFile() {
        for (String name : List.of("ca.crt", "ca.key", "ca.crl", "hub.crt", "hub.key", "dk-dis.crt", "dk-dis.key",
                "dk-hjr.crt", "dk-hjr.key", "rw-kigali-office.crt", "rw-kigali-office.key", "dk-dis-expired.crt",
                "dk-dis-expired.key", "dk-dis-revoked.crt", "dk-dis-revoked.key", "untrusted-ca.crt",
                "untrusted.crt", "untrusted.key", "parties.yaml")) {
            assertThat(pki.resolve(name)).as(name).isRegularFile();
        }
    }

    @Test
    void writesKeysAsUnencryptedPkcs8() throws Exception {
        assertThat(Files.readString(pki.resolve("dk-dis.key"))).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void issuesSignersTheVerifierTrusts() {
        for (String party : List.of("hub", "dk-dis", "dk-hjr", "rw-kigali-office")) {
            assertThat(verifier().verify(CONTENT, signer(party).signBase64(CONTENT)).signerSubject())
                    .startsWith("CN=" + party + ",");
        }
    }

    @Test
    void issuesNegativeCasesThatFailWithTheirCodes() {
        assertThat(codeOf("dk-dis-expired")).isEqualTo(ProblemCode.CERTIFICATE_EXPIRED);
        assertThat(codeOf("dk-dis-revoked")).isEqualTo(ProblemCode.CERTIFICATE_REVOKED);
        assertThat(codeOf("untrusted")).isEqualTo(ProblemCode.SIGNER_UNTRUSTED);
    }

    @Test
    void givesTheUntrustedLookAlikeTheRealAgencySubject() {
        assertThat(certificate("untrusted").getSubjectX500Principal())
                .isEqualTo(certificate("dk-dis").getSubjectX500Principal());
    }

    @Test
    void registersOnlyTheValidPartiesByFingerprint() throws Exception {
        String registry = Files.readString(pki.resolve("parties.yaml"));

        assertThat(registry).startsWith("# DEVELOPMENT ONLY party registry");
        for (String party : List.of("dk-dis", "dk-hjr", "rw-kigali-office")) {
            assertThat(registry).contains("  " + party + ":\n")
                    .contains("sha256: \"" + PemFiles.fingerprint(certificate(party)) + "\"")
                    .contains("subject: \"" + certificate(party).getSubjectX500Principal().getName() + "\"");
        }
        for (String unregistered : List.of("dk-dis-expired", "dk-dis-revoked", "untrusted", "hub")) {
            assertThat(registry).doesNotContain(PemFiles.fingerprint(certificate(unregistered)));
        }
    }

    @Test
    void marksTheRootAsDevelopmentAnchor() {
        assertThat(anchors().isDevelopmentAnchor()).isTrue();
    }

    private static ProblemCode codeOf(String party) {
        return catchThrowableOfType(HubException.class,
                () -> verifier().verify(CONTENT, signer(party).signBase64(CONTENT))).code();
    }

    private static CmsVerifier verifier() {
        return new CmsVerifier(anchors(), Duration.ofMinutes(5), Clock.systemUTC());
    }

    private static TrustAnchors anchors() {
        return TrustAnchors.load(List.of(pki.resolve("ca.crt")), List.of(pki.resolve("ca.crl")));
    }

    private static CmsSigner signer(String stem) {
        return CmsSigner.fromPem(pki.resolve(stem + ".crt"), pki.resolve(stem + ".key"));
    }

    private static X509Certificate certificate(String stem) {
        return PemFiles.readCertificate(pki.resolve(stem + ".crt"));
    }
}
