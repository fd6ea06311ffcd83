package dk.dkrw.hub.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dk.dkrw.hub.delivery.DeliveryFixtures.DK_CASE_NO;
import static dk.dkrw.hub.delivery.DeliveryFixtures.RECORD;
import static dk.dkrw.hub.delivery.DeliveryFixtures.UDL_NR;
import static dk.dkrw.hub.delivery.DeliveryFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EventToStatusUpdateMapperTest {

    private static final StatusUpdateSchema SCHEMA = StatusUpdateSchema.load();
    private final EventToStatusUpdateMapper mapper = new EventToStatusUpdateMapper();

    private static final Map<CaseEventType, DanishStatus> STATUS = Map.ofEntries(
            Map.entry(CaseEventType.RECEIVED, DanishStatus.IN_PROCESSING_RW),
            Map.entry(CaseEventType.REGISTERED, DanishStatus.IN_PROCESSING_RW),
            Map.entry(CaseEventType.INTERVIEW_SCHEDULED, DanishStatus.UNCHANGED),
            Map.entry(CaseEventType.INTERVIEW_HELD, DanishStatus.UNCHANGED),
            Map.entry(CaseEventType.INTERVIEW_NO_SHOW, DanishStatus.UNCHANGED),
            Map.entry(CaseEventType.VULNERABILITY_IDENTIFIED, DanishStatus.UNCHANGED),
            Map.entry(CaseEventType.DECISION, DanishStatus.DECIDED),
            Map.entry(CaseEventType.APPEAL_LODGED, DanishStatus.APPEALED),
            Map.entry(CaseEventType.APPEAL_DECIDED, DanishStatus.UNCHANGED),
            Map.entry(CaseEventType.WITHDRAWN, DanishStatus.WITHDRAWN),
            Map.entry(CaseEventType.ABSCONDED, DanishStatus.MISSING),
            Map.entry(CaseEventType.REAPPEARED, DanishStatus.UNCHANGED),
            Map.entry(CaseEventType.TRANSFERRED, DanishStatus.TRANSFERRED),
            Map.entry(CaseEventType.CASE_CLOSED, DanishStatus.CLOSED));

    private static final Map<CaseEventType, String> DETAIL = Map.ofEntries(
            Map.entry(CaseEventType.RECEIVED, "Reception"),
            Map.entry(CaseEventType.REGISTERED, "Registration"),
            Map.entry(CaseEventType.INTERVIEW_SCHEDULED, "Interview"),
            Map.entry(CaseEventType.INTERVIEW_HELD, "Interview"),
            Map.entry(CaseEventType.INTERVIEW_NO_SHOW, "Interview"),
            Map.entry(CaseEventType.VULNERABILITY_IDENTIFIED, "Vulnerabilities"),
            Map.entry(CaseEventType.DECISION, "Decision"),
            Map.entry(CaseEventType.APPEAL_LODGED, "Appeal"),
            Map.entry(CaseEventType.APPEAL_DECIDED, "Appeal"),
            Map.entry(CaseEventType.WITHDRAWN, "Withdrawal"),
            Map.entry(CaseEventType.ABSCONDED, "Absconding"),
            Map.entry(CaseEventType.TRANSFERRED, "Transfer"),
            Map.entry(CaseEventType.CASE_CLOSED, "Closure"));

    @ParameterizedTest
    @EnumSource(CaseEventType.class)
    void mapsEveryEventTypeToSchemaValidXmlWithItsStatus(CaseEventType type) {
        JsonNode caseEvent = event(type);

        Document xml = SCHEMA.parseValid(mapper.map(caseEvent, RECORD));

        Element root = xml.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("StatusUpdate");
        assertThat(root.getNamespaceURI()).isEqualTo("urn:dkrw-hub:dk-status-update:1");
        assertThat(text(root, "statusUpdateId")).isEqualTo(caseEvent.get("eventId").asText());
        assertThat(text(root, "caseId")).isEqualTo(DeliveryFixtures.CASE_ID);
        assertThat(text(root, "sequence")).isEqualTo(caseEvent.get("sequence").asText());
        assertThat(text(root, "eventType")).isEqualTo(type.name());
        assertThat(text(root, "status")).isEqualTo(STATUS.get(type).name());
        assertThat(text(root, "occurredAt")).isEqualTo(caseEvent.get("occurredAt").asText());
        assertThat(text(root, "recordedAt")).isEqualTo(caseEvent.get("recordedAt").asText());
        List<String> details = childNames(root).subList(9, childNames(root).size());
        assertThat(details).containsExactlyElementsOf(
                DETAIL.containsKey(type) ? List.of(DETAIL.get(type)) : List.of());
    }

    @Test
    void takesCaseNumbersFromTheRecordEvenWhenTheEventCarriesOthers() {
        String xml = mapper.map(event("event-decision-with-foreign-case-numbers.json"), RECORD);

        Element root = SCHEMA.parseValid(xml).getDocumentElement();
        assertThat(text(root, "dkCaseNo")).isEqualTo(DK_CASE_NO);
        assertThat(text(root, "udlNr")).isEqualTo(UDL_NR);
        assertThat(xml).doesNotContain("FOREIGN");
    }

    @Test
    void writesInterviewDetailsWithNoShowFlagPerType() {
        Element held = detail(CaseEventType.INTERVIEW_HELD);
        Element noShow = detail(CaseEventType.INTERVIEW_NO_SHOW);
        Element scheduled = detail(CaseEventType.INTERVIEW_SCHEDULED);

        assertThat(childNames(held)).containsExactly("interviewType", "heldAt", "interpreterUsed", "durationMin",
                "recordRef", "noShow");
        assertThat(text(held, "noShow")).isEqualTo("false");
        assertThat(text(held, "durationMin")).isEqualTo("185");
        assertThat(text(noShow, "noShow")).isEqualTo("true");
        assertThat(childNames(scheduled)).containsExactly("interviewType", "scheduledAt", "language");
    }

    @Test
    void writesDecisionAndAppealDetails() {
        Element decision = detail(CaseEventType.DECISION);
        Element lodged = detail(CaseEventType.APPEAL_LODGED);
        Element decided = detail(CaseEventType.APPEAL_DECIDED);

        assertThat(text(decision, "outcome")).isEqualTo("REFUSED");
        assertThat(text(decision, "legalBasis")).isEqualTo("UDL_7_1");
        assertThat(childNames(lodged)).containsExactly("appealBody", "lodgedAt");
        assertThat(childNames(decided)).containsExactly("appealBody", "outcome", "decidedAt");
    }

    @Test
    void listsEveryVulnerabilityCode() {
        assertThat(childNames(detail(CaseEventType.VULNERABILITY_IDENTIFIED))).containsExactly("code", "code");
    }

    @Test
    void normalisesInstantsToUtcAndEscapesMarkupInText() {
        String xml = mapper.map(event("event-received-with-offsets-and-markup.json"), RECORD);

        Element root = SCHEMA.parseValid(xml).getDocumentElement();
        assertThat(text(root, "occurredAt")).isEqualTo("2026-03-02T08:15:00Z");
        Element reception = child(root, "Reception");
        assertThat(text(reception, "arrivalAt")).isEqualTo("2026-03-02T08:15:00.500Z");
        assertThat(text(reception, "receptionSite")).isEqualTo("Gashora <Block A> & \"Annex\"");
        assertThat(xml).contains("&lt;Block A&gt; &amp;");
    }

    @Nested
    class Refuses {

        @Test
        void anEventOfAnotherCaseThanTheRecord() {
            DanishCaseRecord other = new DanishCaseRecord("0a0a0a0a-0000-4000-8000-000000000000", DK_CASE_NO, UDL_NR);

            HubException failure = catchThrowableOfType(HubException.class,
                    () -> mapper.map(event(CaseEventType.DECISION), other));

            assertThat(failure.code()).isEqualTo(ProblemCode.INTERNAL_ERROR);
            assertThat(failure.detail()).doesNotContain(DK_CASE_NO).doesNotContain(UDL_NR);
        }

        @Test
        void anEventLackingATypeSpecificFieldNamingTheFieldOnly() {
            HubException failure = catchThrowableOfType(HubException.class,
                    () -> mapper.map(event("event-decision-missing-legal-basis.json"), RECORD));

            assertThat(failure.code()).isEqualTo(ProblemCode.VALIDATION_FAILED);
            assertThat(failure.detail()).contains("legalBasis").contains("3f2a0000-0000-4000-8000-000000000007");
        }

        @Test
        void anUnknownEventType() {
            assertThatThrownBy(() -> mapper.map(event("event-unknown-type.json"), RECORD))
                    .isInstanceOfSatisfying(HubException.class, e -> {
                        assertThat(e.code()).isEqualTo(ProblemCode.VALIDATION_FAILED);
                        assertThat(e.detail()).doesNotContain("MOON");
                    });
        }

        @Test
        void textThatXmlCannotCarry() {
            ObjectNode caseEvent = (ObjectNode) event(CaseEventType.RECEIVED);
            caseEvent.put("receptionSite", "Gashora\u0001");

            assertThatThrownBy(() -> mapper.map(caseEvent, RECORD))
                    .isInstanceOfSatisfying(HubException.class,
                            e -> assertThat(e.code()).isEqualTo(ProblemCode.VALIDATION_FAILED));
        }

        @Test
        void nothingButTheSchemaCatchesAValueOffItsPatternAndTheViolationHidesTheValue() {
            String xml = mapper.map(event("event-decision-legal-basis-off-pattern.json"), RECORD);

            HubException failure = catchThrowableOfType(HubException.class, () -> SCHEMA.validate(xml));

            assertThat(failure.code()).isEqualTo(ProblemCode.VALIDATION_FAILED);
            assertThat(failure.violations()).isNotEmpty().allSatisfy(violation -> {
                assertThat(violation.pointer()).isEqualTo("/StatusUpdate/Decision/legalBasis");
                assertThat(violation.message()).startsWith("cvc-").doesNotContain("Hamid");
            });
        }
    }

    private Element detail(CaseEventType type) {
        Element root = SCHEMA.parseValid(mapper.map(event(type), RECORD)).getDocumentElement();
        return child(root, DETAIL.get(type));
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())) {
                return element;
            }
        }
        throw new AssertionError("no element " + name);
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent();
    }

    private static List<String> childNames(Element parent) {
        List<String> names = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                names.add(element.getLocalName());
            }
        }
        return names;
    }
}
