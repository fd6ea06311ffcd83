package dk.dkrw.hub.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.dkrw.hub.signature.CmsSigner;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Builds and signs receipts: a fresh {@code receiptId} followed by the fields naming what was received, as
 * the exact JSON bytes sent and the hub's detached CMS signature over them.
 */
@Component
public class ReceiptIssuer {

    private final ObjectMapper mapper;
    private final CmsSigner hubSigner;

    public ReceiptIssuer(ObjectMapper mapper, CmsSigner hubSigner) {
        this.mapper = mapper;
        this.hubSigner = hubSigner;
    }

    /** {@code receiptId, dossierId, version, sha256, receivedAt, caseId} (contract: dossier receipts). */
    public Receipt forDossier(String dossierId, int version, String sha256, Instant receivedAt, String caseId) {
        return issue(mapper.createObjectNode()
                .put("dossierId", dossierId)
                .put("version", version)
                .put("sha256", sha256)
                .put("receivedAt", instant(receivedAt))
                .put("caseId", caseId));
    }

    /** {@code receiptId, eventId, caseId, sequence, sha256, receivedAt} for a case event. */
    public Receipt forEvent(String eventId, String caseId, int sequence, String sha256, Instant receivedAt) {
        return issue(mapper.createObjectNode()
                .put("eventId", eventId)
                .put("caseId", caseId)
                .put("sequence", sequence)
                .put("sha256", sha256)
                .put("receivedAt", instant(receivedAt)));
    }

    private Receipt issue(ObjectNode subject) {
        String receiptId = UUID.randomUUID().toString();
        ObjectNode receipt = mapper.createObjectNode().put("receiptId", receiptId);
        receipt.setAll(subject);
        try {
            byte[] body = mapper.writeValueAsBytes(receipt);
            return new Receipt(receiptId, body, hubSigner.signBase64(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("receipt could not be serialised", e);
        }
    }

    private static String instant(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
