package dk.dkrw.hub.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.dkrw.hub.dossier.DossierIdentity;
import dk.dkrw.hub.problem.Violation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dk.dkrw.hub.validation.Samples.VALIDATOR;
import static dk.dkrw.hub.validation.Samples.family;
import static dk.dkrw.hub.validation.Samples.pointers;
import static dk.dkrw.hub.validation.Samples.validate;
import static org.assertj.core.api.Assertions.assertThat;

class ProvenanceRulesTest {

    @Nested
    class Rule14Signer {

        @Test
        void acceptsTheReturnAgencySigningItsOwnDossier() {
            ObjectNode dossier = family().put("sourceAuthority", "HJEMST");

            assertThat(VALIDATOR.validate(dossier, "HJEMST", null).violations()).isEmpty();
        }

        @Test
        void rejectsAnotherAuthoritysDossier() {
            assertThat(VALIDATOR.validate(family(), "HJEMST", null).violations()).singleElement()
                    .isEqualTo(new Violation("/sourceAuthority", ProvenanceRules.WRONG_AUTHORITY));
        }

        @Test
        void rejectsWhenTheSignerHasNoAuthority() {
            assertThat(pointers(VALIDATOR.validate(family(), null, null))).containsExactly("/sourceAuthority");
        }
    }

    @Nested
    class Rule15Versions {

        private final DossierIdentity first = DossierIdentity.of(family());

        @Test
        void acceptsANewVersionWithTheSameIdentity() {
            ObjectNode second = family().put("version", 2).put("createdAt", "2026-11-27T08:00:00Z");

            assertThat(validate(second, first).violations()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"dossierId", "dkCaseNo", "udlNr", "principalPersonId"})
        void rejectsAChangedIdentityField(String field) {
            ObjectNode second = family().put("version", 2);
            DossierIdentity previous = new DossierIdentity(
                    field.equals("dossierId") ? "11111111-2222-4333-8444-555555555555" : first.dossierId(), 1,
                    field.equals("dkCaseNo") ? "US-2026-000001" : first.dkCaseNo(),
                    field.equals("udlNr") ? "26-000001" : first.udlNr(),
                    field.equals("principalPersonId") ? "8a2b4c6d-1e3f-4a5b-8c7d-9e0f1a2b3c4d"
                            : first.principalPersonId(),
                    "US", first.attachments());

            assertThat(validate(second, previous).violations()).singleElement().satisfies(v -> {
                assertThat(v.pointer()).isEqualTo("/" + field);
                assertThat(v.message()).startsWith("rule 15:").contains(field);
            });
        }

        @Test
        void reportsEveryChangedFieldAtOnce() {
            ObjectNode second = family().put("version", 2).put("udlNr", "26-999999").put("dkCaseNo", "US-2026-9");

            assertThat(pointers(validate(second, first))).containsExactly("/dkCaseNo", "/udlNr");
        }

        @Test
        void ignoresVersionsWithoutAPreviousOne() {
            ObjectNode second = family().put("version", 7).put("udlNr", "26-999999");

            assertThat(validate(second, null).violations()).isEmpty();
        }
    }
}
