package dk.dkrw.hub.transform;

import java.time.Instant;
import java.util.Objects;

/**
 * What the hub knows about a case beyond the dossier itself: its own case id (stable across dossier versions),
 * the version being forwarded, when it becomes available to Kigali, and its provenance.
 */
public record CaseContext(String caseId, int version, Instant availableAt, Provenance provenance) {

    public CaseContext {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(availableAt, "availableAt");
        Objects.requireNonNull(provenance, "provenance");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
    }
}
