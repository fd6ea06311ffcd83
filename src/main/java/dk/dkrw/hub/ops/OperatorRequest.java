package dk.dkrw.hub.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.problem.Violation;
import dk.dkrw.hub.validation.StrictJsonReader;
import dk.dkrw.hub.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The small JSON body of an operator call, read strictly: only the named fields (a misspelt filter must not
 * widen a replay to everything), each checked, every violation listed at once. An empty body is an empty
 * object. Values are never echoed in problems.
 */
final class OperatorRequest {

    static final int MAX_REASON = 500;
    private static final int MAX_FILTER = 64;
    private static final long MAX_BYTES = 8192;
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_]{1,32}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");

    private final JsonNode body;
    private final List<Violation> violations = new ArrayList<>();

    private OperatorRequest(JsonNode body, Set<String> fields) {
        this.body = body;
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                String pointer = PLAIN_NAME.matcher(name).matches() ? "/" + name : "";
                violations.add(new Violation(pointer, "unknown field; allowed are " + String.join(", ",
                        fields.stream().sorted().toList())));
            }
        }
    }

    static OperatorRequest read(HttpServletRequest request, StrictJsonReader reader, Set<String> fields)
            throws IOException {
        if (request.getContentType() != null) {
            RequestBodies.requireContentType(request, MediaType.APPLICATION_JSON);
        }
        byte[] bytes = RequestBodies.readAll(request, MAX_BYTES);
        if (bytes.length == 0) {
            return new OperatorRequest(JsonNodeFactory.instance.objectNode(), fields);
        }
        if (request.getContentType() == null) {
            throw new HubException(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json");
        }
        return new OperatorRequest(reader.readObject(bytes), fields);
    }

    /** The trimmed reason: 1 to 500 characters, no control characters but newline and tab. */
    String reason(boolean required) {
        JsonNode value = body.path("reason");
        if (value.isMissingNode() || value.isNull()) {
            if (required) {
                violations.add(new Violation("/reason", "a reason of 1 to " + MAX_REASON + " characters is required"));
            }
            return null;
        }
        String reason = value.isTextual() ? value.asText().trim() : "";
        if (reason.isEmpty() || reason.length() > MAX_REASON || CONTROL.matcher(reason).find()) {
            violations.add(new Violation("/reason", "must be text of 1 to " + MAX_REASON
                    + " characters without control characters"));
            return null;
        }
        return reason;
    }

    /** An optional filter value: absent, or a non-empty string of at most 64 characters. */
    String filter(String field) {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > MAX_FILTER) {
            violations.add(new Violation("/" + field, "must be text of 1 to " + MAX_FILTER + " characters"));
            return null;
        }
        return value.asText();
    }

    /** Throws 422 with every violation found so far. */
    void requireValid() {
        if (!violations.isEmpty()) {
            throw new HubException(ProblemCode.VALIDATION_FAILED, violations.size() + " violation(s) in the body",
                    violations);
        }
    }
}
