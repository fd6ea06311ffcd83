package dk.dkrw.hub.signature;

import dk.dkrw.hub.problem.ProblemCode;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static dk.dkrw.hub.signature.Fixtures.rejection;
import static org.assertj.core.api.Assertions.assertThat;

class TrustAnchorsTest {

    @Test
    void flagsCertsDevCaAsDevelopmentAnchor() {
        assertThat(TestPki.anchors().isDevelopmentAnchor()).isTrue();
    }

    @Test
    void doesNotFlagOtherAnchors() throws Exception {
        KeyPair keys = TestPki.ecKeys();
        X500Name name = new X500Name("CN=Agency Root CA,O=Some Agency,C=DK");
        X509Certificate root = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                name, BigInteger.ONE, Date.from(Instant.now()), Date.from(Instant.now().plus(Duration.ofDays(1))),
                name, keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));

        assertThat(TrustAnchors.of(List.of(root), List.of()).isDevelopmentAnchor()).isFalse();
    }

    @Test
    void loadsAnchorsAndCrls() {
        TrustAnchors anchors = TestPki.anchorsWithCrl();

        assertThat(anchors.certificates()).containsExactly(TestPki.CA);
        assertThat(anchors.crls()).hasSize(1);
    }

    @Test
    void refusesCrlThatNamesAnAnchorButIsNotSignedByIt() throws Exception {
        KeyPair impostor = TestPki.ecKeys();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(X500Name.getInstance(
                TestPki.CA.getSubjectX500Principal().getEncoded()), new Date());
        X509CRL forged = new JcaX509CRLConverter().getCRL(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(impostor.getPrivate())));

        assertThat(rejection(() -> TrustAnchors.of(List.of(TestPki.CA), List.of(forged))))
                .isEqualTo(ProblemCode.INTERNAL_ERROR);
    }

    @Test
    void refusesEmptyAnchorList() {
        assertThat(rejection(() -> TrustAnchors.of(List.of(), List.of()))).isEqualTo(ProblemCode.INTERNAL_ERROR);
    }
}
