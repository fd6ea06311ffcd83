package dk.dkrw.hub.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dkrw.hub.audit.AuditKind;
import dk.dkrw.hub.audit.AuditRecord;
import dk.dkrw.hub.cases.CaseEventAcceptance;
import dk.dkrw.hub.deadletter.DeliveryFailures;
import dk.dkrw.hub.deadletter.FailureCause;
import dk.dkrw.hub.outbox.MessageSender;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.storage.GroupCommitter;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The steps of the {@code event-delivery} route. Order per case is kept by the database, not by luck: an event
 * is delivered only when the one before it in its case is delivered; until then it waits (rescheduled on the
 * broker, no attempt used), and if its predecessor was dead-lettered it follows it. Retries are scheduled
 * copies of the message (exponential backoff with jitter, bounded by attempts and total time), so a waiting
 * event holds no consumer and survives restarts in the broker's journal.
 */
@Component
public class EventDelivery {

    private static final Logger log = LoggerFactory.getLogger(EventDelivery.class);
    static final String ROUTE = "event-delivery";
    private static final Duration WAIT_STEP = Duration.ofMillis(250);

    private final EventDeliveryStore store;
    private final GroupCommitter committer;
    private final EventToStatusUpdateMapper mapper;
    private final StatusUpdateClient client;
    private final MessageSender sender;
    private final DeliveryPolicy policy;
    private final Duration breakerWait;
    private final ObjectMapper json;
    private final Clock clock;
    private final DanishEndpointMeters meters;

    public EventDelivery(EventDeliveryStore store, GroupCommitter committer, EventToStatusUpdateMapper mapper,
                         StatusUpdateClient client, MessageSender sender, DeliveryPolicy policy,
                         DeliverySettings settings, ObjectMapper json, Clock clock, DanishEndpointMeters meters) {
        this.store = store;
        this.committer = committer;
        this.mapper = mapper;
        this.client = client;
        this.sender = sender;
        this.policy = policy;
        this.breakerWait = settings.breakerWait();
        this.json = json;
        this.clock = clock;
        this.meters = meters;
    }

    /** Decides what to do with one claim {@code {eventId, caseId, sequence}}. */
    public DeliveryJob prepare(@Body String claim, @Header("hubReplayOf") String replayOf) throws IOException {
        JsonNode ids = json.readTree(claim);
        String eventId = ids.path("eventId").asText();
        EventDeliveryStore.Pending event = store.find(eventId).orElseThrow(() -> new HubException(
                ProblemCode.NOT_FOUND, "accepted event " + eventId + " is not stored"));
        if ("DEAD".equals(event.state()) && replayOf != null) {
            committer.commit(tx -> {
                store.reopen(tx.jdbc(), eventId);
                return null;
            });
            event = store.find(eventId).orElseThrow();
        }
        if (!"PENDING".equals(event.state())) {
            return job(event, DeliveryJob.Action.SKIP, null, null, claim);
        }
        if (event.sequence() > 1) {
            EventDeliveryStore.Predecessor before = store.predecessor(event.caseId(), event.sequence())
                    .orElse(new EventDeliveryStore.Predecessor("PENDING", null));
            if ("DEAD".equals(before.state())) {
                return job(event, DeliveryJob.Action.FOLLOW_PREDECESSOR, null, null, claim);
            }
            if (!"DELIVERED".equals(before.state())) {
                Instant now = clock.instant();
                Instant until = before.nextAttemptAt() != null && before.nextAttemptAt().isAfter(now)
                        ? before.nextAttemptAt().plus(WAIT_STEP) : now.plus(WAIT_STEP);
                return job(event, DeliveryJob.Action.WAIT, null, until, claim);
            }
        }
        String statusUpdate = mapper.map(json.readTree(event.body()),
                new DanishCaseRecord(event.caseId(), event.dkCaseNo(), event.udlNr()));
        return job(event, DeliveryJob.Action.DELIVER, statusUpdate, null, claim);
    }

    /** The call to Denmark; runs inside the circuit breaker. */
    public DeliveryResult send(@Body DeliveryJob job) {
        return client.deliver(job.statusUpdate(), job.eventId());
    }

