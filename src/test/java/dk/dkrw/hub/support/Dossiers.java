package dk.dkrw.hub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Makes distinct dossiers from the samples, so tests sharing one hub never collide on dossierId. */
public final class Dossiers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Dossiers() {
    }

    public static String dossierId(byte[] dossier) {
        return read(dossier).path("dossierId").asText();
    }

    /** The same document with a new random dossierId (all other bytes unchanged). */
    public static byte[] withNewId(byte[] dossier) {
        String text = new String(dossier, StandardCharsets.UTF_8);
        String id = dossierId(dossier);
        return text.replace("\"" + id + "\"", "\"" + UUID.randomUUID() + "\"").getBytes(StandardCharsets.UTF_8);
    }

    /** The same document with its {@code version} set (text replacement of the first version field). */
    public static byte[] withVersion(byte[] dossier, int version) {
        String text = new String(dossier, StandardCharsets.UTF_8);
        return text.replaceFirst("\"version\"\\s*:\\s*\\d+", "\"version\": " + version)
                .getBytes(StandardCharsets.UTF_8);
    }

    public static JsonNode read(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
