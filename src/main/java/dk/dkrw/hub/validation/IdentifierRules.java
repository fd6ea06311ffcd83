package dk.dkrw.hub.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Rule 13: a CPR number appears only on a {@code DEPENDANT} (asylum applicants themselves seldom have one; a
 * dependant may be a resident family member) and reads {@code DDMMYY-SSSS} or {@code DDMMYYSSSS} with a real
 * date. No modulus-11 check: numbers issued since 2007 need not pass it.
 */
final class IdentifierRules implements DossierRule {

    static final String CPR_NOT_DEPENDANT = "rule 13: DK_CPR is allowed only on a DEPENDANT";
    static final String CPR_MALFORMED = "rule 13: DK_CPR must be DDMMYY-SSSS or DDMMYYSSSS with a real date";

    private static final Pattern CPR = Pattern.compile("\\d{6}-?\\d{4}");

    @Override
    public void check(DossierContext dossier) {
        for (int p = 0; p < dossier.personCount(); p++) {
            JsonNode person = dossier.person(p);
            JsonNode identifiers = person.path("identifiers");
            for (int i = 0; i < DossierContext.size(identifiers); i++) {
                JsonNode identifier = identifiers.path(i);
                if (!"DK_CPR".equals(DossierContext.text(identifier, "scheme"))) {
                    continue;
                }
                String pointer = "/persons/" + p + "/identifiers/" + i;
                if (!"DEPENDANT".equals(DossierContext.text(person, "role"))) {
                    dossier.violation(pointer + "/scheme", CPR_NOT_DEPENDANT);
                }
                String value = DossierContext.text(identifier, "value");
                if (value != null && !isCpr(value)) {
                    dossier.violation(pointer + "/value", CPR_MALFORMED);
                }
            }
        }
    }

    static boolean isCpr(String value) {
        if (!CPR.matcher(value).matches()) {
            return false;
        }
        int day = Integer.parseInt(value.substring(0, 2));
        int month = Integer.parseInt(value.substring(2, 4));
        int year = Integer.parseInt(value.substring(4, 6));
        try {
            // 2000-2099 has the same leap years as the two-digit year allows (00 is leap in 2000)
            LocalDate.of(2000 + year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
