package dk.dkrw.hub.validation;

import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.problem.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of validating one dossier.
 *
 * @param violations         schema and business-rule violations ({@code validation-failed}), all of them
 * @param missingAttachments listed attachments the hub does not hold with that sha256 and size
 *                           ({@code attachment-missing})
 */
public record ValidationReport(List<Violation> violations, List<Violation> missingAttachments) {

    public ValidationReport {
        violations = List.copyOf(violations);
        missingAttachments = List.copyOf(missingAttachments);
    }

    public boolean valid() {
        return violations.isEmpty() && missingAttachments.isEmpty();
    }

    /**
     * Throws the contract failure for an invalid dossier: {@code validation-failed} listing every violation
     * (missing attachments included) when there is any, else {@code attachment-missing}. Does nothing when valid.
     */
    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            List<Violation> all = new ArrayList<>(violations.size() + missingAttachments.size());
            all.addAll(violations);
            all.addAll(missingAttachments);
            throw new HubException(ProblemCode.VALIDATION_FAILED,
                    "the dossier has " + all.size() + " violation(s)", all);
        }
        if (!missingAttachments.isEmpty()) {
            throw new HubException(ProblemCode.ATTACHMENT_MISSING,
                    missingAttachments.size() + " listed attachment(s) not held", missingAttachments);
        }
    }
}
