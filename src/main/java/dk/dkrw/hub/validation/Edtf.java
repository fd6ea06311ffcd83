package dk.dkrw.hub.validation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Reads the date-of-birth values of {@code dk-dossier/1}: EDTF level 1 / ISO 8601-2 {@code YYYY-MM-DD} where
 * whole components may be {@code X} for unknown ({@code 1990-05-XX}, {@code 1987-XX-XX}, {@code XXXX-XX-XX}).
 * Never throws; anything unreadable comes back as {@code null}.
 */
final class Edtf {

    /** What a value's X mask says about its precision; the names equal the schema's {@code precision} enum. */
    enum Precision { DAY, MONTH, YEAR, UNKNOWN }

    private static final int UNKNOWN_PART = -1;
    private static final int BAD = -2;

    private Edtf() {
    }

    /** The precision the mask expresses, or {@code null} for a malformed value or an irregular mask. */
    static Precision maskPrecision(String value) {
        if (!wellFormed(value)) {
            return null;
        }
        int year = year(value);
        int month = month(value);
        int day = day(value);
        if (year == UNKNOWN_PART) {
            return month == UNKNOWN_PART && day == UNKNOWN_PART ? Precision.UNKNOWN : null;
        }
        if (month == UNKNOWN_PART) {
            return day == UNKNOWN_PART ? Precision.YEAR : null;
        }
        return day == UNKNOWN_PART ? Precision.MONTH : Precision.DAY;
    }

    /** True when the known components form a real calendar date (month 1..12, day within the month). */
    static boolean isCalendarDate(String value) {
        Precision precision = maskPrecision(value);
        if (precision == null) {
            return false;
        }
        try {
            switch (precision) {
                case DAY -> LocalDate.of(year(value), month(value), day(value));
                case MONTH -> YearMonth.of(year(value), month(value));
                default -> {
                    // year only or nothing known: any four digits are a year
                }
            }
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /**
     * Earliest and latest possible birth date of a value, or {@code null} when the year is unknown or the value
     * is not a calendar date with a regular mask.
     */
    static BirthDateRange range(String value) {
        if (!isCalendarDate(value)) {
            return null;
        }
        int year = year(value);
        return switch (maskPrecision(value)) {
            case DAY -> {
                LocalDate day = LocalDate.of(year, month(value), day(value));
                yield new BirthDateRange(day, day);
            }
            case MONTH -> {
                YearMonth month = YearMonth.of(year, month(value));
                yield new BirthDateRange(month.atDay(1), month.atEndOfMonth());
            }
            case YEAR -> BirthDateRange.ofYears(year, year);
            case UNKNOWN -> null;
        };
    }

    /** True for {@code YYYY-MM-DD} where each component is all digits or all X (not yet a valid mask). */
    static boolean wellFormed(String value) {
        return value != null && value.length() == 10 && value.charAt(4) == '-' && value.charAt(7) == '-'
                && year(value) != BAD && month(value) != BAD && day(value) != BAD;
    }

    private static int year(String value) {
        return number(value, 0, 4);
    }

    private static int month(String value) {
        return number(value, 5, 7);
    }

    private static int day(String value) {
        return number(value, 8, 10);
    }

    private static int number(String value, int from, int to) {
        boolean allX = true;
        boolean allDigits = true;
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            allX &= c == 'X';
            allDigits &= c >= '0' && c <= '9';
            n = n * 10 + (c - '0');
        }
        if (allX) {
            return UNKNOWN_PART;
        }
        return allDigits ? n : BAD;
    }
}
