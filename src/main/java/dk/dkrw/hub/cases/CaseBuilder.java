package dk.dkrw.hub.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.dkrw.hub.audit.AuditKind;
import dk.dkrw.hub.audit.AuditRecord;
import dk.dkrw.hub.dossier.DossierStatus;
import dk.dkrw.hub.dossier.DossierStore;
import dk.dkrw.hub.dossier.DossierStore.SignedVersion;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.problem.Violation;
import dk.dkrw.hub.signature.CmsSigner;
import dk.dkrw.hub.storage.GroupCommitter;
import dk.dkrw.hub.transform.CaseContext;
import dk.dkrw.hub.transform.DossierToCaseMapper;
import dk.dkrw.hub.transform.Provenance;
import dk.dkrw.hub.validation.JsonSchemaCheck;
import dk.dkrw.hub.validation.StrictJsonReader;
import dk.dkrw.hub.signature.Sha256;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The case stage: turns an accepted dossier version into the minimised, hub-signed rw-case/1 and publishes it
 * to the Kigali feed. Idempotent: a version already published (or superseded) is skipped, so a redelivered
 * message never creates a second feed entry.
 */
@Component
public class CaseBuilder {

    /** Statuses a version may be forwarded from (see {@link #alreadyPublished}). */
    private static final Set<DossierStatus> FORWARDABLE = EnumSet.of(DossierStatus.RECEIVED, DossierStatus.FAILED);

    private final DossierStore dossiers;
    private final CaseStore cases;
    private final GroupCommitter committer;
    private final DossierToCaseMapper mapper;
    private final JsonSchemaCheck caseSchema;
    private final StrictJsonReader reader;
    private final CmsSigner hubSigner;
    private final ObjectMapper json;
    private final Clock clock;

    public CaseBuilder(DossierStore dossiers, CaseStore cases, GroupCommitter committer,
                       DossierToCaseMapper mapper, @Qualifier("caseSchema") JsonSchemaCheck caseSchema,
                       StrictJsonReader reader, CmsSigner hubSigner, ObjectMapper json, Clock clock) {
        this.dossiers = dossiers;
        this.cases = cases;
        this.committer = committer;
        this.mapper = mapper;
        this.caseSchema = caseSchema;
        this.reader = reader;
        this.hubSigner = hubSigner;
        this.json = json;
        this.clock = clock;
    }

    /** Consumes one claim-check message {@code {dossierId, version, caseId}}. */
    public void build(String message) throws JsonProcessingException {
        JsonNode claim = json.readTree(message);
        String dossierId = claim.path("dossierId").asText();
        int version = claim.path("version").asInt();
        if (alreadyPublished(dossierId, version)) {
            return;
        }
        SignedVersion signed = dossiers.findSigned(dossierId, version).orElseThrow(() -> new HubException(
                ProblemCode.NOT_FOUND, "accepted dossier " + dossierId + " version " + version + " not stored"));
        Instant availableAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ObjectNode rwCase = mapper.map(reader.readObject(signed.body()), new CaseContext(signed.caseId(), version,
                availableAt, new Provenance(signed.sha256(), signed.partyId(), signed.signerFingerprint(),
                        signed.signingTime(), signed.receiptId())));
        List<Violation> violations = caseSchema.check(rwCase);
        if (!violations.isEmpty()) {
            throw new HubException(ProblemCode.VALIDATION_FAILED, "mapped case violates rw-case/1 at "
                    + violations.get(0).pointer(), violations);
        }
        byte[] body = json.writeValueAsString(rwCase).getBytes(StandardCharsets.UTF_8);
        CaseStore.StoredCase stored = new CaseStore.StoredCase(signed.caseId(), dossierId, version, body,
                Sha256.hex(body), hubSigner.sign(body), availableAt, 0);
        List<CaseStore.CaseAttachment> attachments = attachments(rwCase);
        committer.commit(tx -> {
            var current = cases.find(tx.jdbc(), signed.caseId());
            if (current.isPresent() && current.get().version() >= version) {
                return null;
            }
            cases.publish(tx.jdbc(), stored, attachments);
            dossiers.advanceStatus(tx.jdbc(), dossierId, version, FORWARDABLE, DossierStatus.FORWARDED,
                    availableAt);
            tx.audit(AuditRecord.of(AuditKind.CASE_FORWARDED, availableAt).party(signed.partyId())
                    .dossier(dossierId, version).caseId(signed.caseId()).sha256(stored.sha256()).build());
            return null;
        });
    }

    /**
     * RECEIVED is the normal case. FAILED means an operator replayed the version's dead letter and this message
     * overtook the replay's own commit (which moves FAILED back to RECEIVED right after the broker send): it is
     * published all the same, and the replay's reset then finds nothing left to reset.
     */
    private boolean alreadyPublished(String dossierId, int version) {
        return dossiers.findVersion(dossierId, version).map(v -> !FORWARDABLE.contains(v.status())).orElse(false);
    }

    private static List<CaseStore.CaseAttachment> attachments(ObjectNode rwCase) {
        List<CaseStore.CaseAttachment> list = new ArrayList<>();
        for (JsonNode a : rwCase.path("attachments")) {
            list.add(new CaseStore.CaseAttachment(a.path("attachmentId").asText(), a.path("sha256").asText(),
                    a.path("sizeBytes").asLong(), a.path("mediaType").asText()));
        }
        return list;
    }
}
