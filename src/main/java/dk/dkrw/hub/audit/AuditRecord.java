package dk.dkrw.hub.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One step to record. Holds ids, party, codes and hashes only: {@code detail} is free text for codes and counts
 * and must never carry personal data.
 */
public record AuditRecord(Instant at, AuditKind kind, String partyId, String dossierId, Integer version,
                          String caseId, String eventId, String subjectSha256, String cause, String detail) {

    /** Databases keep microseconds; the hash must cover exactly what is stored. */
    public AuditRecord {
        at = at.truncatedTo(ChronoUnit.MICROS);
    }

    public static Builder of(AuditKind kind, Instant at) {
        return new Builder(kind, at);
    }

    /** Fluent construction; only the fields a step knows are set. */
    public static final class Builder {
        private final AuditKind kind;
        private final Instant at;
        private String partyId;
        private String dossierId;
        private Integer version;
        private String caseId;
        private String eventId;
        private String subjectSha256;
        private String cause;
        private String detail;

        private Builder(AuditKind kind, Instant at) {
            this.kind = kind;
            this.at = at;
        }

        public Builder party(String value) {
            this.partyId = value;
            return this;
        }

        public Builder dossier(String id, Integer dossierVersion) {
            this.dossierId = id;
            this.version = dossierVersion;
            return this;
        }

        public Builder caseId(String value) {
            this.caseId = value;
            return this;
        }

        public Builder event(String value) {
            this.eventId = value;
            return this;
        }

        public Builder sha256(String value) {
            this.subjectSha256 = value;
            return this;
        }

        public Builder cause(String value) {
            this.cause = value;
            return this;
        }

        public Builder detail(String value) {
            this.detail = value == null || value.length() <= 256 ? value : value.substring(0, 256);
            return this;
        }

        public AuditRecord build() {
            return new AuditRecord(at, kind, partyId, dossierId, version, caseId, eventId, subjectSha256, cause,
                    detail);
        }
    }
}
