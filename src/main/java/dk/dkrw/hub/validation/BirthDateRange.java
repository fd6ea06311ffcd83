package dk.dkrw.hub.validation;

import java.time.LocalDate;

/**
 * The span of dates on which a person may have been born, both ends inclusive. Rules that must hold for every
 * possible birth date use the end that makes them hardest (a parent's latest against a child's earliest; a
 * minor by the latest possible date), as domain.md prescribes.
 */
record BirthDateRange(LocalDate earliest, LocalDate latest) {

    static BirthDateRange ofYears(int earliestYear, int latestYear) {
        return new BirthDateRange(LocalDate.of(earliestYear, 1, 1), LocalDate.of(latestYear, 12, 31));
    }

    BirthDateRange union(BirthDateRange other) {
        if (other == null) {
            return this;
        }
        return new BirthDateRange(
                earliest.isBefore(other.earliest) ? earliest : other.earliest,
                latest.isAfter(other.latest) ? latest : other.latest);
    }

    /** True when the person may be younger than {@code years} on {@code date} (judged by the latest birth date). */
    boolean possiblyYoungerThan(int years, LocalDate date) {
        return latest.plusYears(years).isAfter(date);
    }

    /** True when the person is older than {@code years} on {@code date} even if born on the latest date. */
    boolean certainlyOlderThan(int years, LocalDate date) {
        return !latest.plusYears(years + 1L).isAfter(date);
    }
}
