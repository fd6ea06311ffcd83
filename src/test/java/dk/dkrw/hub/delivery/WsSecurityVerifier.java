package dk.dkrw.hub.delivery;

import dk.dkrw.hub.signature.PemFiles;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.WSDataRef;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.engine.WSSecurityEngine;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Verifies the WS-Security header of a captured SOAP request as the Danish side would: WSS4J's
 * {@link WSSecurityEngine} with a trust store holding the dev CA only, so the signature must verify, the
 * signer certificate (carried as a BinarySecurityToken) must chain to that CA, and its subject must be the hub's.
 */
public final class WsSecurityVerifier {

    private final Merlin crypto = new Merlin();
    private final Pattern signerSubject;

    /** Trusting the CA in {@code trustAnchor} for signers whose subject DN matches {@code signerSubject}. */
    public WsSecurityVerifier(Path trustAnchor, String signerSubject) {
        this.signerSubject = Pattern.compile(signerSubject);
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", PemFiles.readCertificate(trustAnchor));
            crypto.setTrustStore(trust);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a verified request proves: the elements the signature covers and who signed. */
    public record Verified(List<QName> signedElements, X509Certificate signer) {
    }

    public Verified verify(String soapEnvelope) throws WSSecurityException {
        RequestData data = new RequestData();
        data.setWssConfig(WSSConfig.getNewInstance());
        data.setSigVerCrypto(crypto);
        data.setSubjectCertConstraints(List.of(signerSubject));
        WSHandlerResult result = new WSSecurityEngine().processSecurityHeader(parse(soapEnvelope), data);
        if (result == null || result.getActionResults().get(WSConstants.SIGN) == null) {
            throw new WSSecurityException(WSSecurityException.ErrorCode.SECURITY_ERROR);
        }
        List<QName> signed = new ArrayList<>();
        X509Certificate signer = null;
        for (WSSecurityEngineResult signature : result.getActionResults().get(WSConstants.SIGN)) {
            signer = (X509Certificate) signature.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE);
            @SuppressWarnings("unchecked")
            List<WSDataRef> refs = (List<WSDataRef>) signature.get(WSSecurityEngineResult.TAG_DATA_REF_URIS);
            refs.forEach(ref -> signed.add(ref.getName()));
        }
        return new Verified(signed, signer);
    }

    public static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new IllegalStateException("not XML", e);
        }
    }
}
