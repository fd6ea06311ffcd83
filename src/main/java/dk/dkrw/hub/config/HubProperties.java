package dk.dkrw.hub.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/** Everything under {@code hub.*}; see application.yaml for defaults and README for meanings. */
@ConfigurationProperties(prefix = "hub")
public record HubProperties(
        Path dataDir,
        Path certsDir,
        Partner partner,
        Ops ops,
        Path partiesFile,
        Signature signature,
        String pseudonymKey,
        Commit commit,
        Outbox outbox,
        Queues queues,
        Broker broker,
        Denmark denmark) {

    public record Partner(int port, DataSize maxJsonBytes, DataSize maxAttachmentBytes) {
    }

    /**
     * The operator port and its accounts. {@code allowDevelopmentPasswords} is true only in the default
     * (development) profile; elsewhere an account with a documented development password stops the start.
     */
    public record Ops(int port, String address, List<OpsUser> users, boolean allowDevelopmentPasswords) {

        public Ops {
            users = users == null ? List.of() : List.copyOf(users);
        }
    }

    /** One operator account: {@code password} may carry a {@code {bcrypt}}/{@code {noop}}/... encoding prefix. */
    public record OpsUser(String name, String password, String role) {

        /** Never prints the password, should the record ever be logged or shown. */
        @Override
        public String toString() {
            return "OpsUser[name=" + name + ", role=" + role + ", password=(hidden)]";
        }
    }

    public record Signature(List<Path> trustAnchors, List<Path> crls, Duration maxFutureSkew,
                            Path hubCertificate, Path hubKey) {
    }

    public record Commit(int maxBatch) {
    }

    public record Outbox(long sweepInterval, int batchSize) {
    }

    public record Queues(Duration redeliveryDelay, double redeliveryMultiplier, Duration maxRedeliveryDelay,
                         int maxDeliveryAttempts) {
    }

    /**
     * The embedded broker's TCP acceptor for agencies on the message bus (queue intake): bound to
     * {@code tcpHost}, always TLS with a client certificate required, and each connection authenticated as one
     * agency party by {@code users} (a password per party; the certificate, when it names a party, must name
     * the same one). {@code allowDevelopmentPasswords} is true only in the default (development) profile.
     */
    public record Broker(int tcpPort, boolean tcpEnabled, String tcpHost, int intakeConsumers,
                         List<BrokerUser> users, boolean allowDevelopmentPasswords) {

        public Broker {
            users = users == null ? List.of() : List.copyOf(users);
            tcpHost = tcpHost == null || tcpHost.isBlank() ? "127.0.0.1" : tcpHost;
            intakeConsumers = intakeConsumers < 1 ? 4 : intakeConsumers;
        }
    }

    /** One agency's broker account: {@code password} may carry a {@code {bcrypt}}/{@code {noop}} prefix. */
    public record BrokerUser(String party, String password) {

        /** Never prints the password, should the record ever be logged or shown. */
        @Override
        public String toString() {
            return "BrokerUser[party=" + party + ", password=(hidden)]";
        }
    }

    /** The Danish case-status endpoint, and how delivery to it retries and protects it. */
    public record Denmark(StatusEndpoint statusEndpoint, Retry retry, Breaker breaker, int consumers) {
    }

    public record StatusEndpoint(java.net.URI url, Path clientCertificate, Path clientKey, Path signingCertificate,
                                 Path signingKey, Path trustAnchors, Duration connectTimeout,
                                 Duration receiveTimeout) {
    }

    /** Exponential backoff with jitter, bounded by attempts and by total time since the first attempt. */
    public record Retry(Duration initialDelay, double multiplier, Duration maxDelay, double jitter, int maxAttempts,
                        Duration maxTotalTime) {
    }

    /** Resilience4j circuit breaker settings for the Danish endpoint. */
    public record Breaker(float failureRateThreshold, int minimumCalls, int slidingWindow, Duration waitInOpen,
                          int halfOpenCalls) {
    }

    /** The HMAC key for pseudonyms, decoded from base64; at least 32 bytes. */
    public byte[] pseudonymKeyBytes() {
        if (pseudonymKey == null || pseudonymKey.isBlank()) {
            throw new IllegalStateException("hub.pseudonym-key is not set");
        }
        byte[] key = Base64.getDecoder().decode(pseudonymKey.trim());
        if (key.length < 32) {
            throw new IllegalStateException("hub.pseudonym-key must decode to at least 32 bytes");
        }
        return key;
    }
}
