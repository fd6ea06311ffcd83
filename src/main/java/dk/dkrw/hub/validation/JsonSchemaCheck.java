package dk.dkrw.hub.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dk.dkrw.hub.problem.Violation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Validates a JSON document against one of the project's JSON Schemas (2020-12, format assertions on) and
 * reports every violation as a JSON Pointer plus a message built from the schema only, so that no submitted
 * value is ever echoed back. Patterns follow ECMA-262 anchoring ({@link EcmaRegexFactory}). Instances are
 * immutable and thread-safe; the schema's validators are initialised eagerly so that the first concurrent calls
 * do not race to build them.
 */
public final class JsonSchemaCheck {

    private static final String SCHEMA_ROOT = "schemas/";
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]{0,63}");

    private final JsonSchema schema;

    private JsonSchemaCheck(JsonSchema schema) {
        this.schema = schema;
    }

    /** Loads {@code schemas/<fileName>} from the class path (the top-level {@code schemas/} folder is packaged). */
    public static JsonSchemaCheck load(String fileName) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .regularExpressionFactory(EcmaRegexFactory.INSTANCE)
                .build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        try (InputStream in = JsonSchemaCheck.class.getClassLoader().getResourceAsStream(SCHEMA_ROOT + fileName)) {
            if (in == null) {
                throw new IllegalStateException("schema not on class path: " + SCHEMA_ROOT + fileName);
            }
            JsonSchema schema = factory.getSchema(in, config);
            schema.initializeValidators();
            return new JsonSchemaCheck(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Violation> check(JsonNode document) {
        return schema.validate(document).stream()
                .map(JsonSchemaCheck::toViolation)
                .distinct()
                .sorted(Comparator.comparing(Violation::pointer).thenComparing(Violation::message))
                .toList();
    }

    private static Violation toViolation(ValidationMessage message) {
        String pointer = message.getInstanceLocation().toString();
        if (pointer.isEmpty() || "$".equals(pointer)) {
            pointer = "";
        }
        String keyword = message.getType();
        if ("required".equals(keyword) && message.getProperty() != null) {
            return new Violation(pointer + "/" + escape(message.getProperty()), "is required");
        }
        if (("additionalProperties".equals(keyword) || "unevaluatedProperties".equals(keyword))
                && message.getProperty() != null && PLAIN_KEY.matcher(message.getProperty()).matches()) {
            // the pointer names the unknown property so the sender can find it, but only when the key looks
            // like a field name: a key is submitted text too and could carry anything
            return new Violation(pointer + "/" + message.getProperty(), "is not a property the schema allows");
        }
        return new Violation(pointer, describe(keyword, message.getSchemaNode()));
    }

    private static String describe(String keyword, JsonNode constraint) {
        String limit = constraint != null && constraint.isValueNode() ? constraint.asText() : null;
        return switch (keyword) {
            case "type" -> "must be of type " + limit;
            case "enum" -> "must be one of " + constraint;
            case "const" -> "must equal " + constraint;
            case "pattern" -> "does not match the required pattern";
            case "format" -> "is not a valid " + limit;
            case "minLength" -> "must have at least " + limit + " characters";
            case "maxLength" -> "must have at most " + limit + " characters";
            case "minimum" -> "must be at least " + limit;
            case "maximum" -> "must be at most " + limit;
            case "minItems" -> "must have at least " + limit + " items";
            case "maxItems" -> "must have at most " + limit + " items";
            case "uniqueItems" -> "must not contain duplicate items";
            case "not" -> "has a form the schema does not allow";
            case "false" -> "is not allowed here";
            case "additionalProperties", "unevaluatedProperties" -> "has a property the schema does not allow";
            default -> "violates the schema keyword '" + keyword + "'";
        };
    }

    private static String escape(String property) {
        return property.replace("~", "~0").replace("/", "~1");
    }
}
