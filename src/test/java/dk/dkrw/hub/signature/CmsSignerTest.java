package dk.dkrw.hub.signature;

import dk.dkrw.hub.problem.ProblemCode;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dk.dkrw.hub.signature.Fixtures.rejection;
import static org.assertj.core.api.Assertions.assertThat;

class CmsSignerTest {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final byte[] DOSSIER = Fixtures.bytes("dossier.json");

    final CmsSigner hub = new CmsSigner(TestPki.role("hub").key(), TestPki.role("hub").certificate(), CLOCK);
    final CmsVerifier verifier = new CmsVerifier(TestPki.anchorsWithCrl(), Duration.ofMinutes(5), CLOCK);

    @Test
    void hubSignatureRoundTripsThroughVerifier() {
        VerifiedSignature verified = verifier.verify(DOSSIER, hub.signBase64(DOSSIER));

        assertThat(verified.signer()).isEqualTo(hub.certificate());
        assertThat(verified.signingTime()).isEqualTo(NOW);
    }

    @Test
    void producesDetachedSignatureWithTheContractsSignedAttributes() throws Exception {
        CMSSignedData signed = new CMSSignedData(hub.sign(DOSSIER));
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();

        assertThat(signed.getSignedContent()).isNull();
        assertThat(signed.getCertificates().getMatches(signer.getSID())).hasSize(1);
        assertThat(signer.getDigestAlgOID()).isEqualTo("2.16.840.1.101.3.4.2.1");
        assertThat(signer.getSignedAttributes().toHashtable()).containsKeys(
                PKCSObjectIdentifiers.pkcs_9_at_contentType, PKCSObjectIdentifiers.pkcs_9_at_messageDigest,
                PKCSObjectIdentifiers.pkcs_9_at_signingTime, PKCSObjectIdentifiers.id_aa_signingCertificateV2);
    }

    @Test
    void refusesKeyThatDoesNotBelongToCertificate() {
        TestPki.Credential dis = TestPki.role("dk-dis");

        assertThat(rejection(() -> new CmsSigner(TestPki.role("hub").key(), dis.certificate())))
                .isEqualTo(ProblemCode.INTERNAL_ERROR);
    }

    @Test
    void signsAndVerifiesConcurrently() throws Exception {
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            byte[] content = ("{\"n\":" + i + "}").getBytes();
            tasks.add(() -> verifier.verify(content, hub.signBase64(content)).signerFingerprint());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<String> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isEqualTo(PemFiles.fingerprint(hub.certificate()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
