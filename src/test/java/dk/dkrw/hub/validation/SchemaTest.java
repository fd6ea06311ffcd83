package dk.dkrw.hub.validation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.dkrw.hub.problem.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dk.dkrw.hub.validation.Samples.family;
import static dk.dkrw.hub.validation.Samples.object;
import static dk.dkrw.hub.validation.Samples.pointers;
import static dk.dkrw.hub.validation.Samples.validate;
import static org.assertj.core.api.Assertions.assertThat;

/** The parts of dk-dossier-1.schema.json that are stricter than the field list. */
class SchemaTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {
            "/schemaVersion;dk-dossier/2",
            "/dossierId;0b6f3c7e-4a8d-4f62-9a51",
            "/udlNr;123456789012345678901234567890123",
            "/createdAt;2026-11-20T10:14:03+01:00",
            "/createdAt;2026-11-20",
            "/sourceAuthority;UDLAENDINGESTYRELSEN",
            "/persons/0/nationalities/0;ER",
            "/persons/0/names/1/script;ETHI",
            "/persons/0/languages/0/tag;tigrinya language",
            "/persons/0/documents/0/issueDate;23-09-2019",
            "/persons/0/dateOfBirth/value;14.03.1991",
            "/attachments/0/sha256;D665CA6A30D95D62918F88F7163A8C9F0BF3DC7458DEBB7A14E51A3649D3575C",
            "/attachments/0/classification;SECRET"})
    void refusesAMalformedValue(String pointer, String value) {
        ObjectNode dossier = family();
        int slash = pointer.lastIndexOf('/');
        String parent = pointer.substring(0, slash);
        String field = pointer.substring(slash + 1);
        if (field.matches("\\d+")) {
            ((ArrayNode) dossier.at(parent)).set(Integer.parseInt(field), dossier.textNode(value));
        } else {
            (parent.isEmpty() ? dossier : object(dossier, parent)).put(field, value);
        }

        assertThat(pointers(validate(dossier))).isNotEmpty().allMatch(pointer::equals);
    }

    @Test
    void anchorsPatternsAtTheVeryEndLikeEcmaScript() {
        ObjectNode dossier = family().put("udlNr", "26-118842\n");
        String mrz = dossier.at("/persons/0/documents/0/mrz").textValue();
        object(dossier, "/persons/0/documents/0").put("mrz", mrz + "\n");

        assertThat(pointers(validate(dossier))).containsExactly("/persons/0/documents/0/mrz", "/udlNr");
        assertThat(EcmaRegexFactory.toJava("^[$a]\\$x$")).isEqualTo("^[$a]\\$x\\z");
    }

    @Test
    void namesAnUnknownPropertyInItsPointer() {
        ObjectNode dossier = family();
        object(dossier, "/attachments/1").put("storageUrl", "x");
        dossier.put("comment", "x");

        assertThat(validate(dossier).violations()).containsExactly(
                new Violation("/attachments/1/storageUrl", "is not a property the schema allows"),
                new Violation("/comment", "is not a property the schema allows"));
    }

    @Test
    void doesNotEchoAnUnknownKeyThatIsNotAFieldName() {
        ObjectNode dossier = family();
        object(dossier, "/persons/1").put("Senait Haile Berhe", "x");

        assertThat(validate(dossier).violations()).containsExactly(
                new Violation("/persons/1", "has a property the schema does not allow"));
    }

    @Test
    void limitsPersonsToFifty() {
        ObjectNode dossier = family();
        ArrayNode persons = (ArrayNode) dossier.path("persons");
        for (int i = 3; i < 51; i++) {
            ObjectNode sibling = persons.get(1).deepCopy();
            sibling.put("personId", String.format("00000000-0000-4000-8000-%012d", i));
            persons.add(sibling);
        }

        assertThat(pointers(validate(dossier))).containsExactly("/persons");
        persons.remove(50);
        assertThat(validate(dossier).violations()).isEmpty();
    }

    @Test
    void acceptsOnlyIso5218SexCodes() {
        for (int sex = -1; sex <= 10; sex++) {
            ObjectNode dossier = family();
            object(dossier, "/persons/1").put("sex", sex);
            boolean valid = sex == 0 || sex == 1 || sex == 2 || sex == 9;

            assertThat(validate(dossier).violations()).as("sex %d", sex).hasSize(valid ? 0 : 1);
        }
    }

    @Test
    void looksUpAnAttachmentWhoseSizeIsWrittenAsADecimal() {
        ObjectNode dossier = family();
        object(dossier, "/attachments/0").put("sizeBytes", 2481.0);

        ValidationReport report = validate(dossier);
        assertThat(report.violations()).isEmpty();
        assertThat(pointers(report.missingAttachments())).containsExactly("/attachments/0");
    }

    @Test
    void refusesAForwardFlagThatIsNotBoolean() {
        ObjectNode dossier = family();
        object(dossier, "/attachments/1").put("forwardToKigali", "false");

        assertThat(pointers(validate(dossier))).containsExactly("/attachments/1/forwardToKigali");
    }
}
