package dk.dkrw.hub.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * ICAO Doc 9303 part 4 TD3 machine-readable zone (passports): two lines of 44 characters from
 * {@code [A-Z0-9<]}. Reads the fields the hub compares and verifies the check digits (weights 7-3-1; digits
 * count as themselves, A-Z as 10-35, {@code <} as 0).
 */
final class MrzCheck {

    static final int LINE = 44;

    private static final int[] WEIGHTS = {7, 3, 1};

    /** A check digit that does not verify, named for the message. */
    enum BadCheckDigit {
        DOCUMENT_NUMBER("document number"),
        BIRTH_DATE("birth date"),
        EXPIRY_DATE("expiry date"),
        OPTIONAL_DATA("personal number"),
        COMPOSITE("composite");

        private final String field;

        BadCheckDigit(String field) {
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    private MrzCheck() {
    }

    /** The lower line (line 2) of a well-formed TD3 MRZ, or null when the text is not one. */
    static String td3Line2(String mrz) {
        if (mrz == null || mrz.length() != 2 * LINE + 1 || mrz.charAt(LINE) != '\n' || mrz.charAt(0) != 'P') {
            return null;
        }
        for (int i = 0; i < mrz.length(); i++) {
            char c = mrz.charAt(i);
            if (i != LINE && !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '<')) {
                return null;
            }
        }
        return mrz.substring(LINE + 1);
    }

    /** Document number without trailing fillers (line 2, positions 1-9). */
    static String documentNumber(String line2) {
        int end = 9;
        while (end > 0 && line2.charAt(end - 1) == '<') {
            end--;
        }
        return line2.substring(0, end);
    }

    /** YYMMDD, {@code <} for unknown parts (positions 14-19). */
    static String birthDate(String line2) {
        return line2.substring(13, 19);
    }

    /** M, F, X or {@code <} (position 21). */
    static char sex(String line2) {
        return line2.charAt(20);
    }

    static List<BadCheckDigit> badCheckDigits(String line2) {
        List<BadCheckDigit> bad = new ArrayList<>(0);
        if (!verifies(line2, 0, 9)) {
            bad.add(BadCheckDigit.DOCUMENT_NUMBER);
        }
        if (!verifies(line2, 13, 19)) {
            bad.add(BadCheckDigit.BIRTH_DATE);
        }
        if (!verifies(line2, 21, 27)) {
            bad.add(BadCheckDigit.EXPIRY_DATE);
        }
        boolean noPersonalNumber = line2.substring(28, 42).chars().allMatch(c -> c == '<');
        if (!(noPersonalNumber && line2.charAt(42) == '<') && !verifies(line2, 28, 42)) {
            bad.add(BadCheckDigit.OPTIONAL_DATA);
        }
        int composite = weightedSum(line2, 0, 10) + weightedSumFrom(line2, 13, 20, 10)
                + weightedSumFrom(line2, 21, 43, 17);
        if (line2.charAt(43) != (char) ('0' + composite % 10)) {
            bad.add(BadCheckDigit.COMPOSITE);
        }
        return bad;
    }

    /** The check digit of {@code text} (ICAO 9303 part 3, 4.9). */
    static int checkDigit(CharSequence text) {
        return weightedSumFrom(text, 0, text.length(), 0) % 10;
    }

    /** Whether the character after {@code [from, to)} is the check digit of that field. */
    private static boolean verifies(String line2, int from, int to) {
        return line2.charAt(to) == (char) ('0' + weightedSum(line2, from, to) % 10);
    }

    private static int weightedSum(CharSequence text, int from, int to) {
        return weightedSumFrom(text, from, to, 0);
    }

    /** Sum of values times weights 7,3,1, the weight cycle starting {@code offset} characters in. */
    private static int weightedSumFrom(CharSequence text, int from, int to, int offset) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum += value(text.charAt(i)) * WEIGHTS[(i - from + offset) % 3];
        }
        return sum;
    }

    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return 0;
    }
}
