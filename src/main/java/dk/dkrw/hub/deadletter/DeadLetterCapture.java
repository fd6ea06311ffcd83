package dk.dkrw.hub.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dkrw.hub.audit.AuditKind;
import dk.dkrw.hub.audit.AuditRecord;
import dk.dkrw.hub.dossier.DossierStatus;
import dk.dkrw.hub.dossier.DossierStore;
import dk.dkrw.hub.problem.SafeIds;
import dk.dkrw.hub.storage.GroupCommitter;
import dk.dkrw.hub.storage.Tx;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Consumes the broker's dead-letter queues and keeps each message durably as an operator-visible dead letter
 * (route, cause, attempts, first and last failure), marks the dossier version it concerns FAILED and records
 * the step in the audit chain. Idempotent on the message key: a redelivered dead letter is stored once.
 */
@Component
public class DeadLetterCapture {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterCapture.class);

    private final GroupCommitter committer;
    private final DossierStore dossiers;
    private final ObjectMapper json;
    private final Clock clock;

    public DeadLetterCapture(GroupCommitter committer, DossierStore dossiers, ObjectMapper json, Clock clock) {
        this.committer = committer;
        this.dossiers = dossiers;
        this.json = json;
        this.clock = clock;
    }

    public void capture(@Body String body, @Header(DeliveryFailures.MESSAGE_KEY) String key,
                        @Header("_AMQ_ORIG_QUEUE") String originalQueue, @Header("JMSXGroupID") String groupId) {
        String messageKey = key == null ? "unkeyed" : key;
        Ids ids = ids(body);
        Instant now = Instant.now(clock);
        committer.commit(tx -> {
            if (alreadyCaptured(tx, messageKey)) {
                return null;
            }
            Failure failure = failure(tx, messageKey, now);
            tx.jdbc().update("""
                            insert into dead_letter (queue, route, message_key, group_id, body, dossier_id, version,
                                case_id, event_id, cause_code, cause_text, attempts, first_failure_at,
                                last_failure_at, state)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')""",
                    originalQueue == null ? "unknown" : originalQueue, failure.route(), messageKey, groupId, body,
                    ids.dossierId(), ids.version(), ids.caseId(), ids.eventId(), failure.code(), failure.text(),
                    failure.attempts(), Timestamp.from(failure.first()), Timestamp.from(failure.last()));
            tx.jdbc().update("delete from delivery_failure where message_key = ?", messageKey);
            if (ids.dossierId() != null && ids.version() != null && ids.eventId() == null) {
                dossiers.advanceStatus(tx.jdbc(), ids.dossierId(), ids.version(), DossierStatus.RECEIVED,
                        DossierStatus.FAILED, now);
            }
            tx.audit(AuditRecord.of(AuditKind.DEAD_LETTERED, now).dossier(ids.dossierId(), ids.version())
                    .caseId(ids.caseId()).event(ids.eventId()).cause(failure.code())
                    .detail("route " + failure.route() + ", " + failure.attempts() + " attempts").build());
            return null;
        });
        log.warn("message {} dead-lettered from {}", messageKey, originalQueue);
    }

    private static boolean alreadyCaptured(Tx tx, String messageKey) {
        return !tx.jdbc().queryForList("select id from dead_letter where message_key = ? and state = 'OPEN'",
                Long.class, messageKey).isEmpty();
    }

    private static Failure failure(Tx tx, String messageKey, Instant now) {
        List<Failure> recorded = tx.jdbc().query("select route, cause_code, cause_text, attempts, "
                        + "first_failure_at, last_failure_at from delivery_failure where message_key = ?",
                (rs, row) -> new Failure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant()), messageKey);
        return recorded.isEmpty()
                ? new Failure("unknown", "internal-error", "no failure was recorded for this message", 0, now, now)
                : recorded.get(0);
    }

    private Ids ids(String body) {
        try {
            JsonNode node = json.readTree(body);
            return new Ids(text(node, "dossierId"), node.path("version").isInt() ? node.path("version").asInt() : null,
                    text(node, "caseId"), text(node, "eventId"));
        } catch (IOException | RuntimeException e) {
            return new Ids(null, null, null, null);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && SafeIds.isUuid(value.asText()) ? value.asText() : null;
    }

    private record Ids(String dossierId, Integer version, String caseId, String eventId) {
    }

    private record Failure(String route, String code, String text, int attempts, Instant first, Instant last) {
    }
}
