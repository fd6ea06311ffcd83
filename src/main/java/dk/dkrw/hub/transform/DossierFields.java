package dk.dkrw.hub.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.text.Normalizer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Null-safe reading of dossier fields and writing of case fields, shared by the mappers. A missing or mistyped
 * optional field reads as {@code null} (or no elements) and is then simply not written.
 */
final class DossierFields {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** RFC 3339 as partners send it: any offset, {@code T}/{@code Z} in either case, leap second folded to :59. */
    private static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive().appendInstant().toFormatter();

    private DossierFields() {
    }

    /** The field's string value, or {@code null} when absent or not a string. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    /** The field's string value in Unicode NFC, or {@code null}. */
    static String nfcText(JsonNode node, String field) {
        return nfc(text(node, field));
    }

    static String nfc(String text) {
        if (text == null || Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
            return text;
        }
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** The elements of an array field; none when the field is absent or not an array. */
    static Iterable<JsonNode> elements(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isArray() ? value : List.of();
    }

    static boolean isObject(JsonNode node) {
        return node != null && node.isObject();
    }

    /** Copies a string field under the same name when present (no normalisation: codes, ids, dates). */
    static void copyText(JsonNode from, ObjectNode to, String field) {
        putText(to, field, text(from, field));
    }

    static void putText(ObjectNode to, String field, String value) {
        if (value != null) {
            to.put(field, value);
        }
    }

    /** Copies an integral number field under the same name when present, as an int when it fits. */
    static void copyInteger(JsonNode from, ObjectNode to, String field) {
        JsonNode value = from.get(field);
        if (value == null || !value.isIntegralNumber()) {
            return;
        }
        if (value.canConvertToInt()) {
            to.put(field, value.intValue());
        } else if (value.canConvertToLong()) {
            to.put(field, value.longValue());
        }
    }

    /** Copies a boolean field under the same name when present. */
    static void copyBoolean(JsonNode from, ObjectNode to, String field) {
        JsonNode value = from.get(field);
        if (value != null && value.isBoolean()) {
            to.put(field, value.booleanValue());
        }
    }

    /** Copies an array of strings under the same name; always writes the array, empty when absent. */
    static void copyTextArray(JsonNode from, ObjectNode to, String field) {
        ArrayNode out = to.putArray(field);
        for (JsonNode element : elements(from, field)) {
            if (element.isTextual()) {
                out.add(element.textValue());
            }
        }
    }

    /** Writes an RFC 3339 instant read from {@code from} as UTC with {@code Z}, when present. */
    static void copyInstant(JsonNode from, ObjectNode to, String field) {
        String value = text(from, field);
        if (value != null) {
            to.put(field, instant(value));
        }
    }

    static String instant(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static String instant(String rfc3339) {
        try {
            return instant(RFC_3339.parse(rfc3339, Instant::from));
        } catch (DateTimeParseException e) {
            // the value is not echoed: the message may reach logs
            throw new IllegalArgumentException("not an RFC 3339 instant; the dossier should have failed validation");
        }
    }
}
