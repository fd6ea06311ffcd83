package dk.dkrw.hub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dkrw.hub.signature.CmsSigner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntPredicate;

/** Makes distinct dossiers from the samples, so tests sharing one hub never collide on dossierId. */
public final class Dossiers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Dossiers() {
    }

    public static String dossierId(byte[] dossier) {
        return read(dossier).path("dossierId").asText();
    }

    /** The same document with a new random dossierId (all other bytes unchanged). */
    /** Dossiers with their detached signatures (base64), in the same order. */
    public record Signed(List<byte[]> dossiers, List<String> signatures) {
    }

    /**
     * {@code count} distinct dossiers made from one valid sample, each signed by {@code signer}; those whose index
     * {@code signedOverOtherBytes} picks carry a signature over different bytes (a signature-invalid refusal).
     */
    public static Signed freshSigned(int count, String sample, CmsSigner signer, IntPredicate signedOverOtherBytes) {
        List<byte[]> dossiers = new ArrayList<>();
        List<String> signatures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] dossier = withNewId(Samples.validDossier(sample));
            dossiers.add(dossier);
            signatures.add(signer.signBase64(signedOverOtherBytes.test(i) ? withNewId(dossier) : dossier));
        }
        return new Signed(dossiers, signatures);
    }

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
