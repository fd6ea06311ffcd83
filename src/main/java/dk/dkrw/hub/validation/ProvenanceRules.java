package dk.dkrw.hub.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dkrw.hub.dossier.DossierIdentity;

import java.util.Objects;

/**
 * Rules 14 and 15: the dossier names the signing party's authority as its source, and a later version keeps
 * the identity of the first (dossierId, dkCaseNo, udlNr, principalPersonId).
 */
final class ProvenanceRules implements DossierRule {

    static final String WRONG_AUTHORITY = "rule 14: sourceAuthority must be the signing party's authority";

    @Override
    public void check(DossierContext dossier) {
        JsonNode root = dossier.root();
        String sourceAuthority = DossierContext.text(root, "sourceAuthority");
        if (sourceAuthority != null && !Objects.equals(sourceAuthority, dossier.signerAuthority())) {
            dossier.violation("/sourceAuthority", WRONG_AUTHORITY);
        }
        DossierIdentity previous = dossier.previousVersion();
        if (previous == null) {
            return;
        }
        keeps(dossier, "dossierId", previous.dossierId());
        keeps(dossier, "dkCaseNo", previous.dkCaseNo());
        keeps(dossier, "udlNr", previous.udlNr());
        keeps(dossier, "principalPersonId", previous.principalPersonId());
    }

    private static void keeps(DossierContext dossier, String field, String previous) {
        String current = DossierContext.text(dossier.root(), field);
        if (current != null && !current.equals(previous)) {
            dossier.violation("/" + field,
                    "rule 15: a new version must keep the " + field + " of the previous version");
        }
    }
}
