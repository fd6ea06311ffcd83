package dk.dkrw.hub.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Set;

/** Rule 11: personIds are unique, exactly one person is {@code PRINCIPAL}, and it is {@code principalPersonId}. */
final class PrincipalRules implements DossierRule {

    static final String DUPLICATE_PERSON = "rule 11: personId must be unique within the dossier";
    static final String NO_PRINCIPAL = "rule 11: exactly one person must have the role PRINCIPAL";
    static final String EXTRA_PRINCIPAL = "rule 11: only the person named by principalPersonId may be PRINCIPAL";
    static final String WRONG_PRINCIPAL_ID = "rule 11: principalPersonId must be the personId of the PRINCIPAL";

    @Override
    public void check(DossierContext dossier) {
        String principalId = DossierContext.text(dossier.root(), "principalPersonId");
        Set<String> seen = new HashSet<>();
        int principals = 0;
        boolean principalIdIsPrincipal = false;
        int firstPrincipal = -1;
        for (int i = 0; i < dossier.personCount(); i++) {
            JsonNode person = dossier.person(i);
            String personId = DossierContext.text(person, "personId");
            if (personId != null && !seen.add(personId)) {
                dossier.violation("/persons/" + i + "/personId", DUPLICATE_PERSON);
            }
            if (!"PRINCIPAL".equals(DossierContext.text(person, "role"))) {
                continue;
            }
            principals++;
            if (personId != null && personId.equals(principalId) && !principalIdIsPrincipal) {
                principalIdIsPrincipal = true;
            } else if (firstPrincipal < 0) {
                firstPrincipal = i;
            } else {
                dossier.violation("/persons/" + i + "/role", EXTRA_PRINCIPAL);
            }
        }
        if (principals == 0 && dossier.personCount() > 0) {
            dossier.violation("/persons", NO_PRINCIPAL);
        } else if (principalIdIsPrincipal && firstPrincipal >= 0) {
            dossier.violation("/persons/" + firstPrincipal + "/role", EXTRA_PRINCIPAL);
        } else if (!principalIdIsPrincipal && principals > 0 && principalId != null) {
            dossier.violation("/principalPersonId", WRONG_PRINCIPAL_ID);
        }
    }
}
