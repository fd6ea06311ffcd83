package dk.dkrw.hub.signature;

import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.signature.TestCms.SignerSpec;
import dk.dkrw.hub.signature.TestPki.Credential;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

import static dk.dkrw.hub.signature.Fixtures.rejection;
import static org.assertj.core.api.Assertions.assertThat;

class CmsVerifierTest {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Duration SKEW = Duration.ofMinutes(5);
    static final byte[] DOSSIER = Fixtures.bytes("dossier.json");
    static final byte[] OTHER_BYTES = "{\"dossierId\":\"DOSSIER-TEST-0002\"}".getBytes(StandardCharsets.UTF_8);

    final CmsVerifier verifier = new CmsVerifier(TestPki.anchors(), SKEW, CLOCK);

    static String signedBy(String role) {
        return new CmsSigner(TestPki.role(role).key(), TestPki.role(role).certificate(), CLOCK).signBase64(DOSSIER);
    }

    static String signedBy(Credential credential) {
        return new CmsSigner(credential.key(), credential.certificate(), CLOCK).signBase64(DOSSIER);
    }

    @Nested
    class Accepts {

        @Test
        void acceptsDossierSignedByAgencyEcKey() {
            VerifiedSignature verified = verifier.verify(DOSSIER, signedBy("dk-dis"));

            Credential disCredential = TestPki.role("dk-dis");
            assertThat(verified.signer()).isEqualTo(disCredential.certificate());
            assertThat(verified.signerFingerprint()).isEqualTo(PemFiles.fingerprint(disCredential.certificate()));
            assertThat(verified.signerSubject()).startsWith("CN=dk-dis,");
            assertThat(verified.signingTime()).isEqualTo(NOW);
        }

        @Test
        void acceptsRsa2048Signer() throws Exception {
            Credential rsa = TestPki.issue("rsa-2048", TestPki.rsaKeys(2048), TestPki.signingUsage());

            assertThat(verifier.verify(DOSSIER, signedBy(rsa)).signer()).isEqualTo(rsa.certificate());
        }

        @Test
        void acceptsEd25519Signer() throws Exception {
            Credential ed25519 = TestPki.issue("ed25519", TestPki.ed25519Keys(), KeyUsage.digitalSignature);

            assertThat(verifier.verify(DOSSIER, signedBy(ed25519)).signer()).isEqualTo(ed25519.certificate());
        }

        @Test
        void acceptsSignerWithNonRepudiationOnly() throws Exception {
            Credential signer = TestPki.issue("non-repudiation", TestPki.ecKeys(), KeyUsage.nonRepudiation);

            assertThat(verifier.verify(DOSSIER, signedBy(signer)).signer()).isEqualTo(signer.certificate());
        }

        @Test
        void acceptsSignatureWithoutEssSigningCertificate() throws Exception {
            String signature = TestCms.detached(DOSSIER, SignerSpec.standard(TestPki.role("dk-hjr"), NOW));

            assertThat(verifier.verify(DOSSIER, signature).signerSubject()).startsWith("CN=dk-hjr,");
        }

        @Test
        void acceptsSigningTimeInTheFutureWithinSkew() {
            Clock aheadWithinSkew = Clock.offset(CLOCK, SKEW.minusSeconds(1));
            Credential dis = TestPki.role("dk-dis");
            String signature = new CmsSigner(dis.key(), dis.certificate(), aheadWithinSkew).signBase64(DOSSIER);

            assertThat(verifier.verify(DOSSIER, signature).signingTime()).isAfter(NOW);
        }

        @Test
        void acceptsSameSignerRepeatedlyFromCache() {
            String first = signedBy("rw-kigali-office");
            String second = signedBy("rw-kigali-office");

            assertThat(verifier.verify(DOSSIER, first).signerFingerprint())
                    .isEqualTo(verifier.verify(DOSSIER, second).signerFingerprint());
        }
    }

    @Nested
    class SignatureMissing {

        @Test
        void rejectsMissingHeader() {
            assertThat(rejection(() -> verifier.verify(DOSSIER, null))).isEqualTo(ProblemCode.SIGNATURE_MISSING);
        }

        @Test
        void rejectsBlankHeader() {
            assertThat(rejection(() -> verifier.verify(DOSSIER, "  "))).isEqualTo(ProblemCode.SIGNATURE_MISSING);
        }

        @Test
        void rejectsGarbageBase64() {
            String garbage = Fixtures.text("garbage-base64.txt");

            assertThat(rejection(() -> verifier.verify(DOSSIER, garbage))).isEqualTo(ProblemCode.SIGNATURE_MISSING);
        }

        @Test
        void rejectsBase64OfNonCmsBytes() {
            String notCms = Fixtures.text("not-cms.b64");

            assertThat(rejection(() -> verifier.verify(DOSSIER, notCms))).isEqualTo(ProblemCode.SIGNATURE_MISSING);
        }

