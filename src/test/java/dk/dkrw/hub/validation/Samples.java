package dk.dkrw.hub.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.dkrw.hub.dossier.DossierIdentity;
import dk.dkrw.hub.problem.Violation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** The project's sample dossiers and a validator whose attachment store holds exactly samples/attachments. */
final class Samples {

    static final Path DOSSIERS = Path.of("samples", "dossiers");
    static final Path ATTACHMENTS = Path.of("samples", "attachments");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    static final String US = "US";

    private static final StrictJsonReader READER = new StrictJsonReader();
    private static final Map<String, Long> HELD = hashAttachments();
    static final AttachmentCatalog CATALOG = sha256 -> HELD.containsKey(sha256)
            ? OptionalLong.of(HELD.get(sha256)) : OptionalLong.empty();
    static final DossierValidator VALIDATOR =
            new DossierValidator(JsonSchemaCheck.load("dk-dossier-1.schema.json"), CATALOG, CLOCK);

    private Samples() {
    }

    /** A fresh, mutable copy of a sample, e.g. {@code read("valid/dk-dis-family.json")}. */
    static ObjectNode read(String relative) {
        return (ObjectNode) READER.readObject(bytes(DOSSIERS.resolve(relative)));
    }

    static ObjectNode family() {
        return read("valid/dk-dis-family.json");
    }

    static ValidationReport validate(JsonNode dossier) {
        return VALIDATOR.validate(dossier, US, null);
    }

    static ValidationReport validate(JsonNode dossier, DossierIdentity previous) {
        return VALIDATOR.validate(dossier, US, previous);
    }

    static List<String> pointers(List<Violation> violations) {
        return violations.stream().map(Violation::pointer).toList();
    }

    static List<String> pointers(ValidationReport report) {
        return pointers(report.violations());
    }

    static ObjectNode object(JsonNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }

    static Stream<Path> files(String folder, String suffix) {
        try {
            return Files.list(DOSSIERS.resolve(folder))
                    .filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Long> hashAttachments() {
        Map<String, Long> held = new HashMap<>();
        try (Stream<Path> files = Files.list(ATTACHMENTS)) {
            for (Path file : files.toList()) {
                byte[] content = bytes(file);
                held.put(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)),
                        (long) content.length);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return held;
    }
}
