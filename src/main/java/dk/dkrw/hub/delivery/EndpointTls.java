package dk.dkrw.hub.delivery;

import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.signature.PemFiles;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/**
 * Configures a CXF HTTP conduit for the Danish endpoint: mutual TLS with the hub's client certificate, server
 * trust anchored only in the configured CA file (never the JDK's default cacerts), host name verification on,
 * the protocol versions the JDK enables (TLS 1.3 and 1.2 on Java 17), the connect and receive timeouts,
 * HTTP/1.1, no redirects and no chunking (a plain Content-Length request is what SOAP stacks accept everywhere).
 */
final class EndpointTls {

    private EndpointTls() {
    }

    static void configure(HTTPConduit conduit, StatusEndpointSettings settings) {
        conduit.setTlsClientParameters(tlsParameters(settings));
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(settings.connectTimeout().toMillis());
        policy.setReceiveTimeout(settings.receiveTimeout().toMillis());
        policy.setAutoRedirect(false);
        policy.setAllowChunking(false);
        policy.setVersion("1.1");
        conduit.setClient(policy);
    }

    private static TLSClientParameters tlsParameters(StatusEndpointSettings settings) {
        char[] password = KeyMaterial.randomPassword();
        KeyStore identity = KeyMaterial.keyStore("hub-tls", PemFiles.readPrivateKey(settings.clientKey()),
                PemFiles.readCertificate(settings.clientCertificate()), password);
        KeyStore trust = KeyMaterial.trustStore(PemFiles.readCertificates(settings.trustAnchors()));
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(identity, password);
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
            trustManagers.init(trust);
            TLSClientParameters tls = new TLSClientParameters();
            tls.setKeyManagers(keys.getKeyManagers());
            tls.setTrustManagers(trustManagers.getTrustManagers());
            tls.setDisableCNCheck(false);
            return tls;
        } catch (GeneralSecurityException e) {
            throw new HubException(ProblemCode.INTERNAL_ERROR, "TLS set-up for delivery failed", e);
        }
    }
}
