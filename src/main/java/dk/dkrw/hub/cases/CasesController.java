package dk.dkrw.hub.cases;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dkrw.hub.attachment.AttachmentStore;
import dk.dkrw.hub.config.HubProperties;
import dk.dkrw.hub.party.Party;
import dk.dkrw.hub.party.PartyAuthenticationFilter;
import dk.dkrw.hub.party.Permission;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.problem.Violation;
import dk.dkrw.hub.validation.StrictJsonReader;
import dk.dkrw.hub.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** Kigali's pull API: the feed, the signed case, its attachments and the acknowledgement. */
@RestController
public class CasesController {

    static final String CASE_SIGNATURE_HEADER = "X-Case-Signature";
    private static final int MAX_LIMIT = 500;
    private static final long MAX_ACK_BYTES = 1024;

    private final CaseStore cases;
    private final CaseAccess access;
    private final AttachmentStore attachments;
    private final StrictJsonReader reader;

    public CasesController(CaseStore cases, CaseAccess access, AttachmentStore attachments,
                           StrictJsonReader reader, HubProperties properties) {
        this.cases = cases;
        this.access = access;
        this.attachments = attachments;
        this.reader = reader;
    }

    @GetMapping("/api/v1/cases")
    public FeedPage feed(@RequestAttribute(PartyAuthenticationFilter.PARTY) Party party,
                                    @RequestParam(required = false) String after,
                                    @RequestParam(required = false) Integer limit,
                                    @RequestParam(required = false) String status) {
        party.require(Permission.CASE_READ);
        long afterSeq = FeedCursor.decode(after);
        int pageSize = limit == null ? 100 : limit;
        if (pageSize < 1 || pageSize > MAX_LIMIT) {
            throw new HubException(ProblemCode.VALIDATION_FAILED, "limit must be between 1 and " + MAX_LIMIT,
                    List.of(new Violation("", "query parameter 'limit' must be between 1 and " + MAX_LIMIT)));
        }
        List<CaseStore.FeedEntry> page;
        if (status == null) {
            page = cases.feed(afterSeq, pageSize);
        } else if ("pending".equals(status)) {
            page = cases.pending(afterSeq, pageSize);
        } else {
            throw new HubException(ProblemCode.VALIDATION_FAILED, "status may only be 'pending'",
                    List.of(new Violation("", "query parameter 'status' may only be 'pending'")));
        }
        long next = page.isEmpty() ? afterSeq : page.get(page.size() - 1).seq();
        List<FeedItem> items = page.stream().map(e -> new FeedItem(e.caseId(), e.dossierId(), e.version(),
                e.availableAt().toString(), e.status())).toList();
        return new FeedPage(items, FeedCursor.encode(next));
    }

    @GetMapping("/api/v1/cases/{caseId}")
    public ResponseEntity<byte[]> getCase(@RequestAttribute(PartyAuthenticationFilter.PARTY) Party party,
                                          @PathVariable String caseId,
                                          @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false)
                                          String ifNoneMatch) {
        party.require(Permission.CASE_READ);
        String etag = cases.find(caseId).map(c -> etag(c.sha256())).orElse(null);
        if (etag != null && etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        CaseStore.StoredCase stored = access.pull(party, caseId);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .eTag(etag(stored.sha256()))
                .header(CASE_SIGNATURE_HEADER, Base64.getEncoder().encodeToString(stored.signature()))
                .body(stored.body());
    }

    @GetMapping("/api/v1/cases/{caseId}/attachments/{attachmentId}")
    public ResponseEntity<Resource> attachment(@RequestAttribute(PartyAuthenticationFilter.PARTY) Party party,
                                               @PathVariable String caseId, @PathVariable String attachmentId) {
        party.require(Permission.CASE_READ);
        CaseStore.CaseAttachment attachment = access.pullAttachment(party, caseId, attachmentId);
        Resource bytes = attachments.open(attachment.sha256()).orElseThrow(() -> new HubException(
                ProblemCode.NOT_FOUND, "the attachment is listed but not held"));
        String base64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(attachment.sha256()));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.mediaType()))
                .eTag(etag(attachment.sha256()))
                .header("Digest", "sha-256=" + base64)
                .header("Repr-Digest", "sha-256=:" + base64 + ":")
                .body(bytes);
    }

    @PostMapping("/api/v1/cases/{caseId}/ack")
    public ResponseEntity<Void> ack(@RequestAttribute(PartyAuthenticationFilter.PARTY) Party party,
                                    @PathVariable String caseId, HttpServletRequest request) throws IOException {
        party.require(Permission.CASE_ACK);
        RequestBodies.requireContentType(request, MediaType.APPLICATION_JSON);
        JsonNode body = reader.readObject(RequestBodies.readAll(request, MAX_ACK_BYTES));
        JsonNode version = body.path("version");
        if (!version.isInt() || version.intValue() < 1 || body.size() != 1) {
            throw new HubException(ProblemCode.VALIDATION_FAILED, "body must be {\"version\": n} with n >= 1",
                    List.of(new Violation("/version", "must be an integer >= 1 and the only field")));
        }
        access.acknowledge(party, caseId, version.intValue());
        return ResponseEntity.noContent().build();
    }

    /** One page of the feed; {@code next} is the cursor to pass as {@code after} for the following page. */
    public record FeedPage(List<FeedItem> items, String next) {
    }

    /** A case version made available to Kigali. */
    public record FeedItem(String caseId, String dossierId, int version, String availableAt, String status) {
    }

    private static String etag(String sha256) {
        return "\"" + sha256 + "\"";
    }
}
