package dk.dkrw.hub.cases;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dkrw.hub.event.EventIdentity;
import dk.dkrw.hub.event.EventValidator;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.problem.Violation;
import dk.dkrw.hub.validation.StrictJsonReader;
import org.springframework.stereotype.Component;

import java.util.List;

/** Event intake steps 2 and 4: strict parse, then rw-case-event/1 schema and event rules, all at once. */
@Component
public class CaseEventValidation {

    private final StrictJsonReader reader;
    private final EventValidator validator;

    public CaseEventValidation(StrictJsonReader reader, EventValidator validator) {
        this.reader = reader;
        this.validator = validator;
    }

    public EventSubmission parse(EventSubmission submission) {
        JsonNode event = reader.readObject(submission.body());
        submission.parsed(event, EventIdentity.of(event));
        return submission;
    }

    public EventSubmission validate(EventSubmission submission) {
        List<Violation> violations = validator.validate(submission.document(), submission.pathCaseId());
        if (!violations.isEmpty()) {
            throw new HubException(ProblemCode.VALIDATION_FAILED,
                    violations.size() + " violation(s) of rw-case-event/1", violations);
        }
        return submission;
    }
}
