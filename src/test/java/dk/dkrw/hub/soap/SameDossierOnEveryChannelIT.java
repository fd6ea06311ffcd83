package dk.dkrw.hub.soap;

import dk.dkrw.hub.support.DevPki;
import dk.dkrw.hub.support.Dossiers;
import dk.dkrw.hub.support.HubIT;
import dk.dkrw.hub.support.PartnerClient;
import dk.dkrw.hub.support.QueueClient;
import dk.dkrw.hub.support.Samples;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One pipeline behind three channels: the same dossier sent over REST, then SOAP, then the queue is one dossier
 * version, one case and one receipt; the two later channels answer with the original receipt and its signature,
 * and the audit chain holds one acceptance and two repeats.
 */
class SameDossierOnEveryChannelIT extends HubIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void restThenSoapThenQueueMakeOneCaseAndOneReceipt() throws Exception {
        byte[] dossier = Dossiers.withNewId(Samples.validDossier("edge-single-name.json"));
        String dossierId = Dossiers.dossierId(dossier);
        PartnerClient agency = new PartnerClient("dk-dis", port);

        HttpResponse<byte[]> rest = agency.postDossier(dossier, DevPki.signer("dk-dis").signBase64(dossier));
        SoapSender.Answer soap = new SoapSender(agency).submit(dossier, SoapSender.sign("dk-dis", dossier));
        QueueClient.Answer queue;
        try (QueueClient client = new QueueClient("dk-dis", BROKER_PORT)) {
            queue = client.await(client.send(dossier, DevPki.signer("dk-dis").signBase64(dossier)),
                    Duration.ofSeconds(30));
        }

        assertThat(rest.statusCode()).isEqualTo(202);
        String receiptSignature = rest.headers().firstValue("X-Receipt-Signature").orElseThrow();
        assertThat(soap.status()).as(soap.text()).isEqualTo(200);
        assertThat(soap.field("created")).isEqualTo("false");
        assertThat(soap.signedReceipt()).isEqualTo(rest.body());
        assertThat(soap.field("receiptSignature")).isEqualTo(receiptSignature);
        assertThat(queue.rejected()).isFalse();
        assertThat(queue.outcome()).isEqualTo("duplicate");
        assertThat(queue.body()).isEqualTo(rest.body());
        assertThat(queue.signature()).isEqualTo(receiptSignature);

        String caseId = Dossiers.read(rest.body()).path("caseId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from case_feed where case_id = ?", caseId) == 1);
        assertThat(count("select count(*) from case_record where dossier_id = ?", dossierId)).isEqualTo(1);
        assertThat(count("select count(*) from dossier_version where dossier_id = ?", dossierId)).isEqualTo(1);
        assertThat(count("select count(*) from audit_entry where dossier_id = ? and kind = 'DOSSIER_ACCEPTED'",
                dossierId)).isEqualTo(1);
        assertThat(count("select count(*) from audit_entry where dossier_id = ? and kind = 'DOSSIER_DUPLICATE'",
                dossierId)).isEqualTo(2);
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
