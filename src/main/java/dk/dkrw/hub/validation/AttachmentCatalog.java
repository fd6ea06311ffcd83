package dk.dkrw.hub.validation;

import java.util.OptionalLong;

/**
 * What the validator needs to know of the hub's content-addressed attachment store: whether bytes with a given
 * SHA-256 are held, and how many. Implementations must be thread-safe.
 */
public interface AttachmentCatalog {

    /** The size in bytes of the held attachment with this lower-case hex SHA-256, or empty when none is held. */
    OptionalLong sizeOf(String sha256);
}
