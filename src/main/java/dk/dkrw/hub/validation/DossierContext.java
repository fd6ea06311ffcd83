package dk.dkrw.hub.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dkrw.hub.dossier.DossierIdentity;
import dk.dkrw.hub.problem.Violation;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One validation call: the document, its caller-supplied facts, values derived once and shared by the rules,
 * and the violations found. Not thread-safe; one instance per call.
 */
final class DossierContext {

    private final JsonNode root;
    private final JsonNode persons;
    private final String signerAuthority;
    private final DossierIdentity previousVersion;
    private final AttachmentCatalog catalog;
    private final LocalDate referenceDate;
    private final List<Violation> violations;
    private final List<Violation> missingAttachments = new ArrayList<>(2);
    private Map<String, Integer> personIndex;
    private BirthDateRange[] birthRanges;

    DossierContext(JsonNode root, String signerAuthority, DossierIdentity previousVersion,
                   AttachmentCatalog catalog, Clock clock, List<Violation> violations) {
        this.root = root;
        this.persons = root.path("persons");
        this.signerAuthority = signerAuthority;
        this.previousVersion = previousVersion;
        this.catalog = catalog;
        this.violations = violations;
        Instant createdAt = instant(root.path("createdAt"));
        // without a readable createdAt, "now" is a safe stand-in: it is never earlier than a true createdAt
        this.referenceDate = LocalDate.ofInstant(createdAt != null ? createdAt : clock.instant(), ZoneOffset.UTC);
    }

    JsonNode root() {
        return root;
    }

    String signerAuthority() {
        return signerAuthority;
    }

    DossierIdentity previousVersion() {
        return previousVersion;
    }

    AttachmentCatalog catalog() {
        return catalog;
    }

    /** The UTC date of {@code createdAt}, at which ages are judged. */
    LocalDate referenceDate() {
        return referenceDate;
    }

    int personCount() {
        return size(persons);
    }

    JsonNode person(int i) {
        return persons.path(i);
    }

    /** Index of the first person with this personId, or -1. */
    int indexOf(String personId) {
        if (personIndex == null) {
            personIndex = new HashMap<>();
            for (int i = 0; i < personCount(); i++) {
                String id = text(person(i), "personId");
                if (id != null) {
                    personIndex.putIfAbsent(id, i);
                }
            }
        }
        Integer index = personId == null ? null : personIndex.get(personId);
        return index == null ? -1 : index;
    }

    /** The possible birth dates of person {@code i} (value's mask widened by any assessed range), or null. */
    BirthDateRange birthRange(int i) {
        if (birthRanges == null) {
            birthRanges = new BirthDateRange[personCount()];
            for (int p = 0; p < birthRanges.length; p++) {
                birthRanges[p] = readBirthRange(person(p).path("dateOfBirth"));
            }
        }
        return i >= 0 && i < birthRanges.length ? birthRanges[i] : null;
    }

    void violation(String pointer, String message) {
        violations.add(new Violation(pointer, message));
    }

    void missingAttachment(String pointer, String message) {
        missingAttachments.add(new Violation(pointer, message));
    }

    List<Violation> missingAttachments() {
        return missingAttachments;
    }

    private static BirthDateRange readBirthRange(JsonNode dateOfBirth) {
        BirthDateRange fromValue = Edtf.range(text(dateOfBirth, "value"));
        JsonNode assessed = dateOfBirth.path("assessedRange");
        JsonNode earliest = assessed.path("earliest");
        JsonNode latest = assessed.path("latest");
        BirthDateRange fromAssessment = null;
        if (isYear(earliest) && isYear(latest) && earliest.intValue() <= latest.intValue()) {
            fromAssessment = BirthDateRange.ofYears(earliest.intValue(), latest.intValue());
        }
        if (fromValue == null) {
            return fromAssessment;
        }
        return fromValue.union(fromAssessment);
    }

    static boolean isYear(JsonNode node) {
        return node.isIntegralNumber() && node.canConvertToInt() && node.intValue() >= 1 && node.intValue() <= 9999;
    }

    /** The field's text, or null when absent or not a string. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.textValue() : null;
    }

    /** Number of elements when {@code node} is an array, else 0 (so loops over odd shapes do nothing). */
    static int size(JsonNode node) {
        return node.isArray() ? node.size() : 0;
    }

    /** An RFC 3339 instant, or null when absent or unreadable. */
    static Instant instant(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.textValue()).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** An ISO 8601 calendar date, or null when absent or unreadable. */
    static LocalDate date(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        try {
            return LocalDate.parse(node.textValue());
        } catch (DateTimeException e) {
            return null;
        }
    }
}
