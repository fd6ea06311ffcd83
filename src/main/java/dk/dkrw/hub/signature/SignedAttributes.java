package dk.dkrw.hub.signature;

import dk.dkrw.hub.problem.ProblemCode;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertID;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificate;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.SignerInformation;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Map;

/**
 * Checks on a signer's signed attributes that Bouncy Castle leaves to the caller: content-type (id-data),
 * message-digest and signing-time must each be present exactly once, and an ESS signing-certificate(-v2)
 * attribute, when present, must name the certificate that actually signed.
 */
final class SignedAttributes {

    private static final Map<ASN1ObjectIdentifier, String> ESS_V2_DIGESTS = Map.of(
            NISTObjectIdentifiers.id_sha256, "SHA-256",
            NISTObjectIdentifiers.id_sha384, "SHA-384",
            NISTObjectIdentifiers.id_sha512, "SHA-512");

    private SignedAttributes() {
    }

    /** Checks the mandatory attributes and returns the signing time. */
    static Instant requireMandatory(SignerInformation signer) {
        AttributeTable table = signer.getSignedAttributes();
        if (table == null) {
            throw invalid("no signed attributes");
        }
        if (!CMSObjectIdentifiers.data.equals(single(table, CMSAttributes.contentType, "content-type"))) {
            throw invalid("content-type attribute is not id-data");
        }
        single(table, CMSAttributes.messageDigest, "message-digest");
        ASN1Encodable time = single(table, CMSAttributes.signingTime, "signing-time");
        try {
            return Time.getInstance(time).getDate().toInstant();
        } catch (RuntimeException e) {
            throw invalid("signing-time attribute unreadable");
        }
    }

    /** When an ESS signing-certificate(-v2) attribute is present, its first entry must be the signer's. */
    static void checkSigningCertificate(SignerInformation signer, X509CertificateHolder certificate) {
        AttributeTable table = signer.getSignedAttributes();
        try {
            if (table.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2) != null) {
                ESSCertIDv2 id = SigningCertificateV2.getInstance(
                        single(table, PKCSObjectIdentifiers.id_aa_signingCertificateV2, "signing-certificate-v2"))
                        .getCerts()[0];
                String digest = ESS_V2_DIGESTS.get(id.getHashAlgorithm().getAlgorithm());
                if (digest == null) {
                    throw invalid("signing-certificate-v2 hash algorithm not accepted");
                }
                requireMatch(id.getCertHash(), id.getIssuerSerial(), digest, certificate, "signing-certificate-v2");
            }
            if (table.get(PKCSObjectIdentifiers.id_aa_signingCertificate) != null) {
                ESSCertID id = SigningCertificate.getInstance(
                        single(table, PKCSObjectIdentifiers.id_aa_signingCertificate, "signing-certificate"))
                        .getCerts()[0];
                requireMatch(id.getCertHash(), id.getIssuerSerial(), "SHA-1", certificate, "signing-certificate");
            }
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            if (e instanceof SignatureException signatureException) {
                throw signatureException;
            }
            throw invalid("ESS signing-certificate attribute unreadable");
        }
    }

    private static void requireMatch(byte[] expectedHash, IssuerSerial issuerSerial, String digest,
                                     X509CertificateHolder certificate, String name)
            throws IOException, NoSuchAlgorithmException {
        byte[] actual = MessageDigest.getInstance(digest).digest(certificate.getEncoded());
        if (!MessageDigest.isEqual(expectedHash, actual)) {
            throw invalid(name + " attribute does not match the signer certificate");
        }
        if (issuerSerial != null && !(issuerSerial.getSerial().hasValue(certificate.getSerialNumber())
                && namesIssuer(issuerSerial, certificate))) {
            throw invalid(name + " issuer/serial does not match the signer certificate");
        }
    }

    private static boolean namesIssuer(IssuerSerial issuerSerial, X509CertificateHolder certificate) {
        for (GeneralName name : issuerSerial.getIssuer().getNames()) {
            if (name.getTagNo() == GeneralName.directoryName
                    && certificate.getIssuer().equals(X500Name.getInstance(name.getName()))) {
                return true;
            }
        }
        return false;
    }

    private static ASN1Encodable single(AttributeTable table, ASN1ObjectIdentifier type, String name) {
        ASN1EncodableVector attributes = table.getAll(type);
        if (attributes.size() == 0) {
            throw invalid(name + " attribute missing");
        }
        if (attributes.size() > 1) {
            throw invalid(name + " attribute repeated");
        }
        ASN1Set values = Attribute.getInstance(attributes.get(0)).getAttrValues();
        if (values.size() != 1) {
            throw invalid(name + " attribute must have exactly one value");
        }
        return values.getObjectAt(0);
    }

    private static SignatureException invalid(String detail) {
        return new SignatureException(ProblemCode.SIGNATURE_INVALID, detail);
    }
}