        @Test
        void rejectsCmsWithoutSigner() {
            String noSigner = Fixtures.text("no-signer.b64");

            assertThat(rejection(() -> verifier.verify(DOSSIER, noSigner))).isEqualTo(ProblemCode.SIGNATURE_MISSING);
        }

        @Test
        void rejectsSignatureWithoutSignerCertificate() throws Exception {
            String signature = TestCms.build(DOSSIER, false,
                    List.of(SignerSpec.standard(TestPki.role("dk-dis"), NOW)), List.of());

            assertThat(rejection(() -> verifier.verify(DOSSIER, signature)))
                    .isEqualTo(ProblemCode.SIGNATURE_MISSING);
        }
    }

    @Nested
    class SignatureInvalid {

        @Test
        void rejectsAttachedSignatureOverOtherContent() throws Exception {
            SignerSpec dis = SignerSpec.standard(TestPki.role("dk-dis"), NOW);
            String attached = TestCms.build(OTHER_BYTES, true, List.of(dis), List.of(dis.credential().certificate()));

            assertThat(rejection(() -> verifier.verify(DOSSIER, attached))).isEqualTo(ProblemCode.SIGNATURE_INVALID);
        }

        @Test
        void rejectsSignatureOverOtherBytes() {
            String signature = signedBy("dk-dis");

            assertThat(rejection(() -> verifier.verify(OTHER_BYTES, signature)))
                    .isEqualTo(ProblemCode.SIGNATURE_INVALID);
        }

        @Test
        void rejectsTamperedSignatureValue() {
            byte[] der = Base64.getDecoder().decode(signedBy("dk-dis"));
            der[der.length - 1] ^= 0x01;
            String tampered = Base64.getEncoder().encodeToString(der);

            assertThat(rejection(() -> verifier.verify(DOSSIER, tampered))).isEqualTo(ProblemCode.SIGNATURE_INVALID);
        }

        @Test
        void rejectsSignatureWithoutSigningTime() throws Exception {
            Credential dis = TestPki.role("dk-dis");
            String signature = TestCms.detached(DOSSIER,
                    new SignerSpec(dis, "SHA256withECDSA", TestCms.withoutSigningTime()));

            assertThat(rejection(() -> verifier.verify(DOSSIER, signature)))
                    .isEqualTo(ProblemCode.SIGNATURE_INVALID);
        }

        @Test
        void rejectsSha1Digest() throws Exception {
            Credential dis = TestPki.role("dk-dis");
            String signature = TestCms.detached(DOSSIER,
                    new SignerSpec(dis, "SHA1withECDSA", TestCms.withSigningTime(NOW)));

            assertThat(rejection(() -> verifier.verify(DOSSIER, signature)))
                    .isEqualTo(ProblemCode.SIGNATURE_INVALID);
        }

