package dk.dkrw.hub.delivery;

import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.problem.Violation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StatusUpdateSchemaTest {

    private final StatusUpdateSchema schema = StatusUpdateSchema.load();

    @Test
    void refusesADoctypeSoNoEntityIsEverResolved() {
        HubException failure = catchThrowableOfType(HubException.class,
                () -> schema.validate(fixture("status-update-with-external-entity.xml")));

        assertThat(failure.code()).isEqualTo(ProblemCode.VALIDATION_FAILED);
        assertThat(failure.detail()).isEqualTo("status update message is not well-formed XML");
    }

    @Test
    void reportsEveryViolationWithItsElementPathAndRuleButNeverTheValue() {
        HubException failure = catchThrowableOfType(HubException.class,
                () -> schema.validate(fixture("status-update-three-violations.xml")));

        assertThat(failure.violations()).extracting(Violation::pointer).contains(
                "/StatusUpdate/dkCaseNo", "/StatusUpdate/sequence", "/StatusUpdate/occurredAt");
        assertThat(failure.violations()).allSatisfy(violation ->
                assertThat(violation.message()).startsWith("cvc-").doesNotContain("HAMID").doesNotContain("02:00"));
    }

    @Test
    void ignoresASchemaLocationNamedInTheDocument() {
        schema.validate(fixture("status-update-with-foreign-schema-location.xml"));
    }

    @Test
    void allowsOneDetailElementOnly() {
        HubException failure = catchThrowableOfType(HubException.class,
                () -> schema.validate(fixture("status-update-detail-of-another-type.xml")));

        assertThat(failure.violations()).hasSize(1);
    }

    @Test
    void acceptsTheAcknowledgementsTheDanishSideSends() {
        String ack = SoapResponses.ack("3f2a0000-0000-4000-8000-000000000011", true, false);
        String body = ack.substring(ack.indexOf("<su:StatusUpdateAck"), ack.indexOf("</env:Body>"));

        assertThat(schema.check(schema.parse(body))).isEmpty();
        assertThat(schema.check(schema.parse(body.replace(">true<", ">yes<")))).isNotEmpty();
    }

    private static String fixture(String name) {
        try (InputStream in = StatusUpdateSchemaTest.class.getResourceAsStream("/delivery/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
