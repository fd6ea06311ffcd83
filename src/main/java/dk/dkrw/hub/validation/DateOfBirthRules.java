package dk.dkrw.hub.validation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Rules 1 and 2: a date of birth is possible at {@code createdAt} and its X mask says what its precision says.
 * A date is refused only when no reading of it is possible: born after {@code createdAt} even on the earliest
 * possible date, or older than 120 even if born on the latest.
 */
final class DateOfBirthRules implements DossierRule {

    static final String AFTER_CREATED = "rule 1: the earliest possible date of birth is after createdAt";
    static final String OVER_120 = "rule 1: the implied age at createdAt is over 120 years";
    static final String MASK_MISMATCH = "rule 2: the X mask of the date of birth does not match its precision";
    static final String NOT_A_DATE = "rule 2: the date of birth is not a calendar date";
    static final String RANGE_REVERSED = "rule 2: assessedRange.earliest is after assessedRange.latest";

    private static final int MAX_AGE = 120;

    @Override
    public void check(DossierContext dossier) {
        for (int i = 0; i < dossier.personCount(); i++) {
            JsonNode dateOfBirth = dossier.person(i).path("dateOfBirth");
            String pointer = "/persons/" + i + "/dateOfBirth";
            checkMask(dossier, dateOfBirth, pointer);
            checkAssessedRange(dossier, dateOfBirth.path("assessedRange"), pointer + "/assessedRange");
            BirthDateRange range = dossier.birthRange(i);
            if (range == null) {
                continue;
            }
            if (range.earliest().isAfter(dossier.referenceDate())) {
                dossier.violation(pointer + "/value", AFTER_CREATED);
            } else if (range.certainlyOlderThan(MAX_AGE, dossier.referenceDate())) {
                dossier.violation(pointer + "/value", OVER_120);
            }
        }
    }

    private static void checkMask(DossierContext dossier, JsonNode dateOfBirth, String pointer) {
        String value = DossierContext.text(dateOfBirth, "value");
        String precision = DossierContext.text(dateOfBirth, "precision");
        Edtf.Precision mask = Edtf.maskPrecision(value);
        if (mask == null) {
            if (Edtf.wellFormed(value)) {
                // e.g. 1990-XX-15: well-formed parts but no precision has this mask
                dossier.violation(pointer + "/value", MASK_MISMATCH);
            }
            return;
        }
        if (precision != null && isPrecision(precision) && !mask.name().equals(precision)) {
            dossier.violation(pointer + "/precision", MASK_MISMATCH);
        }
        if (!Edtf.isCalendarDate(value)) {
            dossier.violation(pointer + "/value", NOT_A_DATE);
        }
    }

    private static void checkAssessedRange(DossierContext dossier, JsonNode range, String pointer) {
        JsonNode earliest = range.path("earliest");
        JsonNode latest = range.path("latest");
        if (DossierContext.isYear(earliest) && DossierContext.isYear(latest)
                && earliest.intValue() > latest.intValue()) {
            dossier.violation(pointer, RANGE_REVERSED);
        }
    }

    private static boolean isPrecision(String precision) {
        for (Edtf.Precision p : Edtf.Precision.values()) {
            if (p.name().equals(precision)) {
                return true;
            }
        }
        return false;
    }
}
