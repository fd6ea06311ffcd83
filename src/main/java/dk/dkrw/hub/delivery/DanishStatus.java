package dk.dkrw.hub.delivery;

/**
 * The case status in the Danish status update (domain.md). {@link #UNCHANGED} is written out explicitly for the
 * event types that do not move the status (interviews, vulnerabilities, appeal decisions, reappearance), so the
 * receiver never has to infer "no change" from a missing element.
 */
public enum DanishStatus {
    IN_PROCESSING_RW,
    DECIDED,
    APPEALED,
    MISSING,
    WITHDRAWN,
    TRANSFERRED,
    CLOSED,
    UNCHANGED
}
