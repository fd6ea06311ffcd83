package dk.dkrw.hub.delivery;

import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.signature.BouncyCastle;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.handler.HandlerAction;
import org.apache.wss4j.dom.handler.RequestData;
import org.w3c.dom.Document;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hub's WS-Security signature on outbound status updates, as a WSS4J out-interceptor: a wsu:Timestamp, then
 * an XML signature (exclusive C14N, SHA-256 digests, ECDSA-SHA256 for the hub's EC key or RSA-SHA256 for an RSA
 * key) over the SOAP Body, the Timestamp and the MessageId header, with the hub certificate carried as a
 * BinarySecurityToken (DirectReference) so the receiver needs only the CA to verify.
 *
 * <p>The key never touches disk: WSS4J's {@link Merlin} crypto gets an in-memory key store built from the PEM
 * key, with a random entry password that the callback hands back.
 *
 * <p>The signature itself is computed by Bouncy Castle (passed to WSS4J per message, never registered in the JVM):
 * the JDK's own ECDSA took 10 ms of CPU per delivered event under load, most of the delivery stage's work
 * (bench/README.md).
 *
 * <p>WSS4J and its interceptor are thread-safe per message; one interceptor serves all calls.
 */
final class WsSecuritySigning {

    static final String SOAP12_NS = "http://www.w3.org/2003/05/soap-envelope";
    static final String WSU_NS =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    private static final String ALIAS = "hub-signer";
    private static final String CRYPTO_REF = "dkrw.hub.signingCrypto";
    private static final String ECDSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
    private static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    private static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    private static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    /** Seconds a receiver should accept the Timestamp for. */
    private static final String TIMESTAMP_TTL = "300";

    private WsSecuritySigning() {
    }

    static WSS4JOutInterceptor interceptor(PrivateKey key, X509Certificate certificate) {
        char[] password = KeyMaterial.randomPassword();
        Merlin crypto = new SigningCrypto(bouncyCastleKey(key));
        crypto.setKeyStore(KeyMaterial.keyStore(ALIAS, key, certificate, password));
        String entryPassword = new String(password);

        Map<String, Object> properties = new HashMap<>();
        properties.put(ConfigurationConstants.ACTION,
                ConfigurationConstants.TIMESTAMP + " " + ConfigurationConstants.SIGNATURE);
        properties.put(ConfigurationConstants.SIGNATURE_USER, ALIAS);
        properties.put(ConfigurationConstants.SIG_PROP_REF_ID, CRYPTO_REF);
        properties.put(CRYPTO_REF, crypto);
        properties.put(ConfigurationConstants.PW_CALLBACK_REF, (CallbackHandler) callbacks -> {
            for (Callback callback : callbacks) {
                if (callback instanceof WSPasswordCallback entry && ALIAS.equals(entry.getIdentifier())) {
                    entry.setPassword(entryPassword);
                }
            }
        });
        properties.put(ConfigurationConstants.SIG_KEY_ID, "DirectReference");
        properties.put(ConfigurationConstants.SIG_ALGO, signatureAlgorithm(key));
        properties.put(ConfigurationConstants.SIG_DIGEST_ALGO, SHA256);
        properties.put(ConfigurationConstants.SIG_C14N_ALGO, EXC_C14N);
        properties.put(ConfigurationConstants.SIGNATURE_PARTS,
                "{Element}{" + SOAP12_NS + "}Body;"
                        + "{Element}{" + WSU_NS + "}Timestamp;"
                        + "{Element}{" + EventToStatusUpdateMapper.NAMESPACE + "}MessageId");
        properties.put(ConfigurationConstants.TTL_TIMESTAMP, TIMESTAMP_TTL);
        properties.put(ConfigurationConstants.USE_SINGLE_CERTIFICATE, "true");
        return new BouncyCastleSigningInterceptor(properties);
    }

    private static PrivateKey bouncyCastleKey(PrivateKey key) {
        try {
            return BouncyCastle.privateKey(key);
        } catch (GeneralSecurityException e) {
            throw new HubException(ProblemCode.INTERNAL_ERROR, "hub signing key unusable for WS-Security", e);
        }
    }

    /** WSS4J reads no signature provider from its properties; the request data of each message gets it here. */
    private static final class BouncyCastleSigningInterceptor extends WSS4JOutInterceptor {

        BouncyCastleSigningInterceptor(Map<String, Object> properties) {
            super(properties);
        }

        @Override
        protected void doSenderAction(Document document, RequestData request, List<HandlerAction> actions,
                                      boolean isRequest) throws WSSecurityException {
            request.setSignatureProvider(BouncyCastle.PROVIDER);
            super.doSenderAction(document, request, actions, isRequest);
        }
    }

    private static String signatureAlgorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "EC", "ECDSA" -> ECDSA_SHA256;
            case "RSA" -> RSA_SHA256;
            default -> throw new HubException(ProblemCode.INTERNAL_ERROR,
                    "hub signing key algorithm not supported for WS-Security: " + key.getAlgorithm());
        };
    }

    /**
     * Hands out the signing key as held instead of unwrapping it from the PKCS#12 entry for every message, which
     * costs a PBKDF2 run (about 3 ms here, three times the ECDSA signature itself). The key store still serves
     * the certificate.
     */
    private static final class SigningCrypto extends Merlin {

        private final PrivateKey key;

        SigningCrypto(PrivateKey key) {
            this.key = key;
        }

        @Override
        public PrivateKey getPrivateKey(String identifier, String password) throws WSSecurityException {
            return ALIAS.equals(identifier) ? key : super.getPrivateKey(identifier, password);
        }
    }
}
