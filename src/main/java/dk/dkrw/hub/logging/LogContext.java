package dk.dkrw.hub.logging;

import dk.dkrw.hub.problem.SafeIds;
import org.slf4j.MDC;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The hub's ids in the logging MDC, so that every line of an exchange names what it concerns: the correlation
 * id of the request or message, and the dossierId, caseId and eventId once known (Camel adds
 * {@code camel.routeId} and {@code camel.exchangeId} itself). Ids enter only when well-formed (UUIDs; a
 * correlation id of at most 64 letters, digits, dots, dashes or underscores), so nothing submitted as free text
 * can reach a log line this way.
 */
public final class LogContext {

    public static final String CORRELATION_ID = "correlationId";
    public static final String DOSSIER_ID = "dossierId";
    public static final String CASE_ID = "caseId";
    public static final String EVENT_ID = "eventId";

    /** The correlation id as an HTTP header (in and out) ... */
    public static final String CORRELATION_HTTP_HEADER = "X-Correlation-Id";
    /** ... and as a JMS property / Camel header, carried from the request to every queue message it causes. */
    public static final String CORRELATION_MESSAGE_HEADER = "hubCorrelationId";

    private static final List<String> KEYS = List.of(CORRELATION_ID, DOSSIER_ID, CASE_ID, EVENT_ID);
    private static final Pattern CORRELATION = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");

    private LogContext() {
    }

    /** The given correlation id when well-formed, else a new one; put into the MDC and returned. */
    public static String correlate(String candidate) {
        String id = isCorrelationId(candidate) ? candidate : UUID.randomUUID().toString();
        MDC.put(CORRELATION_ID, id);
        return id;
    }

    public static String correlationId() {
        return MDC.get(CORRELATION_ID);
    }

    public static boolean isCorrelationId(String value) {
        return value != null && CORRELATION.matcher(value).matches();
    }

    /** Puts a dossierId, caseId or eventId; a value that is not a UUID is left out. */
    public static void putId(String key, String value) {
        if (SafeIds.isUuid(value)) {
            MDC.put(key, value);
        }
    }

    /** Removes the hub's keys (Camel's own are Camel's to remove). */
    public static void clear() {
        KEYS.forEach(MDC::remove);
    }
}
