package dk.dkrw.hub.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dkrw.hub.dossier.DossierIdentity;
import dk.dkrw.hub.problem.Violation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Validates a {@code dk-dossier/1} against its JSON Schema and the fifteen business rules of the domain, and
 * reports everything wrong at once: when the schema fails, the rules still run over whatever they can read.
 * Every violation carries a JSON Pointer into the document and a message naming the rule, never a submitted
 * value. Instances are immutable and thread-safe; reuse one.
 */
public final class DossierValidator {

    private static final List<DossierRule> RULES = List.of(
            new DateOfBirthRules(),   // 1, 2
            new AttachmentRules(),    // 3
            new HouseholdRules(),     // 4, 5, 6
            new NationalityRules(),   // 7
            new DocumentRules(),      // 8, 9
            new NameRules(),          // 10
            new PrincipalRules(),     // 11
            new BiometricRules(),     // 12
            new IdentifierRules(),    // 13
            new ProvenanceRules());   // 14, 15

    private final JsonSchemaCheck dossierSchema;
    private final AttachmentCatalog catalog;
    private final Clock clock;

    /**
     * @param dossierSchema the {@code dk-dossier-1.schema.json} check
     * @param catalog       the attachments the hub holds (rule 3)
     * @param clock         stands in for {@code createdAt} when that is missing or unreadable, so that the
     *                      age rules still run
     */
    public DossierValidator(JsonSchemaCheck dossierSchema, AttachmentCatalog catalog, Clock clock) {
        this.dossierSchema = Objects.requireNonNull(dossierSchema, "dossierSchema");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param dossier         the parsed document (any JSON value; a non-object only fails the schema)
     * @param signerAuthority the {@code sourceAuthority} code of the party that signed the document
     *                        ({@code US} for {@code dk-dis}, {@code HJEMST} for {@code dk-hjr}); null fails rule 14
     * @param previousVersion the last accepted version of this dossier, or null for the first version (rule 15)
     */
    public ValidationReport validate(JsonNode dossier, String signerAuthority, DossierIdentity previousVersion) {
        Objects.requireNonNull(dossier, "dossier");
        List<Violation> violations = new ArrayList<>(dossierSchema.check(dossier));
        DossierContext context = new DossierContext(dossier, signerAuthority, previousVersion, catalog, clock,
                violations);
        for (DossierRule rule : RULES) {
            rule.check(context);
        }
        return new ValidationReport(violations, context.missingAttachments());
    }
}
