package dk.dkrw.hub.validation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static dk.dkrw.hub.validation.Samples.family;
import static dk.dkrw.hub.validation.Samples.object;
import static dk.dkrw.hub.validation.Samples.pointers;
import static dk.dkrw.hub.validation.Samples.validate;
import static org.assertj.core.api.Assertions.assertThat;

/** Family sample: 0 principal (1991-03-14), 1 spouse (1994-XX-XX), 2 child (2019-06-02). */
class HouseholdRulesTest {

    private static final String CHILD = "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f";
    private static final String SPOUSE = "8a2b4c6d-1e3f-4a5b-8c7d-9e0f1a2b3c4d";

    private static ObjectNode link(ObjectNode dossier, String from, String to, String type) {
        ((ArrayNode) dossier.path("relationships")).addObject()
                .put("from", from).put("to", to).put("type", type).put("verified", false);
        return dossier;
    }

    @Nested
    class Rule4Links {

        @Test
        void rejectsAnEndThatIsNotAPerson() {
            ObjectNode dossier = link(family(), SPOUSE, "00000000-0000-4000-8000-000000000000", "SIBLING");

            assertThat(pointers(validate(dossier))).containsExactly("/relationships/4/to");
        }

        @Test
        void acceptsParentAndChildGivenBothWays() {
            assertThat(validate(link(family(), CHILD, SPOUSE, "CHILD")).violations()).isEmpty();
        }

        @Test
        void rejectsAChildLinkThatContradictsAParentLink() {
            ObjectNode dossier = link(family(), SPOUSE, CHILD, "CHILD"); // the spouse is already the child's parent

            assertThat(pointers(validate(dossier))).containsExactly("/relationships/4/type");
        }
    }

    @Nested
    class Rule5ParentAge {

        @Test
        void judgesByTheParentsLatestAndTheChildsEarliestDate() {
            ObjectNode dossier = family();
            object(dossier, "/persons/1/dateOfBirth").put("value", "2007-XX-XX"); // may be born 2007-12-31
            object(dossier, "/persons/2/dateOfBirth").put("value", "2019-XX-XX").put("precision", "YEAR");

            assertThat(pointers(validate(dossier))).containsExactly("/relationships/3");
        }

        @Test
        void acceptsTwelveYearsExactly() {
            ObjectNode dossier = family();
            object(dossier, "/persons/1/dateOfBirth").put("value", "2007-06-02").put("precision", "DAY");

            assertThat(validate(dossier).violations()).isEmpty();
        }
    }

    @Nested
    class Rule6Minors {

        private ObjectNode orphanedChild() {
            ObjectNode dossier = family();
            ArrayNode relationships = (ArrayNode) dossier.path("relationships");
            relationships.remove(3);
            relationships.remove(2);
            relationships.remove(1);
            return dossier;
        }

        @Test
        void rejectsAMinorWithNoProtection() {
            assertThat(pointers(validate(orphanedChild()))).containsExactly("/persons/2");
        }

        @Test
        void acceptsAGuardianLink() {
            assertThat(validate(link(orphanedChild(), SPOUSE, CHILD, "GUARDIAN")).violations()).isEmpty();
        }

        @Test
        void acceptsAChildLinkFromTheMinor() {
            assertThat(validate(link(orphanedChild(), CHILD, SPOUSE, "CHILD")).violations()).isEmpty();
        }

        @Test
        void doesNotCountAGuardianLinkPointingAwayFromTheMinor() {
            assertThat(pointers(validate(link(orphanedChild(), CHILD, SPOUSE, "GUARDIAN"))))
                    .containsExactly("/persons/2");
        }

        @Test
        void acceptsARepresentative56A() {
            ObjectNode dossier = orphanedChild();
            object(dossier, "/persons/2").putObject("legalRep").put("type", "REPRESENTATIVE_56A").put("name", "X Y");

            assertThat(validate(dossier).violations()).isEmpty();
        }

        @Test
        void doesNotCountALawyer() {
            ObjectNode dossier = orphanedChild();
            object(dossier, "/persons/2").putObject("legalRep").put("type", "LAWYER").put("name", "X Y");

            assertThat(pointers(validate(dossier))).containsExactly("/persons/2");
        }

        @Test
        void acceptsAnUnaccompaniedOrSeparatedChildCode() {
            for (String code : new String[] {"UNACCOMPANIED_MINOR", "SEPARATED_CHILD"}) {
                ObjectNode dossier = orphanedChild();
                ((ArrayNode) dossier.at("/persons/2/vulnerabilities")).addObject()
                        .put("code", code).put("assessedAt", "2026-11-12").put("consentToShare", false);

                assertThat(validate(dossier).violations()).as(code).isEmpty();
            }
        }

        @Test
        void judgesAgeByTheLatestPossibleBirthDate() {
            ObjectNode dossier = family();
            ((ArrayNode) dossier.path("relationships")).remove(3); // the spouse is no longer the child's parent
            object(dossier, "/persons/1/dateOfBirth").put("value", "2008-XX-XX"); // 17 if born late in 2008

            assertThat(pointers(validate(dossier))).containsExactly("/persons/1");
        }

        @Test
        void widensTheRangeWithTheAssessedYears() {
            ObjectNode dossier = Samples.read("valid/edge-age-assessed-minor.json");
            object(dossier, "/persons/0/dateOfBirth").put("value", "2006-XX-XX"); // 20 by the value alone
            object(dossier, "/persons/0").remove("legalRep");

            assertThat(pointers(validate(dossier))).containsExactly("/persons/0");
        }
    }
}
