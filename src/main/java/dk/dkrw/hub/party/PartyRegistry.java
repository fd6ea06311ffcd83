package dk.dkrw.hub.party;

import dk.dkrw.hub.config.HubProperties;
import dk.dkrw.hub.signature.PemFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.security.auth.x500.X500Principal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Maps certificates to registered parties, from the YAML file named by {@code hub.parties-file}. The file is
 * re-read when it changes (checked at most every two seconds), so adding or removing a partner needs no
 * restart; a broken edit is logged and the previous registry stays in force.
 */
@Component
public class PartyRegistry {

    private static final Logger log = LoggerFactory.getLogger(PartyRegistry.class);
    private static final long CHECK_INTERVAL_NANOS = 2_000_000_000L;

    private final Path file;
    private volatile PartyRegistryFile.Snapshot snapshot;
    private volatile FileTime loadedModified;
    private volatile long lastCheck;

    public PartyRegistry(HubProperties properties) {
        this.file = properties.partiesFile();
        try {
            this.loadedModified = Files.getLastModifiedTime(file);
            this.snapshot = PartyRegistryFile.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("party registry could not be read: " + file, e);
        }
        this.lastCheck = System.nanoTime();
        log.info("party registry loaded from {}: {} parties", file, snapshot.byId().size());
    }

    /** The party a certificate identifies: by SHA-256 fingerprint first, then by exact subject. */
    public Optional<Party> identify(X509Certificate certificate) {
        PartyRegistryFile.Snapshot current = current();
        Party party = current.byFingerprint().get(PemFiles.fingerprint(certificate));
        if (party == null) {
            party = current.bySubject().get(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253));
        }
        return Optional.ofNullable(party);
    }

    public Optional<Party> byId(String partyId) {
        return Optional.ofNullable(current().byId().get(partyId));
    }

    private PartyRegistryFile.Snapshot current() {
        long now = System.nanoTime();
        if (now - lastCheck > CHECK_INTERVAL_NANOS) {
            lastCheck = now;
            reloadIfChanged();
        }
        return snapshot;
    }

    private synchronized void reloadIfChanged() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (!modified.equals(loadedModified)) {
                snapshot = PartyRegistryFile.read(file);
                loadedModified = modified;
                log.info("party registry reloaded from {}: {} parties", file, snapshot.byId().size());
            }
        } catch (IOException | RuntimeException e) {
            log.error("party registry {} could not be reloaded ({}); the previous registry stays in force",
                    file, e.getClass().getSimpleName());
        }
    }
}
