package dk.dkrw.hub.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dkrw.hub.cases.EventSubmission;
import dk.dkrw.hub.delivery.DeliveryJob;
import dk.dkrw.hub.dossier.DossierIdentity;
import dk.dkrw.hub.event.EventIdentity;
import dk.dkrw.hub.intake.Submission;
import dk.dkrw.hub.logging.LogContext;

/**
 * Finds the ids an exchange concerns in its body and puts them into the logging MDC: a dossier or event
 * submission once parsed, a delivery job, or a queue message's claim ({@code {"dossierId":..}} or
 * {@code {"eventId":..,"caseId":..}}: claims hold ids only). Anything else is left alone.
 */
final class ExchangeIds {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CLAIM = 1024;

    private ExchangeIds() {
    }

    static void toLogContext(Object body) {
        if (body instanceof Submission submission) {
            DossierIdentity identity = submission.identity();
            if (identity != null) {
                LogContext.putId(LogContext.DOSSIER_ID, identity.dossierId());
            }
            if (submission.outcome() != null) {
                LogContext.putId(LogContext.CASE_ID, submission.outcome().caseId());
            }
        } else if (body instanceof EventSubmission event) {
            LogContext.putId(LogContext.CASE_ID, event.pathCaseId());
            EventIdentity identity = event.identity();
            if (identity != null) {
                LogContext.putId(LogContext.EVENT_ID, identity.eventId());
            }
        } else if (body instanceof DeliveryJob job) {
            LogContext.putId(LogContext.EVENT_ID, job.eventId());
            LogContext.putId(LogContext.CASE_ID, job.caseId());
        } else if (body instanceof String text && text.length() <= MAX_CLAIM && text.startsWith("{")) {
            claim(text);
        }
    }

    private static void claim(String text) {
        try {
            JsonNode claim = JSON.readTree(text);
            LogContext.putId(LogContext.DOSSIER_ID, claim.path("dossierId").asText(null));
            LogContext.putId(LogContext.CASE_ID, claim.path("caseId").asText(null));
            LogContext.putId(LogContext.EVENT_ID, claim.path("eventId").asText(null));
        } catch (Exception e) {
            // not a claim: no ids to log
        }
    }
}
