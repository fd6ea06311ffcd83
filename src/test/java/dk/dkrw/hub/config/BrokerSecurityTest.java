package dk.dkrw.hub.config;

import dk.dkrw.hub.party.PartyRegistry;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import javax.security.auth.Subject;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

/** Who may do what on the broker: one agency party per connection, send on the inbound queue only. */
class BrokerSecurityTest {

    private static final String TEMPORARY = "5f0c3c3e-6a8e-4d8e-9d6b-0a4c2f1e9b7d";
    private static final PartyRegistry PARTIES = new PartyRegistry(new HubProperties(null, null, null, null,
            Path.of("certs-dev", "parties.yaml"), null, null, null, null, null, null, null));

    private static BrokerSecurity security(boolean allowDevelopment, boolean tls, HubProperties.BrokerUser... users) {
        return new BrokerSecurity(new HubProperties.Broker(61616, true, null, 4, List.of(users), allowDevelopment),
                PARTIES, PasswordEncoderFactories.createDelegatingPasswordEncoder(), tls);
    }

    private static Subject as(String user) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        return subject;
    }

    @Test
    void refusesTheDevelopmentPasswordsOutsideTheDefaultProfile() {
        assertThatThrownBy(() -> security(false, true,
                new HubProperties.BrokerUser("dk-dis", "{noop}dk-dis-broker-dev-password")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("development password")
                .hasMessageNotContaining("dk-dis-broker-dev-password");
        assertThat(security(true, true, new HubProperties.BrokerUser("dk-dis", "dk-dis-broker-dev-password")))
                .isNotNull();
    }

    @Test
    void refusesAWrongPasswordAndARightPasswordWithoutTheMatchingCertificate() {
        RemotingConnection network = mock(RemotingConnection.class);
        BrokerSecurity withTls = security(true, true, new HubProperties.BrokerUser("dk-dis", "secret"));
        assertThat(withTls.authenticate("dk-dis", "wrong", network, null)).isNull();
        assertThat(withTls.authenticate("nobody", "secret", network, null)).isNull();
        assertThat(withTls.authenticate("dk-dis", "secret", network, null)).as("no client certificate").isNull();
        BrokerSecurity plain = security(true, false, new HubProperties.BrokerUser("dk-dis", "secret"));
        assertThat(plain.authenticate("dk-dis", "secret", network, null).getPrincipals(UserPrincipal.class))
                .extracting(UserPrincipal::getName).containsExactly("dk-dis");
    }

    @Test
    void anAgencyMaySendToTheInboundQueueOnlyAndReadRejectionsAndItsReplyQueues() {
        BrokerSecurity security = security(true, true);
        Subject agency = as("dk-dis");
        assertThat(security.authorize(agency, Set.of(), CheckType.SEND, "dk.dossiers.inbound")).isTrue();
        assertThat(security.authorize(agency, Set.of(), CheckType.CONSUME, "dk.dossiers.rejected")).isTrue();
        assertThat(security.authorize(agency, Set.of(), CheckType.CREATE_NON_DURABLE_QUEUE, TEMPORARY)).isTrue();
        assertThat(security.authorize(agency, Set.of(), CheckType.CONSUME, TEMPORARY)).isTrue();

        assertThat(security.authorize(agency, Set.of(), CheckType.CONSUME, "dk.dossiers.inbound")).isFalse();
        assertThat(security.authorize(agency, Set.of(), CheckType.SEND, "hub.dossier.accepted")).isFalse();
        assertThat(security.authorize(agency, Set.of(), CheckType.SEND, "dk.dossiers.rejected")).isFalse();
        assertThat(security.authorize(agency, Set.of(), CheckType.SEND, TEMPORARY)).isFalse();
        assertThat(security.authorize(agency, Set.of(), CheckType.CREATE_DURABLE_QUEUE, "dk.dossiers.inbound"))
                .isFalse();
        assertThat(security.authorize(agency, Set.of(), CheckType.MANAGE, "activemq.management")).isFalse();
    }

    @Test
    void aPartyThatMayNotSubmitDossiersMayDoNothingAndTheHubItselfAnything() {
        BrokerSecurity security = security(true, true);
        assertThat(security.authorize(as("rw-kigali-office"), Set.of(), CheckType.SEND, "dk.dossiers.inbound"))
                .isFalse();
        assertThat(security.authorize(as("unknown"), Set.of(), CheckType.SEND, "dk.dossiers.inbound")).isFalse();
        assertThat(security.authorize(null, Set.of(), CheckType.SEND, "dk.dossiers.inbound")).isFalse();
        assertThat(security.authorize(as(BrokerSecurity.HUB_INTERNAL), Set.of(), CheckType.MANAGE, "anything"))
                .isTrue();
    }
}
