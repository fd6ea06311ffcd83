package dk.dkrw.hub.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.text.Normalizer;

/**
 * Rule 10: names are compared and forwarded in Unicode NFC, so decomposed input ({@code A} + U+030A, or U+212B
 * ANGSTROM SIGN, for {@code Å}) is accepted and normalised by the hub. What is refused: control characters,
 * line and paragraph separators, bidi embeddings/overrides/isolates (U+202A–U+202E, U+2066–U+2069; the marks
 * U+200E/U+200F are allowed), unpaired surrogates, and names longer than 200 characters once in NFC.
 */
final class NameRules implements DossierRule {

    static final String CONTROL = "rule 10: a name must not contain control characters";
    static final String BIDI = "rule 10: a name must not contain bidi embedding, override or isolate characters";
    static final String NOT_UNICODE = "rule 10: a name must be valid Unicode text";
    static final String TOO_LONG = "rule 10: a name must have at most 200 characters after NFC normalisation";

    static final int MAX_LENGTH = 200;
    private static final String[] NAME_FIELDS = {"fullText", "primary", "secondary", "latinTranslit"};

    @Override
    public void check(DossierContext dossier) {
        for (int p = 0; p < dossier.personCount(); p++) {
            JsonNode person = dossier.person(p);
            JsonNode names = person.path("names");
            for (int n = 0; n < DossierContext.size(names); n++) {
                JsonNode name = names.path(n);
                for (String field : NAME_FIELDS) {
                    checkName(dossier, DossierContext.text(name, field),
                            "/persons/" + p + "/names/" + n + "/" + field);
                }
            }
            checkName(dossier, DossierContext.text(person.path("legalRep"), "name"),
                    "/persons/" + p + "/legalRep/name");
        }
    }

    private static void checkName(DossierContext dossier, String name, String pointer) {
        if (name == null) {
            return;
        }
        String problem = forbiddenCharacter(name);
        if (problem != null) {
            dossier.violation(pointer, problem);
            return;
        }
        if (nfcLength(name) > MAX_LENGTH) {
            dossier.violation(pointer, TOO_LONG);
        }
    }

    /** The message for the first forbidden character, or null when there is none. */
    static String forbiddenCharacter(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029) {
                return CONTROL;
            }
            if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                return BIDI;
            }
            if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return NOT_UNICODE;
            }
        }
        return null;
    }

    /** Length in code points of the NFC form; normalises only when the text is not already NFC. */
    static int nfcLength(String name) {
        String nfc = Normalizer.isNormalized(name, Normalizer.Form.NFC)
                ? name : Normalizer.normalize(name, Normalizer.Form.NFC);
        return nfc.codePointCount(0, nfc.length());
    }
}
