package dk.dkrw.hub.cases;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dkrw.hub.audit.AuditKind;
import dk.dkrw.hub.audit.AuditRecord;
import dk.dkrw.hub.event.EventIdentity;
import dk.dkrw.hub.intake.Channel;
import dk.dkrw.hub.intake.SignedDocument;
import dk.dkrw.hub.party.Party;
import dk.dkrw.hub.party.Permission;
import dk.dkrw.hub.problem.SafeIds;

import java.time.Instant;

/** One case event from Kigali on its way through the {@code event-intake} route. */
public final class EventSubmission extends SignedDocument {

    private final String pathCaseId;
    private EventIdentity identity;
    private EventOutcome outcome;

    public EventSubmission(Party transportParty, String pathCaseId, byte[] body, String signatureHeader,
                           Instant receivedAt, String sha256) {
        super(Channel.REST, transportParty, body, signatureHeader, receivedAt, sha256);
        this.pathCaseId = pathCaseId;
    }

    @Override
    public Permission requiredPermission() {
        return Permission.EVENT_SUBMIT;
    }

    @Override
    public AuditRecord.Builder rejectionRecord() {
        String eventId = identity != null && SafeIds.isUuid(identity.eventId()) ? identity.eventId() : null;
        return AuditRecord.of(AuditKind.EVENT_REJECTED, receivedAt())
                .caseId(SafeIds.isUuid(pathCaseId) ? pathCaseId : null).event(eventId);
    }

    /** The case the request path names (the event's own caseId must equal it). */
    public String pathCaseId() {
        return pathCaseId;
    }

    public EventIdentity identity() {
        return identity;
    }

    void parsed(JsonNode event, EventIdentity eventIdentity) {
        parsed(event);
        this.identity = eventIdentity;
    }

    public EventOutcome outcome() {
        return outcome;
    }

    void outcome(EventOutcome result) {
        this.outcome = result;
    }

    /** True once an earlier step settled the answer (the same eventId seen before). */
    public boolean isSettled() {
        return outcome != null;
    }
}
