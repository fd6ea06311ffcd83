package dk.dkrw.hub.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.Violation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dk.dkrw.hub.validation.Samples.family;
import static dk.dkrw.hub.validation.Samples.object;
import static dk.dkrw.hub.validation.Samples.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Violations travel to partners, logs and audit entries: they must never carry a submitted value. */
class NoPersonalDataInMessagesTest {

    @Test
    void noMessageOfAnyInvalidSampleEchoesANameADateOfBirthOrADocumentNumber() {
        List<Violation> all = new ArrayList<>();
        Samples.files("invalid", ".json").forEach(file -> {
            ValidationReport report = validate(Samples.read("invalid/" + file.getFileName()));
            all.addAll(report.violations());
            all.addAll(report.missingAttachments());
        });

        assertThat(all).isNotEmpty().allSatisfy(v -> assertThat(v.message())
                .doesNotContain("Gebremedhin", "Amanuel", "Tesfai", "iafseT", "Senait", "Mahlet")
                .doesNotContain("1991-03-14", "1994-XX-XX", "2019-06-02", "2026-12-01", "2008-01-10", "2021-06-02")
                .doesNotContain("Q7R204518", "9103144", "140391", "143091", "26-118842", "US-2026-041877"));
    }

    @Test
    void violationsOfTheFieldsThemselvesDoNotEchoThem() {
        ObjectNode dossier = family();
        object(dossier, "/persons/0/names/0").put("fullText", "Amanuel\u202E Gebremedhin");
        object(dossier, "/persons/0/dateOfBirth").put("value", "1991-02-30");
        object(dossier, "/persons/0/documents/0").put("number", "Q7R204519");
        object(dossier, "/persons/1/dateOfBirth").put("value", "1994-13-XX").put("precision", "MONTH");
        dossier.put("udlNr", "26-118842-EXTRA-LONG-VALUE-OVER-32-CHARS").put("dkCaseNo", "US\u0001041877");

        List<Violation> violations = validate(dossier).violations();

        assertThat(Samples.pointers(violations)).contains("/persons/0/names/0/fullText",
                "/persons/0/dateOfBirth/value", "/persons/0/documents/0/mrz", "/persons/1/dateOfBirth/value",
                "/udlNr", "/dkCaseNo");
        assertThat(violations).allSatisfy(v -> assertThat(v.message())
                .doesNotContain("Amanuel", "Gebremedhin", "1991", "02-30", "Q7R", "1994", "26-118842", "041877"));
    }

    @Test
    void theProblemDetailCarriesCountsOnly() {
        ObjectNode dossier = family();
        object(dossier, "/persons/0/names/2").put("fullText", "Amanuel\u202ETesfai");

        HubException problem = catchThrowableOfType(HubException.class, () -> validate(dossier).throwIfInvalid());

        assertThat(problem.code().code()).isEqualTo("validation-failed");
        assertThat(problem.detail()).isEqualTo("the dossier has 1 violation(s)").doesNotContain("Amanuel");
    }
}
