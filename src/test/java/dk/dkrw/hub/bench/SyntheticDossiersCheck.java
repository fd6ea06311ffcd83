package dk.dkrw.hub.bench;

import dk.dkrw.hub.problem.Violation;
import dk.dkrw.hub.validation.DossierValidator;
import dk.dkrw.hub.validation.JsonSchemaCheck;
import dk.dkrw.hub.validation.StrictJsonReader;

import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;

/** Proves the generator's output is valid before a benchmark relies on it. */
final class SyntheticDossiersCheck {

    private SyntheticDossiersCheck() {
    }

    static void requireValid(byte[] dossier, List<SyntheticDossiers.Attachment> pool) {
        DossierValidator validator = new DossierValidator(JsonSchemaCheck.load("dk-dossier-1.schema.json"),
                sha -> pool.stream().filter(a -> a.sha256().equals(sha)).mapToLong(SyntheticDossiers.Attachment::sizeBytes)
                        .mapToObj(OptionalLong::of).findFirst().orElse(OptionalLong.empty()),
                Clock.systemUTC());
        var report = validator.validate(new StrictJsonReader().readObject(dossier), "US", null);
        if (!report.valid()) {
            throw new IllegalStateException("synthetic dossier invalid: "
                    + report.violations().stream().map(Violation::toString).toList()
                    + report.missingAttachments());
        }
    }
}
