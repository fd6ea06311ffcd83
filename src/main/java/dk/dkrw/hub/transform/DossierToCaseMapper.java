package dk.dkrw.hub.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import static dk.dkrw.hub.transform.DossierFields.NODES;
import static dk.dkrw.hub.transform.DossierFields.copyInstant;
import static dk.dkrw.hub.transform.DossierFields.copyInteger;
import static dk.dkrw.hub.transform.DossierFields.copyText;
import static dk.dkrw.hub.transform.DossierFields.elements;
import static dk.dkrw.hub.transform.DossierFields.instant;
import static dk.dkrw.hub.transform.DossierFields.isObject;
import static dk.dkrw.hub.transform.DossierFields.nfcText;
import static dk.dkrw.hub.transform.DossierFields.putText;
import static dk.dkrw.hub.transform.DossierFields.text;

/**
 * Turns a valid {@code dk-dossier/1} into the minimised {@code rw-case/1} that Kigali receives. The output is
 * built field by field from an allow-list, never by copying and deleting, so a field the agencies add to the
 * dossier later stays in Denmark until someone decides to forward it here and in the schema.
 *
 * <p>Left out on purpose at case level: dossierId, dkCaseNo, udlNr (replaced by {@code dkPseudonym}),
 * createdAt, sourceAuthority, principalPersonId (the principal is the person with role PRINCIPAL), interviewId
 * and interview attachmentIds, and every attachment that is ART9 or not marked for Kigali, plus its
 * classification. Interview attachmentIds are dropped rather than filtered: domain.md's rw-case/1 interview is
 * {@code {type, heldAt, language, summary}}, and a link from an interview to a withheld recording would itself
 * tell Kigali that one exists. Thread-safe and stateless apart from the pseudonymizer.
 */
public final class DossierToCaseMapper {

    private static final String SCHEMA_VERSION = "rw-case/1";

    private final Pseudonymizer pseudonymizer;
    private final PersonMapper personMapper = new PersonMapper();

    public DossierToCaseMapper(Pseudonymizer pseudonymizer) {
        this.pseudonymizer = Objects.requireNonNull(pseudonymizer, "pseudonymizer");
    }

    /**
     * @param validDossier a dossier that passed the dk-dossier/1 schema and business rules
     * @param ctx          the hub's case id, version, availability time and provenance for this dossier
     * @return a new rw-case/1 document
     * @throws IllegalArgumentException when the dossier lacks udlNr or a personId, which validation rules out
     */
    public ObjectNode map(JsonNode validDossier, CaseContext ctx) {
        Objects.requireNonNull(ctx, "ctx");
        if (!isObject(validDossier)) {
            throw new IllegalArgumentException("dossier must be a JSON object");
        }
        String udlNr = text(validDossier, "udlNr");
        if (udlNr == null) {
            throw new IllegalArgumentException("/udlNr is missing; the dossier should have failed validation");
        }
        ObjectNode out = NODES.objectNode();
        out.put("schemaVersion", SCHEMA_VERSION);
        out.put("caseId", ctx.caseId());
        out.put("version", ctx.version());
        out.put("dkPseudonym", pseudonymizer.dkPseudonym(udlNr));
        out.put("availableAt", instant(ctx.availableAt()));
        Map<String, String> personRefs = persons(validDossier, ctx.caseId(), out.putArray("persons"));
        household(validDossier, personRefs, out.putArray("household"));
        interviews(validDossier, out.putArray("interviews"));
        attachments(validDossier, out.putArray("attachments"));
        provenance(ctx.provenance(), out.putObject("provenance"));
        return out;
    }

    /** Maps the persons and returns their refs keyed by lower-cased personId (UUIDs ignore letter case). */
    private Map<String, String> persons(JsonNode dossier, String caseId, ArrayNode out) {
        Map<String, String> refs = new HashMap<>();
        int index = 0;
        for (JsonNode person : elements(dossier, "persons")) {
            String personId = text(person, "personId");
            if (personId == null) {
                throw new IllegalArgumentException("/persons/" + index + "/personId is missing;"
                        + " the dossier should have failed validation");
            }
            String ref = pseudonymizer.personRef(caseId, personId);
            refs.put(personId.toLowerCase(Locale.ROOT), ref);
            out.add(personMapper.map(person, ref));
            index++;
        }
        return refs;
    }

    /** Relationships whose two ends are persons of this dossier; an unverified or unstated link is not verified. */
    private static void household(JsonNode dossier, Map<String, String> personRefs, ArrayNode out) {
        for (JsonNode relationship : elements(dossier, "relationships")) {
            String from = refOf(personRefs, text(relationship, "from"));
            String to = refOf(personRefs, text(relationship, "to"));
            String type = text(relationship, "type");
            if (from == null || to == null || type == null) {
                continue;
            }
            JsonNode verified = relationship.get("verified");
            ObjectNode r = out.addObject();
            r.put("from", from);
            r.put("to", to);
            r.put("type", type);
            r.put("verified", verified != null && verified.isBoolean() && verified.booleanValue());
        }
    }

    private static String refOf(Map<String, String> personRefs, String personId) {
        return personId == null ? null : personRefs.get(personId.toLowerCase(Locale.ROOT));
    }

    private static void interviews(JsonNode dossier, ArrayNode out) {
        for (JsonNode interview : elements(dossier, "interviews")) {
            ObjectNode i = out.addObject();
            copyText(interview, i, "type");
            copyInstant(interview, i, "heldAt");
            copyText(interview, i, "language");
            putText(i, "summary", nfcText(interview, "summary"));
        }
    }

    private static void attachments(JsonNode dossier, ArrayNode out) {
        for (JsonNode attachment : elements(dossier, "attachments")) {
            if (forwardable(attachment)) {
                ObjectNode a = out.addObject();
                copyText(attachment, a, "attachmentId");
                copyText(attachment, a, "mediaType");
                copyInteger(attachment, a, "sizeBytes");
                copyText(attachment, a, "sha256");
            }
        }
    }

    /** ORDINARY and not opted out ({@code forwardToKigali} defaults to true); ART9 or anything else never. */
    private static boolean forwardable(JsonNode attachment) {
        if (!"ORDINARY".equals(text(attachment, "classification"))) {
            return false;
        }
        JsonNode forward = attachment.get("forwardToKigali");
        return forward == null || forward.isBoolean() && forward.booleanValue();
    }

    private static void provenance(Provenance provenance, ObjectNode out) {
        out.put("dossierSha256", provenance.dossierSha256());
        out.put("signerParty", provenance.signerParty());
        out.put("signerCertificateSha256", provenance.signerCertificateSha256());
        out.put("signingTime", instant(provenance.signingTime()));
        out.put("receiptId", provenance.receiptId());
    }
}
