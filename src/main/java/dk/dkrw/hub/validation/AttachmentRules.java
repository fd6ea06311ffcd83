package dk.dkrw.hub.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rule 3: every listed attachment is held by the hub with the same sha256 and size (reported apart, as
 * {@code attachment-missing}), attachmentIds are unique, and every {@code attachmentIds[]} reference of a
 * document or interview resolves to a listed attachment.
 */
final class AttachmentRules implements DossierRule {

    static final String DUPLICATE_ID = "rule 3: attachmentId must be unique within the dossier";
    static final String UNRESOLVED = "rule 3: attachmentIds must refer to an attachment listed in attachments[]";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    @Override
    public void check(DossierContext dossier) {
        JsonNode attachments = dossier.root().path("attachments");
        Set<String> listed = new HashSet<>();
        for (int i = 0; i < DossierContext.size(attachments); i++) {
            JsonNode attachment = attachments.path(i);
            String id = DossierContext.text(attachment, "attachmentId");
            if (id != null && !listed.add(id)) {
                dossier.violation("/attachments/" + i + "/attachmentId", DUPLICATE_ID);
            }
            checkHeld(dossier, attachment, id, i);
        }
        for (int p = 0; p < dossier.personCount(); p++) {
            JsonNode documents = dossier.person(p).path("documents");
            for (int d = 0; d < DossierContext.size(documents); d++) {
                checkReferences(dossier, documents.path(d).path("attachmentIds"), listed,
                        "/persons/" + p + "/documents/" + d + "/attachmentIds/");
            }
        }
        JsonNode interviews = dossier.root().path("interviews");
        for (int i = 0; i < DossierContext.size(interviews); i++) {
            checkReferences(dossier, interviews.path(i).path("attachmentIds"), listed,
                    "/interviews/" + i + "/attachmentIds/");
        }
    }

    private static void checkHeld(DossierContext dossier, JsonNode attachment, String id, int i) {
        String sha256 = DossierContext.text(attachment, "sha256");
        JsonNode size = attachment.path("sizeBytes");
        // 2480.0 is an integer to JSON Schema 2020-12, so it must be looked up too, not skipped
        if (sha256 == null || !SHA256.matcher(sha256).matches()
                || !size.isNumber() || !size.canConvertToExactIntegral() || !size.canConvertToLong()) {
            return; // the schema check reports the malformed entry; there is nothing to look up
        }
        OptionalLong held = dossier.catalog().sizeOf(sha256);
        if (held.isEmpty() || held.getAsLong() != size.longValue()) {
            // the attachmentId is echoed only when it has the schema's safe shape, never free text
            String name = id != null && SAFE_ID.matcher(id).matches() ? "attachment '" + id + "'" : "attachment";
            dossier.missingAttachment("/attachments/" + i, "rule 3: " + name + " with sha256 " + sha256
                    + (held.isEmpty() ? " is not held by the hub" : " is held with a different sizeBytes"));
        }
    }

    private static void checkReferences(DossierContext dossier, JsonNode ids, Set<String> listed, String prefix) {
        for (int j = 0; j < DossierContext.size(ids); j++) {
            JsonNode id = ids.path(j);
            if (id.isTextual() && !listed.contains(id.textValue())) {
                dossier.violation(prefix + j, UNRESOLVED);
            }
        }
    }
}