    /** Denmark acknowledged (or recognised a duplicate): the event is delivered, once. */
    public void delivered(@ExchangeProperty("hubDeliveryJob") DeliveryJob job, @Body DeliveryResult result) {
        Instant now = clock.instant();
        int attempts = job.attempts() + 1;
        Instant first = job.firstAttemptAt() == null ? now : job.firstAttemptAt();
        committer.commit(tx -> {
            if (store.delivered(tx.jdbc(), job.eventId(), attempts, first, now) == 1) {
                tx.audit(AuditRecord.of(AuditKind.EVENT_DELIVERED, now).caseId(job.caseId()).event(job.eventId())
                        .detail("sequence " + job.sequence() + ", attempt " + attempts + ", "
                                + result.outcome()).build());
            }
            return null;
        });
        log.info("event {} of case {} (sequence {}) delivered to Denmark after {} attempt(s): {}", job.eventId(),
                job.caseId(), job.sequence(), attempts, result.outcome());
    }

    /** A failed call that may succeed later, a breaker that is open, or a predecessor still on its way. */
    public void retryLater(@ExchangeProperty("hubDeliveryJob") DeliveryJob job,
                           @ExchangeProperty("CamelExceptionCaught") Exception failure) {
        Instant now = clock.instant();
        if (job.action() == DeliveryJob.Action.WAIT) {
            sender.send(CaseEventAcceptance.ACCEPTED_QUEUE, job.claim(), job.key(), job.caseId(), job.waitUntil());
            return;
        }
        boolean called = !(failure instanceof CallNotPermittedException);
        int attempts = job.attempts() + (called ? 1 : 0);
        Instant first = job.firstAttemptAt() == null && called ? now : job.firstAttemptAt();
        FailureCause cause = FailureCause.of(failure);
        if (policy.exhausted(attempts, first, now)) {
            deadLetter(job, attempts, first, now, cause);
            return;
        }
        Duration delay = called ? policy.delayAfter(attempts, ThreadLocalRandom.current().nextDouble())
                : breakerWait.plus(policy.delayAfter(1, ThreadLocalRandom.current().nextDouble()));
        Instant next = now.plus(delay);
        committer.commit(tx -> {
            store.retryScheduled(tx.jdbc(), job.eventId(), attempts, first, next);
            if (called) {
                tx.audit(AuditRecord.of(AuditKind.EVENT_DELIVERY_RETRY, now).caseId(job.caseId())
                        .event(job.eventId()).cause(cause.code()).detail("attempt " + attempts).build());
            }
            return null;
        });
        sender.send(CaseEventAcceptance.ACCEPTED_QUEUE, job.claim(), job.key(), job.caseId(), next);
        if (called) {
            meters.retryScheduled(cause.code());
        }
        log.warn("delivery of event {} (case {}, sequence {}) {}: {}; next try in {} ms", job.eventId(),
                job.caseId(), job.sequence(), called ? "failed, attempt " + attempts : "held by the open circuit",
                cause.code(), delay.toMillis());
    }

    /** Denmark refused the update (a SOAP client fault, a 4xx): retrying cannot help. */
    public void refused(@ExchangeProperty("hubDeliveryJob") DeliveryJob job,
                        @ExchangeProperty("CamelExceptionCaught") Exception failure) {
        Instant now = clock.instant();
        deadLetter(job, job.attempts() + 1, job.firstAttemptAt() == null ? now : job.firstAttemptAt(), now,
                FailureCause.of(failure));
    }

    /** The event before this one was dead-lettered: this one must not overtake it, so it is dead-lettered too. */
    public void followPredecessor(@Body DeliveryJob job) {
        Instant now = clock.instant();
        deadLetter(job, job.attempts(), job.firstAttemptAt() == null ? now : job.firstAttemptAt(), now,
                new FailureCause(ProblemCode.SEQUENCE_GAP.code(), "event " + (job.sequence() - 1)
                        + " of this case was dead-lettered; replay it first"));
    }

    private void deadLetter(DeliveryJob job, int attempts, Instant first, Instant now, FailureCause cause) {
        committer.commit(tx -> {
            store.dead(tx.jdbc(), job.eventId(), attempts);
            DeliveryFailures.recordFinal(tx.jdbc(), job.key(), ROUTE, first, now, attempts, cause);
            return null;
        });
        sender.deadLetter(CaseEventAcceptance.ACCEPTED_QUEUE, job.claim(), job.key(), job.caseId());
        log.warn("event {} (case {}, sequence {}) dead-lettered after {} attempt(s): {}", job.eventId(),
                job.caseId(), job.sequence(), attempts, cause.code());
    }

    private static DeliveryJob job(EventDeliveryStore.Pending event, DeliveryJob.Action action, String statusUpdate,
                                   Instant waitUntil, String claim) {
        return new DeliveryJob(event.eventId(), event.caseId(), event.sequence(), action, statusUpdate,
                event.attempts(), event.firstAttemptAt(), waitUntil, claim);
    }
}
