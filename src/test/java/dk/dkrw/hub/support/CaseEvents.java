package dk.dkrw.hub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Cases and case events for the north-flow tests: a real case (a fresh dossier pushed by dk-dis and published
 * to the feed) and events made from the committed samples with a new eventId, the case's id and a sequence.
 */
public final class CaseEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path VALID = Samples.DIR.resolve("events/valid");
    /** A ten-event lifecycle: the sample sequence 01..09 ending in CASE_CLOSED, then REAPPEARED. */
    public static final List<String> LIFECYCLE = List.of("01-received.json", "02-registered.json",
            "03-interview-scheduled.json", "04-interview-held.json", "05-vulnerability-identified.json",
            "06-decision-refused.json", "07-appeal-lodged.json", "08-appeal-decided.json", "09-case-closed.json",
            "other-reappeared.json");

    private CaseEvents() {
    }

    /** Pushes a fresh dossier as dk-dis and waits until its case is in the Kigali feed; returns the caseId. */
    public static String newCase(PartnerClient agency, PartnerClient kigali) {
        byte[] dossier = Dossiers.withNewId(Samples.validDossier("edge-single-name.json"));
        HttpResponse<byte[]> accepted = agency.postDossier(dossier, DevPki.signer("dk-dis").signBase64(dossier));
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("dossier not accepted: " + accepted.statusCode());
        }
        String caseId = Dossiers.read(accepted.body()).path("caseId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> kigali.get("/api/v1/cases/" + caseId).statusCode() == 200);
        return caseId;
    }

    /** The sample {@code file} as an event of {@code caseId} with {@code sequence} and a new eventId. */
    public static byte[] event(String file, String caseId, int sequence) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(VALID.resolve(file).toFile());
            event.put("eventId", UUID.randomUUID().toString());
            event.put("caseId", caseId);
            event.put("sequence", sequence);
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code count} lifecycle events of a case, sequences 1..count. */
    public static List<byte[]> lifecycle(String caseId, int count) {
        List<byte[]> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(event(LIFECYCLE.get(i), caseId, i + 1));
        }
        return events;
    }

    public static String eventId(byte[] event) {
        return read(event).path("eventId").asText();
    }

    public static HttpResponse<byte[]> post(PartnerClient kigali, String caseId, byte[] event) {
        return post(kigali, caseId, event, DevPki.signer("rw-kigali-office").signBase64(event));
    }

    public static HttpResponse<byte[]> post(PartnerClient client, String caseId, byte[] event, String signature) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(client.base() + "/api/v1/cases/" + caseId + "/events"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(event));
        if (signature != null) {
            request.header("X-Event-Signature", signature);
        }
        return client.send(request.build());
    }

    private static JsonNode read(byte[] json) {
        return Dossiers.read(json);
    }
}
