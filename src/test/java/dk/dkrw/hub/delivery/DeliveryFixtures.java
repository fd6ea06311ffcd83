package dk.dkrw.hub.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Case events under {@code src/test/resources/delivery/} and the Danish record of their case. */
final class DeliveryFixtures {

    static final String CASE_ID = "7d1e3c52-0f4b-4c1e-9a3e-2b6f8d9c0a11";
    static final String DK_CASE_NO = "DK-2026-004711";
    static final String UDL_NR = "8812-0034-7";
    static final DanishCaseRecord RECORD = new DanishCaseRecord(CASE_ID, DK_CASE_NO, UDL_NR);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventToStatusUpdateMapper MAPPER = new EventToStatusUpdateMapper();

    private DeliveryFixtures() {
    }

    /** The fixture of one event type, e.g. INTERVIEW_NO_SHOW reads event-interview-no-show.json. */
    static JsonNode event(CaseEventType type) {
        return event("event-" + type.name().toLowerCase().replace('_', '-') + ".json");
    }

    static JsonNode event(String fileName) {
        try (InputStream in = DeliveryFixtures.class.getResourceAsStream("/delivery/" + fileName)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + fileName);
            }
            return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status-update XML for the fixture of {@code type}, and its id. */
    static String statusUpdate(CaseEventType type) {
        return MAPPER.map(event(type), RECORD);
    }

    static String eventId(CaseEventType type) {
        return event(type).get("eventId").asText();
    }
}
