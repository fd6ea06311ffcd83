package dk.dkrw.hub.devpki;

import dk.dkrw.hub.devpki.DevCertificateIssuer.Issuer;
import dk.dkrw.hub.devpki.DevCertificateIssuer.Role;
import dk.dkrw.hub.devpki.PartyRegistryWriter.Entry;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates the committed development PKI ({@code certs-dev/}): a dev root CA, the hub, the three dev parties,
 * the negative cases (expired, revoked + CRL, a look-alike from an untrusted CA) and the party registry.
 * DEVELOPMENT ONLY: the private keys are written unencrypted and committed on purpose.
 *
 * <p>Usage: {@code DevPkiGenerator [targetFolder]} (default {@code certs-dev}).
 */
public final class DevPkiGenerator {

    private static final List<String> AGENCY_PERMISSIONS = List.of("DOSSIER_SUBMIT", "ATTACHMENT_UPLOAD",
            "DOSSIER_STATUS");
    private static final List<String> KIGALI_PERMISSIONS = List.of("CASE_READ", "CASE_ACK", "EVENT_SUBMIT");

    private final DevCertificateIssuer issuer = new DevCertificateIssuer();
    private final PemOutput out;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private DevPkiGenerator(PemOutput out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "certs-dev");
        new DevPkiGenerator(new PemOutput(target)).generate();
        System.out.println("Development PKI written to " + target.toAbsolutePath().normalize()
                + " (DEVELOPMENT ONLY, never use in production)");
    }

    private void generate() throws Exception {
        Issuer ca = newCa("ca", "DK-RW Hub Dev Root CA", "DK-RW Hub DEVELOPMENT ONLY", true);
        Instant partyFrom = now.minus(Duration.ofDays(1));
        Instant partyTo = now.plus(Duration.ofDays(5 * 365 + 1));

        endEntity("hub", name("hub", "DK-RW Hub DEV", "DK"), Role.TLS_SERVER_AND_SIGNER, ca, partyFrom, partyTo);
        List<Entry> parties = new ArrayList<>();
        parties.add(new Entry("dk-dis", "agency", "US", AGENCY_PERMISSIONS, endEntity("dk-dis",
                name("dk-dis", "Danish Immigration Service DEV", "DK"), Role.PARTY, ca, partyFrom, partyTo)));
        parties.add(new Entry("dk-hjr", "agency", "HJEMST", AGENCY_PERMISSIONS, endEntity("dk-hjr",
                name("dk-hjr", "Danish Return Agency DEV", "DK"), Role.PARTY, ca, partyFrom, partyTo)));
        parties.add(new Entry("rw-kigali-office", "kigali", null, KIGALI_PERMISSIONS, endEntity("rw-kigali-office",
                name("rw-kigali-office", "Danish Office Kigali DEV", "RW"), Role.PARTY, ca, partyFrom, partyTo)));

        endEntity("dk-dis-expired", name("dk-dis-expired", "Danish Immigration Service DEV", "DK"), Role.PARTY, ca,
                now.minus(Duration.ofDays(3 * 365)), now.minus(Duration.ofDays(2 * 365)));
        X509Certificate revoked = endEntity("dk-dis-revoked",
                name("dk-dis-revoked", "Danish Immigration Service DEV", "DK"), Role.PARTY, ca, partyFrom, partyTo);
        out.crl("ca.crl", issuer.crl(ca, List.of(revoked.getSerialNumber()),
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(10 * 365 + 2))));

        // Same subject as the real dk-dis: proves that a subject alone never grants trust.
        Issuer untrustedCa = newCa("untrusted-ca", "DK-RW Untrusted Dev CA", "Untrusted DEVELOPMENT ONLY", false);
        endEntity("untrusted", name("dk-dis", "Danish Immigration Service DEV", "DK"), Role.PARTY, untrustedCa,
                partyFrom, partyTo);

        out.text("parties.yaml", PartyRegistryWriter.render(parties));
    }

    private Issuer newCa(String fileStem, String commonName, String organisation, boolean writeKey)
            throws Exception {
        KeyPair keys = issuer.newKeyPair();
        X509Certificate certificate = issuer.selfSignedCa(name(commonName, organisation, "DK"), keys,
                now.minus(Duration.ofDays(10 * 365 + 3)), now.plus(Duration.ofDays(20 * 365 + 5)));
        out.certificate(fileStem + ".crt", certificate);
        if (writeKey) {
            out.privateKey(fileStem + ".key", keys.getPrivate());
        }
        return new Issuer(certificate, keys.getPrivate());
    }

    private X509Certificate endEntity(String fileStem, X500Name subject, Role role, Issuer by, Instant notBefore,
                                      Instant notAfter) throws Exception {
        KeyPair keys = issuer.newKeyPair();
        X509Certificate certificate = issuer.endEntity(subject, keys.getPublic(), role, by, notBefore, notAfter);
        out.certificate(fileStem + ".crt", certificate);
        out.privateKey(fileStem + ".key", keys.getPrivate());
        return certificate;
    }

    /** Built C, O, CN so that the RFC 2253 form (most specific first) reads "CN=...,O=...,C=..". */
    private static X500Name name(String commonName, String organisation, String country) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, country)
                .addRDN(BCStyle.O, organisation)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }
}
