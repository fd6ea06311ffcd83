package dk.dkrw.hub.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Rule 12: fingerprints registered with Eurodac ({@code eurodacRef} present) need the person to be at least
 * 6 at {@code capturedAt}. Judged, like rule 6, by the latest possible birth date: a child who may be under 6
 * is protected.
 */
final class BiometricRules implements DossierRule {

    static final String FINGERPRINTS_UNDER_SIX =
            "rule 12: FINGERPRINTS with a eurodacRef need the person to be at least 6 at capturedAt";

    private static final int MIN_AGE = 6;

    @Override
    public void check(DossierContext dossier) {
        for (int p = 0; p < dossier.personCount(); p++) {
            BirthDateRange birth = dossier.birthRange(p);
            if (birth == null) {
                continue;
            }
            JsonNode biometrics = dossier.person(p).path("biometrics");
            for (int b = 0; b < DossierContext.size(biometrics); b++) {
                JsonNode biometric = biometrics.path(b);
                Instant captured = DossierContext.instant(biometric.path("capturedAt"));
                if (captured == null || !"FINGERPRINTS".equals(DossierContext.text(biometric, "modality"))
                        || biometric.path("eurodacRef").isMissingNode()) {
                    continue;
                }
                if (birth.possiblyYoungerThan(MIN_AGE, LocalDate.ofInstant(captured, ZoneOffset.UTC))) {
                    dossier.violation("/persons/" + p + "/biometrics/" + b, FINGERPRINTS_UNDER_SIX);
                }
            }
        }
    }
}
