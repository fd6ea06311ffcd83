package dk.dkrw.hub.validation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Rule 7: {@code nationalityStatus} is {@code STATELESS} exactly when {@code nationalities} is empty or
 * {@code ["XXA"]}. ICAO's {@code XXX} (unspecified) never means stateless.
 */
final class NationalityRules implements DossierRule {

    static final String STATELESS_MISMATCH = "rule 7: nationalityStatus STATELESS is required exactly when "
            + "nationalities is empty or [\"XXA\"]";

    @Override
    public void check(DossierContext dossier) {
        for (int i = 0; i < dossier.personCount(); i++) {
            JsonNode person = dossier.person(i);
            JsonNode nationalities = person.path("nationalities");
            String status = DossierContext.text(person, "nationalityStatus");
            if (!nationalities.isArray() || status == null) {
                continue;
            }
            boolean statelessList = nationalities.isEmpty()
                    || (nationalities.size() == 1 && "XXA".equals(nationalities.path(0).textValue()));
            if (statelessList != "STATELESS".equals(status)) {
                dossier.violation("/persons/" + i + "/nationalityStatus", STATELESS_MISMATCH);
            }
        }
    }
}
