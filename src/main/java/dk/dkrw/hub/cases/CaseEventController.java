package dk.dkrw.hub.cases;

import dk.dkrw.hub.intake.IntakeGateway;
import dk.dkrw.hub.party.Party;
import dk.dkrw.hub.party.PartyAuthenticationFilter;
import dk.dkrw.hub.signature.Sha256;
import dk.dkrw.hub.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Clock;

/** {@code POST /api/v1/cases/{caseId}/events}: Kigali's signed case events, into the event-intake route. */
@RestController
public class CaseEventController {

    static final String SIGNATURE_HEADER = "X-Event-Signature";
    private static final long MAX_EVENT_BYTES = 64 * 1024;

    private final IntakeGateway intake;
    private final Clock clock;

    public CaseEventController(IntakeGateway intake, Clock clock) {
        this.intake = intake;
        this.clock = clock;
    }

    @PostMapping("/api/v1/cases/{caseId}/events")
    public ResponseEntity<byte[]> submit(@RequestAttribute(PartyAuthenticationFilter.PARTY) Party party,
                                         @PathVariable String caseId,
                                         @RequestHeader(value = SIGNATURE_HEADER, required = false) String signature,
                                         HttpServletRequest request) throws IOException {
        RequestBodies.requireContentType(request, MediaType.APPLICATION_JSON);
        byte[] body = RequestBodies.readAll(request, MAX_EVENT_BYTES);
        EventSubmission submission = new EventSubmission(party, caseId, body, signature, clock.instant(),
                Sha256.hex(body));
        EventOutcome outcome = intake.send(IntakeGateway.EVENT_INTAKE, submission).outcome();
        return ResponseEntity.status(outcome.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .header("X-Receipt-Signature", outcome.receiptSignature())
                .contentType(MediaType.APPLICATION_JSON)
                .body(outcome.receipt());
    }
}
