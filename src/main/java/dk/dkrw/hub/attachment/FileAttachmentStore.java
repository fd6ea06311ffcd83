package dk.dkrw.hub.attachment;

import dk.dkrw.hub.config.HubProperties;
import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.web.RequestBodies;
import dk.dkrw.hub.signature.Sha256;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Attachments on the local filesystem under {@code <data-dir>/attachments/ab/cd/<sha256>}. An upload streams
 * into a private temporary file while it is hashed, is synced to disk, and only then renamed atomically into
 * place; on any failure or abort the temporary file is deleted, so a partial file is never visible.
 */
@Component
public class FileAttachmentStore implements AttachmentStore {

    private static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");
    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final Path incoming;

    public FileAttachmentStore(HubProperties properties) {
        this.root = properties.dataDir().resolve("attachments");
        this.incoming = root.resolve(".incoming");
        try {
            Files.createDirectories(incoming);
            try (var leftovers = Files.list(incoming)) {
                for (Path leftover : leftovers.toList()) {
                    Files.deleteIfExists(leftover);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("attachment store could not be prepared at " + root, e);
        }
    }

    public static boolean isSha256(String value) {
        return value != null && SHA256.matcher(value).matches();
    }

    @Override
    public Stored store(String sha256, InputStream in, long maxBytes) throws IOException {
        Path temporary = incoming.resolve(UUID.randomUUID() + ".part");
        try {
            String actual = streamToFile(in, temporary, maxBytes);
            if (!actual.equals(sha256)) {
                throw new HubException(ProblemCode.ATTACHMENT_HASH_MISMATCH,
                        "uploaded bytes hash to " + actual + ", not to the path's " + sha256);
            }
            Path target = pathOf(sha256);
            if (Files.exists(target)) {
                return Stored.ALREADY_HELD;
            }
            Files.createDirectories(target.getParent());
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                if (Files.exists(target)) {
                    return Stored.ALREADY_HELD;
                }
                throw e;
            }
            syncDirectory(target.getParent());
            return Stored.CREATED;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String streamToFile(InputStream in, Path file, long maxBytes) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            int n;
            while ((n = read(in, buffer)) != -1) {
                total += n;
                if (total > maxBytes) {
                    throw RequestBodies.tooLarge(maxBytes);
                }
                digest.update(buffer, 0, n);
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            }
            out.force(true);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * A read failure is the sender's stream breaking off (client abort, reset, timeout): a refusal of the
     * upload, not a hub failure. Write failures (disk) stay IOExceptions and surface as the hub's own error.
     */
    private static int read(InputStream in, byte[] buffer) {
        try {
            return in.read(buffer);
        } catch (IOException brokenOff) {
            throw new HubException(ProblemCode.MALFORMED_BODY, "the upload ended before its declared end");
        }
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some filesystems refuse to sync a directory; the file itself is already synced
        }
    }

    @Override
    public Optional<Resource> open(String sha256) {
        if (!isSha256(sha256)) {
            return Optional.empty();
        }
        Path file = pathOf(sha256);
        return Files.isRegularFile(file) ? Optional.of(new FileSystemResource(file)) : Optional.empty();
    }

    @Override
    public OptionalLong sizeOf(String sha256) {
        if (!isSha256(sha256)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Files.size(pathOf(sha256)));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    private Path pathOf(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }
}
