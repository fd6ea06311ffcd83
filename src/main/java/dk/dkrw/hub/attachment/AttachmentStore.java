package dk.dkrw.hub.attachment;

import dk.dkrw.hub.validation.AttachmentCatalog;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Content-addressed attachment storage. Bytes are streamed in and out, never held whole in memory; an
 * implementation keeps nothing visible until the content hashes to its address.
 */
public interface AttachmentStore extends AttachmentCatalog {

    /** Whether an upload created the attachment or found it already held. */
    enum Stored { CREATED, ALREADY_HELD }

    /**
     * Streams {@code in} to the store under {@code sha256}, refusing with {@code payload-too-large} past
     * {@code maxBytes} and with {@code attachment-hash-mismatch} when the bytes hash to something else.
     */
    Stored store(String sha256, InputStream in, long maxBytes) throws IOException;

    /** The held bytes, readable as a stream (with ranges), if held. */
    Optional<Resource> open(String sha256);
}
