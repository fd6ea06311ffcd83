package dk.dkrw.hub.signature;

import dk.dkrw.hub.support.DevPki;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The pinned-certificate check of the hub's own detached signatures (audit checkpoints). */
class HubSignatureCheckTest {

    private static final byte[] CONTENT = "dkrw-hub audit checkpoint/1\nseq=7\n".getBytes(StandardCharsets.US_ASCII);
    private static final X509Certificate HUB = PemFiles.readCertificate(DevPki.cert("hub"));

    @Test
    void acceptsTheHubsSignatureOverTheExactContent() {
        byte[] signature = DevPki.signer("hub").sign(CONTENT);

        assertThat(HubSignatureCheck.problem(CONTENT, signature, List.of(HUB))).isEmpty();
        assertThat(HubSignatureCheck.problem(CONTENT, signature,
                List.of(PemFiles.readCertificate(DevPki.cert("dk-dis")), HUB))).isEmpty();
    }

    @Test
    void refusesOtherContent() {
        byte[] signature = DevPki.signer("hub").sign(CONTENT);
        byte[] other = "dkrw-hub audit checkpoint/1\nseq=8\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(HubSignatureCheck.problem(other, signature, List.of(HUB)))
                .hasValueSatisfying(problem -> assertThat(problem).contains("digest does not match"));
    }

    @Test
    void refusesASignatureByAnotherKeyEvenFromTheSameCa() {
        byte[] signature = DevPki.signer("dk-dis").sign(CONTENT);

        assertThat(HubSignatureCheck.problem(CONTENT, signature, List.of(HUB)))
                .hasValueSatisfying(problem -> assertThat(problem).contains("other than the given hub certificate"));
    }

    @Test
    void refusesBytesThatAreNoSignature() {
        assertThat(HubSignatureCheck.problem(CONTENT, new byte[] {1, 2, 3}, List.of(HUB)))
                .hasValueSatisfying(problem -> assertThat(problem).contains("not a CMS SignedData"));
    }
}
