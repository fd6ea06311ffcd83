package dk.dkrw.hub.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.dkrw.hub.signature.CmsSigner;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Builds and signs receipts: {@code receiptId, dossierId, version, sha256, receivedAt, caseId}. */
@Component
public class ReceiptIssuer {

    private final ObjectMapper mapper;
    private final CmsSigner hubSigner;

    public ReceiptIssuer(ObjectMapper mapper, CmsSigner hubSigner) {
        this.mapper = mapper;
        this.hubSigner = hubSigner;
    }

    public Receipt issue(String dossierId, int version, String sha256, Instant receivedAt, String caseId) {
        String receiptId = UUID.randomUUID().toString();
        ObjectNode receipt = mapper.createObjectNode()
                .put("receiptId", receiptId)
                .put("dossierId", dossierId)
                .put("version", version)
                .put("sha256", sha256)
                .put("receivedAt", receivedAt.truncatedTo(ChronoUnit.MILLIS).toString())
                .put("caseId", caseId);
        try {
            byte[] body = mapper.writeValueAsBytes(receipt);
            return new Receipt(receiptId, body, hubSigner.signBase64(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("receipt could not be serialised", e);
        }
    }
}
