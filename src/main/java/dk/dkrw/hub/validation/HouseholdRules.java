package dk.dkrw.hub.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;

/**
 * Rules 4 to 6 over the household graph. A relationship reads "{@code from} is the {@code type} of {@code to}",
 * so {@code PARENT} from A to B and {@code CHILD} from B to A state the same fact, "A is B's parent"; both may be
 * given, but never the reverse fact for the same pair.
 */
final class HouseholdRules implements DossierRule {

    static final String UNKNOWN_END = "rule 4: a relationship end must be the personId of a person in persons[]";
    static final String SELF_LINK = "rule 4: a relationship must not link a person to itself";
    static final String NOT_RECIPROCAL = "rule 4: PARENT/CHILD links between two persons must be reciprocal";
    static final String PARENT_TOO_YOUNG = "rule 5: a parent must be born at least 12 years before the child";
    static final String MINOR_UNPROTECTED = "rule 6: a person under 18 needs a PARENT or GUARDIAN link, a "
            + "REPRESENTATIVE_56A legal representative, or an UNACCOMPANIED_MINOR or SEPARATED_CHILD vulnerability";

    private static final int MIN_PARENT_AGE = 12;
    private static final int MAJORITY = 18;

    @Override
    public void check(DossierContext dossier) {
        JsonNode relationships = dossier.root().path("relationships");
        int persons = dossier.personCount();
        boolean[] cared = new boolean[persons];
        // "parent>child" -> index of the first relationship stating it
        Map<Long, Integer> parentFacts = new HashMap<>();
        for (int r = 0; r < DossierContext.size(relationships); r++) {
            JsonNode link = relationships.path(r);
            int from = end(dossier, link, "from", r);
            int to = end(dossier, link, "to", r);
            if (from < 0 || to < 0) {
                continue;
            }
            if (from == to) {
                dossier.violation("/relationships/" + r, SELF_LINK);
                continue;
            }
            String type = DossierContext.text(link, "type");
            if ("PARENT".equals(type) || "CHILD".equals(type)) {
                int parent = "PARENT".equals(type) ? from : to;
                int child = "PARENT".equals(type) ? to : from;
                cared[child] = true;
                if (parentFacts.containsKey(key(child, parent))) {
                    dossier.violation("/relationships/" + r + "/type", NOT_RECIPROCAL);
                } else if (parentFacts.putIfAbsent(key(parent, child), r) == null) {
                    checkParentAge(dossier, parent, child, r);
                }
            } else if ("GUARDIAN".equals(type)) {
                cared[to] = true;
            }
        }
        for (int i = 0; i < persons; i++) {
            checkMinor(dossier, i, cared[i]);
        }
    }

    /** Index of the person named by {@code field}, or -1 (reported when the end is a string naming nobody). */
    private static int end(DossierContext dossier, JsonNode link, String field, int r) {
        String personId = DossierContext.text(link, field);
        int index = dossier.indexOf(personId);
        // with no readable persons[] the schema has already said so; listing every end would only add noise
        if (personId != null && index < 0 && dossier.personCount() > 0) {
            dossier.violation("/relationships/" + r + "/" + field, UNKNOWN_END);
        }
        return index;
    }

    private static long key(int parent, int child) {
        return ((long) parent << 32) | child;
    }

    private static void checkParentAge(DossierContext dossier, int parent, int child, int r) {
        BirthDateRange parentBirth = dossier.birthRange(parent);
        BirthDateRange childBirth = dossier.birthRange(child);
        if (parentBirth != null && childBirth != null
                && parentBirth.latest().plusYears(MIN_PARENT_AGE).isAfter(childBirth.earliest())) {
            dossier.violation("/relationships/" + r, PARENT_TOO_YOUNG);
        }
    }

    private static void checkMinor(DossierContext dossier, int i, boolean cared) {
        BirthDateRange birth = dossier.birthRange(i);
        if (cared || birth == null || !birth.possiblyYoungerThan(MAJORITY, dossier.referenceDate())) {
            return;
        }
        JsonNode person = dossier.person(i);
        if ("REPRESENTATIVE_56A".equals(DossierContext.text(person.path("legalRep"), "type"))) {
            return;
        }
        JsonNode vulnerabilities = person.path("vulnerabilities");
        for (int v = 0; v < DossierContext.size(vulnerabilities); v++) {
            String code = DossierContext.text(vulnerabilities.path(v), "code");
            if ("UNACCOMPANIED_MINOR".equals(code) || "SEPARATED_CHILD".equals(code)) {
                return;
            }
        }
        dossier.violation("/persons/" + i, MINOR_UNPROTECTED);
    }
}
