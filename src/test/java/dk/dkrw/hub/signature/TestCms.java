package dk.dkrw.hub.signature;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Hashtable;
import java.util.List;

/** Builds the malformed or unusual CMS structures that {@link CmsSigner} would never produce. */
final class TestCms {

    private TestCms() {
    }

    /** One signer of a test CMS: credential, JCA signature algorithm and its signed-attribute generator. */
    record SignerSpec(TestPki.Credential credential, String algorithm, CMSAttributeTableGenerator attributes) {

        static SignerSpec standard(TestPki.Credential credential, Instant signingTime) {
            return new SignerSpec(credential, "SHA256withECDSA", withSigningTime(signingTime));
        }
    }

    static String build(byte[] content, boolean encapsulate, List<SignerSpec> signers,
                        List<X509Certificate> certificates) throws Exception {
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        for (SignerSpec signer : signers) {
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(signer.attributes())
                    .build(new JcaContentSignerBuilder(signer.algorithm()).build(signer.credential().key()),
                            signer.credential().certificate()));
        }
        for (X509Certificate certificate : certificates) {
            generator.addCertificate(new JcaX509CertificateHolder(certificate));
        }
        byte[] der = generator.generate(new CMSProcessableByteArray(content), encapsulate)
                .getEncoded(ASN1Encoding.DER);
        return Base64.getEncoder().encodeToString(der);
    }

    /** Detached, one standard signer, its certificate included. */
    static String detached(byte[] content, SignerSpec signer) throws Exception {
        return build(content, false, List.of(signer), List.of(signer.credential().certificate()));
    }

    static CMSAttributeTableGenerator withSigningTime(Instant signingTime, Attribute... extra) {
        Hashtable<ASN1ObjectIdentifier, Attribute> table = new Hashtable<>();
        table.put(CMSAttributes.signingTime, new Attribute(CMSAttributes.signingTime,
                new DERSet(new Time(Date.from(signingTime)))));
        for (Attribute attribute : extra) {
            table.put(attribute.getAttrType(), attribute);
        }
        return new DefaultSignedAttributeTableGenerator(new AttributeTable(table));
    }

    /** Only content-type and message-digest: what a producer that forgets signing-time sends. */
    static CMSAttributeTableGenerator withoutSigningTime() {
        return parameters -> {
            Hashtable<ASN1ObjectIdentifier, Attribute> table = new Hashtable<>();
            table.put(CMSAttributes.contentType, new Attribute(CMSAttributes.contentType,
                    new DERSet((ASN1ObjectIdentifier) parameters.get(CMSAttributeTableGenerator.CONTENT_TYPE))));
            table.put(CMSAttributes.messageDigest, new Attribute(CMSAttributes.messageDigest,
                    new DERSet(new DEROctetString((byte[]) parameters.get(CMSAttributeTableGenerator.DIGEST)))));
            return new AttributeTable(table);
        };
    }
}
