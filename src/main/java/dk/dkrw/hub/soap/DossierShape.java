package dk.dkrw.hub.soap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * What JSON type a dk-dossier/1 property has, read from the JSON Schema itself ({@code schemas/dk-dossier-1.schema.json}),
 * so that the XML form needs no second type table: XML text carries no type, the schema says whether
 * {@code <version>3</version>} is the integer 3 and whether {@code <persons>} is an array. A property the
 * schema does not know has {@link Kind#UNKNOWN} and is typed by its XML content (then refused by validation).
 */
final class DossierShape {

    enum Kind { OBJECT, ARRAY, STRING, INTEGER, NUMBER, BOOLEAN, UNKNOWN }

    static final String SCHEMA_RESOURCE = "/schemas/dk-dossier-1.schema.json";

    private static final DossierShape UNKNOWN = new DossierShape(null, null);

    private final JsonNode schema;
    private final JsonNode node;

    private DossierShape(JsonNode schema, JsonNode node) {
        this.schema = schema;
        this.node = node;
    }

    static DossierShape root() {
        try (InputStream in = DossierShape.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is not on the classpath");
            }
            JsonNode schema = new ObjectMapper().readTree(in);
            return new DossierShape(schema, schema);
        } catch (IOException e) {
            throw new UncheckedIOException("dk-dossier/1 schema unreadable", e);
        }
    }

    Kind kind() {
        if (node == null) {
            return Kind.UNKNOWN;
        }
        JsonNode resolved = resolve(node);
        String type = resolved.path("type").asText("");
        return switch (type) {
            case "object" -> Kind.OBJECT;
            case "array" -> Kind.ARRAY;
            case "string" -> Kind.STRING;
            case "integer" -> Kind.INTEGER;
            case "number" -> Kind.NUMBER;
            case "boolean" -> Kind.BOOLEAN;
            default -> resolved.has("properties") ? Kind.OBJECT : resolved.has("items") ? Kind.ARRAY
                    : Kind.STRING; // enum and const without a type are strings in dk-dossier/1
        };
    }

    DossierShape property(String name) {
        if (node == null) {
            return UNKNOWN;
        }
        JsonNode property = resolve(node).path("properties").get(name);
        return property == null ? UNKNOWN : new DossierShape(schema, property);
    }

    DossierShape items() {
        if (node == null) {
            return UNKNOWN;
        }
        JsonNode items = resolve(node).get("items");
        return items == null ? UNKNOWN : new DossierShape(schema, items);
    }

    /** Follows local {@code $ref}s ({@code #/$defs/x}); a property's own keywords beside the ref add no type. */
    private JsonNode resolve(JsonNode at) {
        JsonNode current = at;
        for (int hops = 0; current.has("$ref") && !current.has("type"); hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/") || hops > 16) {
                throw new IllegalStateException("unsupported $ref in dk-dossier/1 schema: " + ref);
            }
            current = schema.at(ref.substring(1));
            if (current.isMissingNode()) {
                throw new IllegalStateException("dangling $ref in dk-dossier/1 schema: " + ref);
            }
        }
        return current;
    }
}
