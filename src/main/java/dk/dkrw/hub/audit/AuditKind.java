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
    DEAD_LETTERED,
    DEAD_LETTER_REPLAYED,
    DEAD_LETTER_DISCARDED,
    /** An operator signed in to the console (form login); party {@code operator:<name>}. */
    OPERATOR_LOGIN,
    /** A console sign-in was refused; the name typed is not recorded (it may be anything). */
    OPERATOR_LOGIN_FAILED,
    /** The hub signed a checkpoint of the chain head; subject = SHA-256 of the signature. */
    AUDIT_CHECKPOINT
}
