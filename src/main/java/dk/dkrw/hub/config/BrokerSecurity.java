package dk.dkrw.hub.config;

import dk.dkrw.hub.intake.QueueIntake;
import dk.dkrw.hub.party.Party;
import dk.dkrw.hub.party.PartyRegistry;
import dk.dkrw.hub.party.Permission;
import org.apache.activemq.artemis.core.remoting.CertificateUtil;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnection;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.security.auth.Subject;
import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may do what on the embedded broker. In-VM connections are the hub itself and may do anything. A network
 * connection is one agency: its user is a party id with a configured password, and its TLS client
 * certificate must identify that same party. An agency may only send to {@code dk.dossiers.inbound}, read
 * {@code dk.dossiers.rejected}, and use temporary reply queues; nothing else, not even the hub's own queues.
 * The authenticated party id becomes the message's validated user, from which the queue intake takes the
 * transport party.
 */
final class BrokerSecurity implements ActiveMQSecurityManager5 {

    /** The validated user of the hub's own in-VM sessions; never a party id. */
    static final String HUB_INTERNAL = "hub-internal";

    /** The development passwords documented in README; refused outside the default profile. */
    static final List<String> DEVELOPMENT_PASSWORDS = List.of("dk-dis-broker-dev-password",
            "dk-hjr-broker-dev-password");

    private static final Logger log = LoggerFactory.getLogger(BrokerSecurity.class);
    private static final Pattern TEMPORARY = Pattern.compile(
            "^(?:.*\\.)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Set<CheckType> REPLY_QUEUE_USE = EnumSet.of(CheckType.CREATE_ADDRESS,
            CheckType.DELETE_ADDRESS, CheckType.CREATE_NON_DURABLE_QUEUE, CheckType.DELETE_NON_DURABLE_QUEUE,
            CheckType.CONSUME, CheckType.BROWSE);

    private final PartyRegistry parties;
    private final PasswordEncoder encoder;
    private final Map<String, String> passwords;
    private final boolean tls;

    BrokerSecurity(HubProperties.Broker broker, PartyRegistry parties, PasswordEncoder encoder, boolean tls) {
        this.parties = parties;
        this.encoder = encoder;
        this.tls = tls;
        this.passwords = accounts(broker, encoder);
    }

    private static Map<String, String> accounts(HubProperties.Broker broker, PasswordEncoder encoder) {
        Map<String, String> accounts = new HashMap<>();
        for (int i = 0; i < broker.users().size(); i++) {
            HubProperties.BrokerUser user = broker.users().get(i);
            String label = "hub.broker.users[" + i + "]";
            if (user.party() == null || user.party().isBlank() || user.password() == null
                    || user.password().isBlank()) {
                throw new IllegalStateException(label + " needs a party and a password");
            }
            String encoded = user.password().startsWith("{") ? user.password() : "{noop}" + user.password();
            if (!broker.allowDevelopmentPasswords()
                    && DEVELOPMENT_PASSWORDS.stream().anyMatch(dev -> encoder.matches(dev, encoded))) {
                throw new IllegalStateException(label + " (" + user.party() + ") uses a development password; "
                        + "set a real one (HUB_BROKER_USERS_" + i + "_PASSWORD)");
            }
            if (accounts.put(user.party(), encoded) != null) {
                throw new IllegalStateException(label + " repeats party " + user.party());
            }
        }
        return Map.copyOf(accounts);
    }

    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection,
                                String securityDomain) {
        if (connection == null || connection.getTransportConnection() instanceof InVMConnection) {
            return subject(HUB_INTERNAL);
        }
        String encoded = user == null ? null : passwords.get(user);
        if (encoded == null || password == null || !encoder.matches(password, encoded)) {
            log.warn("broker connection from {} refused: {}", connection.getRemoteAddress(),
                    encoded == null ? "no such broker user" : "wrong password");
            return null;
        }
        if (tls) {
            Optional<String> certificateParty = certificateParty(connection);
            if (certificateParty.isEmpty() || !certificateParty.get().equals(user)) {
                log.warn("broker connection of {} refused: its TLS certificate names party {}", user,
                        certificateParty.orElse("(none)"));
                return null;
            }
        }
        return subject(user);
    }

    private Optional<String> certificateParty(RemotingConnection connection) {
        X509Certificate[] certificates = CertificateUtil.getCertsFromConnection(connection);
        if (certificates == null || certificates.length == 0) {
            return Optional.empty();
        }
        return parties.identify(certificates[0]).map(Party::id);
    }

    @Override
    public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
        String user = userOf(subject);
        if (HUB_INTERNAL.equals(user)) {
            return true;
        }
        if (user == null || address == null
                || parties.byId(user).filter(p -> p.may(Permission.DOSSIER_SUBMIT)).isEmpty()) {
            return false;
        }
        String plain = address.contains("::") ? address.substring(0, address.indexOf("::")) : address;
        boolean allowed = switch (checkType) {
            case SEND -> QueueIntake.INBOUND.equals(plain);
            case CONSUME, BROWSE -> QueueIntake.REJECTED.equals(plain) || TEMPORARY.matcher(plain).matches();
            default -> REPLY_QUEUE_USE.contains(checkType) && TEMPORARY.matcher(plain).matches();
        };
        if (!allowed) {
            log.warn("broker refused {} on {} to party {}", checkType, plain, user);
        }
        return allowed;
    }

    private static String userOf(Subject subject) {
        if (subject == null) {
            return null;
        }
        return subject.getPrincipals(UserPrincipal.class).stream().map(UserPrincipal::getName).findFirst()
                .orElse(null);
    }

    private static Subject subject(String user) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        return subject;
    }

    @Override
    public boolean validateUser(String user, String password) {
        return false;
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        return false;
    }
}
