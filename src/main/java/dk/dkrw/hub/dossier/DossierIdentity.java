package dk.dkrw.hub.dossier;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The few fields of a {@code dk-dossier/1} the hub keys its work on: identity, versioning, ownership and the
 * attachments it must hold. Read from a parsed document before full validation, so every accessor tolerates
 * missing or mistyped fields (they come back as {@code null}/empty and the validator reports them).
 */
public record DossierIdentity(String dossierId, Integer version, String dkCaseNo, String udlNr,
                              String principalPersonId, String sourceAuthority, List<AttachmentRef> attachments) {

    public static DossierIdentity of(JsonNode dossier) {
        JsonNode version = dossier.path("version");
        return new DossierIdentity(
                text(dossier, "dossierId"),
                version.canConvertToExactIntegral() && version.canConvertToInt() ? version.intValue() : null,
                text(dossier, "dkCaseNo"),
                text(dossier, "udlNr"),
                text(dossier, "principalPersonId"),
                text(dossier, "sourceAuthority"),
                attachments(dossier.path("attachments")));
    }

    /** True when dossierId and version are usable as an idempotency key. */
    public boolean hasKey() {
        return dossierId != null && version != null && version >= 1;
    }

    private static List<AttachmentRef> attachments(JsonNode array) {
        List<AttachmentRef> refs = new ArrayList<>();
        if (!array.isArray()) {
            return refs;
        }
        for (JsonNode a : array) {
            JsonNode size = a.path("sizeBytes");
            refs.add(new AttachmentRef(text(a, "attachmentId"), text(a, "sha256"),
                    size.canConvertToLong() && size.isIntegralNumber() ? size.longValue() : -1));
        }
        return refs;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.textValue() : null;
    }

    /** One entry of a dossier's {@code attachments[]}. */
    public record AttachmentRef(String attachmentId, String sha256, long sizeBytes) {
    }
}
