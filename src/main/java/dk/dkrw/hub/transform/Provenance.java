package dk.dkrw.hub.transform;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a case body comes from, carried to Kigali unchanged: the SHA-256 (lower-case hex) of the exact signed
 * dossier bytes, the registered party that signed them, the SHA-256 fingerprint of the signer's DER certificate,
 * the CMS signing time and the id of the hub's receipt for the dossier.
 */
public record Provenance(String dossierSha256, String signerParty, String signerCertificateSha256,
                         Instant signingTime, String receiptId) {

    public Provenance {
        Objects.requireNonNull(dossierSha256, "dossierSha256");
        Objects.requireNonNull(signerParty, "signerParty");
        Objects.requireNonNull(signerCertificateSha256, "signerCertificateSha256");
        Objects.requireNonNull(signingTime, "signingTime");
        Objects.requireNonNull(receiptId, "receiptId");
    }
}
