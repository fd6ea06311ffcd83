package dk.dkrw.hub.ops;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A dossier's journey as an operator reads it: its versions, its case's events and every audit step (of the
 * dossier, of its case and of its events) in chain order. Ids, states, codes, hashes and times only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DossierTrace(String dossierId, String caseId, String partyId, Integer latestVersion,
                           String lifecycleState, List<Version> versions, List<Event> events, List<Step> steps,
                           boolean truncated) {

    /** One accepted version and where it stands. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Version(int version, String channel, String sha256, String receivedAt, String status,
                          String statusAt) {
    }

    /** One case event from Kigali and its delivery to Denmark. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Event(String eventId, int sequence, String type, String receivedAt, String deliveryState,
                        int attempts, String nextAttemptAt, String deliveredAt) {
    }

    /** One audit chain entry. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(long seq, String at, String kind, String partyId, Integer version, String caseId,
                       String eventId, String sha256, String cause, String detail) {
    }
}
