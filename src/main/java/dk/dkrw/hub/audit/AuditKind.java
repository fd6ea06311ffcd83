package dk.dkrw.hub.audit;

/** The steps the audit chain records. Names are stored; never rename one. */
public enum AuditKind {
    DOSSIER_ACCEPTED,
    DOSSIER_DUPLICATE,
    DOSSIER_REJECTED,
    EVENT_ACCEPTED,
    EVENT_DUPLICATE,
    EVENT_REJECTED,
    EVENT_DELIVERED,
    EVENT_DELIVERY_RETRY,
    ATTACHMENT_STORED,
    ATTACHMENT_REJECTED,
    CASE_FORWARDED,
    CASE_PULLED,
    CASE_ATTACHMENT_PULLED,
    CASE_ACKNOWLEDGED,
    DEAD_LETTERED
}
