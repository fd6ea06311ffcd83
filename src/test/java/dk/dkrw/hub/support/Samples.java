package dk.dkrw.hub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** The committed samples in {@code samples/}, read as bytes exactly as a partner would send them. */
public final class Samples {

    public static final Path DIR = Path.of("samples");

    private Samples() {
    }

    public static byte[] validDossier(String name) {
        return read(DIR.resolve("dossiers/valid").resolve(name));
    }

    public static byte[] invalidDossier(String name) {
        return read(DIR.resolve("dossiers/invalid").resolve(name));
    }

    public static byte[] attachment(String name) {
        return read(DIR.resolve("attachments").resolve(name));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
