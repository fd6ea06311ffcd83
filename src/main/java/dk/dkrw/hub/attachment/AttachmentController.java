package dk.dkrw.hub.attachment;

import dk.dkrw.hub.audit.AuditKind;
import dk.dkrw.hub.audit.AuditRecord;
import dk.dkrw.hub.config.HubProperties;
import dk.dkrw.hub.party.Party;
import dk.dkrw.hub.party.PartyAuthenticationFilter;
import dk.dkrw.hub.party.Permission;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.problem.Violation;
import dk.dkrw.hub.storage.GroupCommitter;
import dk.dkrw.hub.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

/** {@code PUT /api/v1/attachments/{sha256}}: content-addressed, streamed upload by agencies. */
@RestController
public class AttachmentController {

    private final AttachmentStore store;
    private final GroupCommitter committer;
    private final long maxBytes;
    private final Clock clock;

    public AttachmentController(AttachmentStore store, GroupCommitter committer, HubProperties properties,
                                Clock clock) {
        this.store = store;
        this.committer = committer;
        this.maxBytes = properties.partner().maxAttachmentBytes().toBytes();
        this.clock = clock;
    }

    @PutMapping("/api/v1/attachments/{sha256}")
    public ResponseEntity<StoredAttachment> upload(
            @RequestAttribute(PartyAuthenticationFilter.PARTY) Party party, @PathVariable String sha256,
            HttpServletRequest request) throws IOException {
        party.require(Permission.ATTACHMENT_UPLOAD);
        RequestBodies.requireContentType(request, MediaType.APPLICATION_OCTET_STREAM);
        if (!FileAttachmentStore.isSha256(sha256)) {
            throw new HubException(ProblemCode.VALIDATION_FAILED, "the path must be a lower-case hex SHA-256",
                    List.of(new Violation("", "path segment must be 64 lower-case hex characters")));
        }
        RequestBodies.requireDeclaredLengthWithin(request, maxBytes);
        AttachmentStore.Stored stored;
        try {
            stored = store.store(sha256, request.getInputStream(), maxBytes);
        } catch (HubException refused) {
            audit(AuditKind.ATTACHMENT_REJECTED, party, sha256, refused.code().code());
            throw refused;
        }
        audit(AuditKind.ATTACHMENT_STORED, party, sha256, stored.name());
        return ResponseEntity.status(stored == AttachmentStore.Stored.CREATED ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new StoredAttachment(sha256, store.sizeOf(sha256).orElse(-1)));
    }

    /** The answer to an upload: the address and size of what the hub now holds. */
    public record StoredAttachment(String sha256, long sizeBytes) {
    }

    private void audit(AuditKind kind, Party party, String sha256, String cause) {
        committer.commit(tx -> {
            tx.audit(AuditRecord.of(kind, clock.instant()).party(party.id()).sha256(sha256).cause(cause).build());
            return null;
        });
    }
}
