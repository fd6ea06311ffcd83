package dk.dkrw.hub.delivery;

import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.problem.Violation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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

    @Test
    void aThreadsValidatorAndParserCarryNothingOverFromARefusedDocumentToTheNext() {
        String valid = fixture("status-update-with-foreign-schema-location.xml");
        String invalid = fixture("status-update-three-violations.xml");
        List<Violation> first = schema.check(schema.parse(invalid));
        assertThat(first).isNotEmpty();
        for (int round = 0; round < 3; round++) {
            catchThrowableOfType(HubException.class, () -> schema.validate(invalid));
            catchThrowableOfType(HubException.class,
                    () -> schema.validate(fixture("status-update-with-external-entity.xml")));

            assertThat(schema.check(schema.parse(valid))).isEmpty();
        }
        assertThat(schema.check(schema.parse(invalid))).isEqualTo(first);
    }

    @Test
    void validatesFromManyThreadsAtOnce() throws Exception {
        String valid = fixture("status-update-with-foreign-schema-location.xml");
        String invalid = fixture("status-update-three-violations.xml");
        List<Violation> expected = StatusUpdateSchema.load().check(schema.parse(invalid));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Violation>>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String xml = i % 2 == 0 ? valid : invalid;
                results.add(pool.submit(() -> schema.check(schema.parse(xml))));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get(30, TimeUnit.SECONDS)).as("document %d", i)
                        .isEqualTo(i % 2 == 0 ? List.of() : expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String fixture(String name) {
        try (InputStream in = StatusUpdateSchemaTest.class.getResourceAsStream("/delivery/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
