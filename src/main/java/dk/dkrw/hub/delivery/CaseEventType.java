package dk.dkrw.hub.delivery;

import java.util.Optional;

/** The rw-case-event/1 types and the Danish status each one reports (domain.md, "Danish status update"). */
public enum CaseEventType {
    RECEIVED(DanishStatus.IN_PROCESSING_RW),
    REGISTERED(DanishStatus.IN_PROCESSING_RW),
    INTERVIEW_SCHEDULED(DanishStatus.UNCHANGED),
    INTERVIEW_HELD(DanishStatus.UNCHANGED),
    INTERVIEW_NO_SHOW(DanishStatus.UNCHANGED),
    VULNERABILITY_IDENTIFIED(DanishStatus.UNCHANGED),
    DECISION(DanishStatus.DECIDED),
    APPEAL_LODGED(DanishStatus.APPEALED),
    /** The appeal's outcome travels in the Appeal details; whether it reopens the case is Denmark's call. */
    APPEAL_DECIDED(DanishStatus.UNCHANGED),
    WITHDRAWN(DanishStatus.WITHDRAWN),
    ABSCONDED(DanishStatus.MISSING),
    /** The status the case had before it went missing is Denmark's to restore; the hub does not track it. */
    REAPPEARED(DanishStatus.UNCHANGED),
    TRANSFERRED(DanishStatus.TRANSFERRED),
    CASE_CLOSED(DanishStatus.CLOSED);

    private final DanishStatus status;

    CaseEventType(DanishStatus status) {
        this.status = status;
    }

    public DanishStatus status() {
        return status;
    }

    /** The type named {@code name}, or empty for anything else (never throws on unknown text). */
    public static Optional<CaseEventType> of(String name) {
        for (CaseEventType type : values()) {
            if (type.name().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