        @Test
        void rejectsEssSigningCertificateV2NamingAnotherCertificate() throws Exception {
            byte[] hubCertificateHash = PemFiles.sha256(TestPki.role("hub").certificate().getEncoded());
            Attribute wrongEss = new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2(hubCertificateHash))));
            String signature = TestCms.detached(DOSSIER, new SignerSpec(TestPki.role("dk-dis"), "SHA256withECDSA",
                    TestCms.withSigningTime(NOW, wrongEss)));

            assertThat(rejection(() -> verifier.verify(DOSSIER, signature)))
                    .isEqualTo(ProblemCode.SIGNATURE_INVALID);
        }

        @Test
        void rejectsTwoSigners() throws Exception {
            SignerSpec dis = SignerSpec.standard(TestPki.role("dk-dis"), NOW);
            SignerSpec hjr = SignerSpec.standard(TestPki.role("dk-hjr"), NOW);
            String signature = TestCms.build(DOSSIER, false, List.of(dis, hjr),
                    List.of(dis.credential().certificate(), hjr.credential().certificate()));

            assertThat(rejection(() -> verifier.verify(DOSSIER, signature)))
                    .isEqualTo(ProblemCode.SIGNATURE_INVALID);
        }
    }

    @Nested
    class SignerUntrusted {

        @Test
        void rejectsLookAlikeFromUntrustedCa() {
            String signature = signedBy("untrusted");

            assertThat(rejection(() -> verifier.verify(DOSSIER, signature))).isEqualTo(ProblemCode.SIGNER_UNTRUSTED);
        }

        @Test
        void rejectsCertificateWithoutSigningKeyUsage() throws Exception {
            Credential keyAgreementOnly = TestPki.issue("key-agreement", TestPki.ecKeys(), KeyUsage.keyAgreement);
            String signature = signedBy(keyAgreementOnly);

            assertThat(rejection(() -> verifier.verify(DOSSIER, signature))).isEqualTo(ProblemCode.SIGNER_UNTRUSTED);
        }

        @Test
        void rejectsCertificateWithoutKeyUsageExtension() throws Exception {
            Credential noKeyUsage = TestPki.issue("no-key-usage", TestPki.ecKeys(), 0);
            String signature = signedBy(noKeyUsage);

            assertThat(rejection(() -> verifier.verify(DOSSIER, signature))).isEqualTo(ProblemCode.SIGNER_UNTRUSTED);
        }

        @Test
        void rejectsRsaKeyShorterThan2048Bits() throws Exception {
            Credential rsa1024 = TestPki.issue("rsa-1024", TestPki.rsaKeys(1024), TestPki.signingUsage());
            String signature = TestCms.detached(DOSSIER,
                    new SignerSpec(rsa1024, "SHA256withRSA", TestCms.withSigningTime(NOW)));

            assertThat(rejection(() -> verifier.verify(DOSSIER, signature))).isEqualTo(ProblemCode.SIGNER_UNTRUSTED);
        }

        @Test
        void rejectionDetailNamesNeitherSubjectNorContent() {
            SignatureException rejected = Fixtures.rejectionOf(
                    () -> verifier.verify(DOSSIER, signedBy("untrusted")));

            assertThat(rejected.detail())
                    .contains(PemFiles.fingerprint(TestPki.role("untrusted").certificate()))
                    .doesNotContain("dk-dis", "Danish", "DOSSIER-TEST");
        }
    }

    @Nested
    class CertificateExpired {

        @Test
        void rejectsExpiredCertificate() {
            String signature = signedBy("dk-dis-expired");

            assertThat(rejection(() -> verifier.verify(DOSSIER, signature)))
                    .isEqualTo(ProblemCode.CERTIFICATE_EXPIRED);
        }

        @Test
        void rejectsSigningTimeBeforeCertificateValidity() {
            Credential dis = TestPki.role("dk-dis");
            Instant beforeValidity = dis.certificate().getNotBefore().toInstant().minus(Duration.ofHours(1));
            String signature = new CmsSigner(dis.key(), dis.certificate(), Clock.fixed(beforeValidity,
                    ZoneOffset.UTC)).signBase64(DOSSIER);

            assertThat(rejection(() -> verifier.verify(DOSSIER, signature)))
                    .isEqualTo(ProblemCode.CERTIFICATE_EXPIRED);
        }

        @Test
        void rejectsCachedSignerOnceItsCertificateHasExpired() {
            Credential dis = TestPki.role("dk-dis");
            Instant afterExpiry = dis.certificate().getNotAfter().toInstant().plusSeconds(1);
            MutableClock clock = new MutableClock(NOW);
            CmsVerifier verifierWithClock = new CmsVerifier(TestPki.anchors(), SKEW, clock);
            verifierWithClock.verify(DOSSIER, signedBy("dk-dis"));

            clock.set(afterExpiry);

            assertThat(rejection(() -> verifierWithClock.verify(DOSSIER, signedBy("dk-dis"))))
                    .isEqualTo(ProblemCode.CERTIFICATE_EXPIRED);
        }
    }

    @Nested
    class CertificateRevoked {

        @Test
        void rejectsRevokedCertificateWhenCrlConfigured() {
            CmsVerifier withCrl = new CmsVerifier(TestPki.anchorsWithCrl(), SKEW, CLOCK);
            String signature = signedBy("dk-dis-revoked");

            assertThat(rejection(() -> withCrl.verify(DOSSIER, signature)))
                    .isEqualTo(ProblemCode.CERTIFICATE_REVOKED);
        }

        @Test
        void acceptsRevokedCertificateWhenNoCrlConfigured() {
            VerifiedSignature verified = verifier.verify(DOSSIER, signedBy("dk-dis-revoked"));

            assertThat(verified.signerSubject()).startsWith("CN=dk-dis-revoked,");
        }

        @Test
        void acceptsUnrevokedCertificateWhenCrlConfigured() {
            CmsVerifier withCrl = new CmsVerifier(TestPki.anchorsWithCrl(), SKEW, CLOCK);

            assertThat(withCrl.verify(DOSSIER, signedBy("dk-dis")).signerSubject()).startsWith("CN=dk-dis,");
        }
    }

    @Nested
    class SigningTimeSkew {

        @Test
        void rejectsSigningTimeFurtherInTheFutureThanSkew() {
            Credential dis = TestPki.role("dk-dis");
            Clock anHourAhead = Clock.offset(CLOCK, Duration.ofHours(1));
            String signature = new CmsSigner(dis.key(), dis.certificate(), anHourAhead).signBase64(DOSSIER);

            assertThat(rejection(() -> verifier.verify(DOSSIER, signature)))
                    .isEqualTo(ProblemCode.SIGNING_TIME_SKEW);
        }
    }

    /** A clock a test moves by hand: no sleeping. */
    static final class MutableClock extends Clock {

        private volatile Instant instant;

        MutableClock(Instant instant) {
            this.instant = instant;
        }

        void set(Instant instant) {
            this.instant = instant;
        }

        @Override
        public Instant instant() {
            return instant;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
