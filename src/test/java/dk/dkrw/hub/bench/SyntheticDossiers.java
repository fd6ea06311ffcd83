package dk.dkrw.hub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Synthetic, rule-valid dk-dossier/1 documents of a chosen size for the benchmark: a family (principal,
 * spouse, children with reciprocal PARENT/CHILD links), passports, UNHCR identifiers, interviews whose
 * summaries bring the document to the target size, and 1–3 attachments from an uploaded pool. Made-up names
 * from syllables; nothing resembles a real person.
 */
final class SyntheticDossiers {

    private static final String[] SYLLABLES = {"ka", "mu", "ri", "sa", "to", "ne", "la", "bo", "di", "fe", "gi",
            "ha", "jo", "ku", "ma", "ni", "pe", "ru", "si", "ta", "wa", "ye", "zu"};
    private static final String FILLER = "The applicant described the route taken and the reasons for leaving. ";

    private final ObjectMapper json = new ObjectMapper();
    private final Random random;
    private final List<Attachment> pool;
    private int serial;

    /** An uploaded attachment a dossier may list. */
    record Attachment(String sha256, long sizeBytes) {
    }

    SyntheticDossiers(long seed, List<Attachment> pool) {
        this.random = new Random(seed);
        this.pool = pool;
    }

    /**
     * One dossier of about {@code targetBytes}: below 4 KB a single adult without attachments, otherwise a
     * family with attachments and interviews filling up to the size.
     */
    byte[] next(int targetBytes) {
        serial++;
        ObjectNode dossier = json.createObjectNode()
                .put("schemaVersion", "dk-dossier/1")
                .put("dossierId", UUID.randomUUID().toString())
                .put("version", 1)
                .put("dkCaseNo", "US-BENCH-" + serial)
                .put("udlNr", "B-" + serial + "-" + random.nextInt(1_000_000))
                .put("createdAt", "2026-11-20T09:00:00Z")
                .put("sourceAuthority", "US");
        String principal = UUID.randomUUID().toString();
        String spouse = UUID.randomUUID().toString();
        dossier.put("principalPersonId", principal);
        ArrayNode persons = dossier.putArray("persons");
        ArrayNode relationships = dossier.putArray("relationships");
        persons.add(person(principal, "PRINCIPAL", adultBirth(), 1));
        if (targetBytes < 4_000) {
            dossier.putArray("attachments");
            fillInterviews(dossier, dossier.putArray("interviews"), targetBytes);
            return bytes(dossier);
        }
        persons.add(person(spouse, "DEPENDANT", adultBirth(), 2));
        relationships.add(link(principal, spouse, "SPOUSE"));
        int children = 1 + random.nextInt(targetBytes < 8_000 ? 1 : 3);
        for (int i = 0; i < children; i++) {
            String child = UUID.randomUUID().toString();
            persons.add(person(child, "DEPENDANT", LocalDate.of(2012 + random.nextInt(10), 1 + random.nextInt(12),
                    1 + random.nextInt(28)), 1 + random.nextInt(2)));
            relationships.add(link(principal, child, "PARENT"));
            relationships.add(link(child, principal, "CHILD"));
            relationships.add(link(spouse, child, "PARENT"));
        }
        ArrayNode attachments = dossier.putArray("attachments");
        int count = 1 + random.nextInt(Math.min(3, pool.size()));
        for (int i = 0; i < count; i++) {
            Attachment a = pool.get((serial + i) % pool.size());
            attachments.addObject().put("attachmentId", "att-" + i).put("mediaType", "application/pdf")
                    .put("sizeBytes", a.sizeBytes()).put("sha256", a.sha256()).put("classification", "ORDINARY")
                    .put("forwardToKigali", true);
        }
        ArrayNode interviews = dossier.putArray("interviews");
        fillInterviews(dossier, interviews, targetBytes);
        return bytes(dossier);
    }

    private void fillInterviews(ObjectNode dossier, ArrayNode interviews, int targetBytes) {
        int size = bytes(dossier).length;
        int n = 0;
        while (size < targetBytes - 200) {
            int want = Math.min(19_000, targetBytes - size - 200);
            StringBuilder summary = new StringBuilder(want + FILLER.length());
            while (summary.length() < want) {
                summary.append(FILLER);
            }
            summary.setLength(Math.max(1, want));
            interviews.addObject().put("interviewId", "int-" + (++n)).put("type", "MOTIVE_INTERVIEW")
                    .put("heldAt", "2026-11-12T08:30:00Z").put("language", "ti")
                    .put("summary", summary.toString().trim()).putArray("attachmentIds");
            size = bytes(dossier).length;
        }
    }

    private ObjectNode person(String id, String role, LocalDate born, int sex) {
        ObjectNode person = json.createObjectNode().put("personId", id).put("role", role);
        String given = name(2);
        String family = name(3);
        person.putArray("names").addObject().put("type", "OFFICIAL").put("fullText", given + " " + family)
                .put("primary", family).put("secondary", given).put("script", "Latn").put("lang", "ti");
        person.putObject("dateOfBirth").put("value", born.toString()).put("precision", "DAY")
                .put("source", "DECLARED");
        person.put("sex", sex);
        person.putArray("nationalities").add("ERI");
        person.put("nationalityStatus", "NATIONAL");
        person.putArray("languages").addObject().put("tag", "ti").put("interpreterNeeded", true);
        person.putArray("identifiers").addObject().put("scheme", "UNHCR_INDIVIDUAL")
                .put("value", "478-" + random.nextInt(99_999_999));
        person.putArray("documents").addObject().put("docType", "PASSPORT")
                .put("number", "B" + (10_000_000 + random.nextInt(89_999_999))).put("issuingState", "ERI")
                .put("issueDate", "2020-01-15").put("expiryDate", "2030-01-14").put("authenticity", "NOT_ASSESSED")
                .putArray("attachmentIds");
        person.putArray("vulnerabilities");
        person.putArray("biometrics");
        return person;
    }

    private LocalDate adultBirth() {
        return LocalDate.of(1970 + random.nextInt(25), 1 + random.nextInt(12), 1 + random.nextInt(28));
    }

    private ObjectNode link(String from, String to, String type) {
        return json.createObjectNode().put("from", from).put("to", to).put("type", type).put("verified", false);
    }

    private String name(int syllables) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            name.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private byte[] bytes(ObjectNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
