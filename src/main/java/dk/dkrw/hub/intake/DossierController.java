package dk.dkrw.hub.intake;

import dk.dkrw.hub.config.HubProperties;
import dk.dkrw.hub.party.Party;
import dk.dkrw.hub.party.PartyAuthenticationFilter;
import dk.dkrw.hub.web.RequestBodies;
import dk.dkrw.hub.signature.Sha256;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;

/** REST channel adapter: {@code POST /api/v1/dossiers}. Transport checks here, everything else in the route. */
@RestController
public class DossierController {

    static final String SIGNATURE_HEADER = "X-Dossier-Signature";
    static final String RECEIPT_SIGNATURE_HEADER = "X-Receipt-Signature";

    private final IntakeGateway intake;
    private final long maxJsonBytes;
    private final Clock clock;

    public DossierController(IntakeGateway intake, HubProperties properties, Clock clock) {
        this.intake = intake;
        this.maxJsonBytes = properties.partner().maxJsonBytes().toBytes();
        this.clock = clock;
    }

    @PostMapping("/api/v1/dossiers")
    public ResponseEntity<byte[]> submit(@RequestAttribute(PartyAuthenticationFilter.PARTY) Party party,
                                         @RequestHeader(value = SIGNATURE_HEADER, required = false) String signature,
                                         HttpServletRequest request) throws IOException {
        RequestBodies.requireContentType(request, MediaType.APPLICATION_JSON);
        byte[] body = RequestBodies.readAll(request, maxJsonBytes);
        Submission submission = new Submission(Channel.REST, party, body, signature, clock.instant(),
                Sha256.hex(body));
        IntakeOutcome outcome = intake.submit(submission);
        return ResponseEntity.status(outcome.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create("/api/v1/dossiers/" + outcome.dossierId() + "/versions/" + outcome.version()))
                .header(RECEIPT_SIGNATURE_HEADER, outcome.receiptSignature())
                .contentType(MediaType.APPLICATION_JSON)
                .body(outcome.receipt());
    }
}
