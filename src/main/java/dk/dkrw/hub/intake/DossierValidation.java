package dk.dkrw.hub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dkrw.hub.dossier.CanonicalJson;
import dk.dkrw.hub.dossier.DossierIdentity;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.signature.Sha256;
import dk.dkrw.hub.validation.DossierValidator;
import dk.dkrw.hub.validation.StrictJsonReader;
import dk.dkrw.hub.validation.ValidationReport;
import org.springframework.stereotype.Component;

/**
 * Intake steps 2 and 4: parse the body strictly (and hash its RFC 8785 canonical form), then check it against the dk-dossier/1 schema, every business
 * rule and the attachment store, reporting all violations at once.
 */
@Component
public class DossierValidation {

    private final StrictJsonReader reader;
    private final DossierValidator validator;

    public DossierValidation(StrictJsonReader reader, DossierValidator validator) {
        this.reader = reader;
        this.validator = validator;
    }

    public Submission parse(Submission submission) {
        JsonNode document = reader.readObject(submission.body());
        byte[] canonical;
        try {
            canonical = CanonicalJson.bytes(document);
        } catch (IllegalArgumentException e) {
            throw new HubException(ProblemCode.MALFORMED_BODY, "body holds a string that is not valid Unicode");
        }
        submission.parsed(document, DossierIdentity.of(document), Sha256.hex(canonical));
        return submission;
    }

    public Submission validate(Submission submission) {
        DossierIdentity previous = submission.previous() == null ? null : submission.previous().identity();
        ValidationReport report = validator.validate(submission.document(), submission.signerParty().authority(),
                previous);
        if (!report.violations().isEmpty()) {
            throw new HubException(ProblemCode.VALIDATION_FAILED,
                    report.violations().size() + " violation(s) of dk-dossier/1", report.violations());
        }
        if (!report.missingAttachments().isEmpty()) {
            throw new HubException(ProblemCode.ATTACHMENT_MISSING,
                    report.missingAttachments().size() + " listed attachment(s) not held by the hub",
                    report.missingAttachments());
        }
        return submission;
    }
}
