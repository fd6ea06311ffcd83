package dk.dkrw.hub.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Rules 8 and 9: document validity dates, and a TD3 MRZ whose check digits verify and whose document number,
 * birth date and sex agree with the structured fields. Unknown parts of the date of birth are {@code <} in the
 * MRZ ({@code 1987-XX-XX} is {@code 87<<<<}); sex 0 and 9 are {@code <} or {@code X}.
 */
final class DocumentRules implements DossierRule {

    static final String EXPIRY_NOT_AFTER_ISSUE = "rule 8: expiryDate must be after issueDate";
    static final String PASSPORT_WITHOUT_EXPIRY = "rule 8: a PASSPORT needs an expiryDate";
    static final String NUMBER_DISAGREES = "rule 9: the MRZ document number disagrees with the document's number";
    static final String BIRTH_DATE_DISAGREES = "rule 9: the MRZ birth date disagrees with the person's dateOfBirth";
    static final String SEX_DISAGREES = "rule 9: the MRZ sex disagrees with the person's sex";

    @Override
    public void check(DossierContext dossier) {
        for (int p = 0; p < dossier.personCount(); p++) {
            JsonNode person = dossier.person(p);
            JsonNode documents = person.path("documents");
            for (int d = 0; d < DossierContext.size(documents); d++) {
                String pointer = "/persons/" + p + "/documents/" + d;
                JsonNode document = documents.path(d);
                checkDates(dossier, document, pointer);
                String line2 = MrzCheck.td3Line2(DossierContext.text(document, "mrz"));
                if (line2 != null) {
                    checkMrz(dossier, person, document, line2, pointer + "/mrz");
                }
            }
        }
    }

    private static void checkDates(DossierContext dossier, JsonNode document, String pointer) {
        LocalDate issued = DossierContext.date(document.path("issueDate"));
        LocalDate expires = DossierContext.date(document.path("expiryDate"));
        if (issued != null && expires != null && !expires.isAfter(issued)) {
            dossier.violation(pointer + "/expiryDate", EXPIRY_NOT_AFTER_ISSUE);
        }
        boolean passport = "PASSPORT".equals(DossierContext.text(document, "docType"));
        if (passport && document.path("expiryDate").isMissingNode()) {
            dossier.violation(pointer + "/expiryDate", PASSPORT_WITHOUT_EXPIRY);
        }
    }

    private static void checkMrz(DossierContext dossier, JsonNode person, JsonNode document, String line2,
                                 String pointer) {
        for (MrzCheck.BadCheckDigit bad : MrzCheck.badCheckDigits(line2)) {
            dossier.violation(pointer, "rule 9: the MRZ " + bad.field() + " check digit is wrong");
        }
        String number = DossierContext.text(document, "number");
        if (number != null && !MrzCheck.documentNumber(line2).equals(mrzNumber(number))) {
            dossier.violation(pointer, NUMBER_DISAGREES);
        }
        String birthDate = DossierContext.text(person.path("dateOfBirth"), "value");
        if (Edtf.wellFormed(birthDate) && !MrzCheck.birthDate(line2).equals(mrzDate(birthDate))) {
            dossier.violation(pointer, BIRTH_DATE_DISAGREES);
        }
        JsonNode sex = person.path("sex");
        if (sex.isInt() && !sexAgrees(sex.intValue(), MrzCheck.sex(line2))) {
            dossier.violation(pointer, SEX_DISAGREES);
        }
    }

    /** The number as the MRZ writes it: upper case, without spaces or punctuation. */
    static String mrzNumber(String number) {
        StringBuilder mrz = new StringBuilder(number.length());
        for (char c : number.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
                mrz.append(c);
            }
        }
        return mrz.toString();
    }

    /** YYMMDD with {@code <} for each unknown digit, from an EDTF {@code YYYY-MM-DD} with X masks. */
    static String mrzDate(String edtf) {
        char[] yymmdd = {edtf.charAt(2), edtf.charAt(3), edtf.charAt(5), edtf.charAt(6), edtf.charAt(8),
                edtf.charAt(9)};
        for (int i = 0; i < yymmdd.length; i++) {
            if (yymmdd[i] == 'X') {
                yymmdd[i] = '<';
            }
        }
        return new String(yymmdd);
    }

    private static boolean sexAgrees(int iso5218, char mrz) {
        return switch (iso5218) {
            case 1 -> mrz == 'M';
            case 2 -> mrz == 'F';
            case 0, 9 -> mrz == '<' || mrz == 'X';
            default -> true; // not a valid ISO 5218 code: the schema reports it
        };
    }
}
