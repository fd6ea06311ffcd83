package dk.dkrw.hub.config;

import dk.dkrw.hub.attachment.AttachmentStore;
import dk.dkrw.hub.event.EventValidator;
import dk.dkrw.hub.signature.CmsSigner;
import dk.dkrw.hub.signature.CmsVerifier;
import dk.dkrw.hub.signature.TrustAnchors;
import dk.dkrw.hub.transform.DossierToCaseMapper;
import dk.dkrw.hub.transform.Pseudonymizer;
import dk.dkrw.hub.validation.DossierValidator;
import dk.dkrw.hub.validation.JsonSchemaCheck;
import dk.dkrw.hub.validation.StrictJsonReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** The plain-Java domain pieces (signatures, validation, mapping) as beans, built from {@code hub.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HubProperties.class)
public class CoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CoreConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    StrictJsonReader strictJsonReader() {
        return new StrictJsonReader();
    }

    @Bean
    TrustAnchors trustAnchors(HubProperties properties) {
        HubProperties.Signature signature = properties.signature();
        List<Path> crls = signature.crls() == null ? List.of()
                : signature.crls().stream().filter(Files::exists).toList();
        TrustAnchors anchors = TrustAnchors.load(signature.trustAnchors(), crls);
        if (anchors.isDevelopmentAnchor()) {
            log.warn("*** The DEVELOPMENT trust anchor from {} is in use. Never run like this with real data. ***",
                    signature.trustAnchors());
        }
        return anchors;
    }

    @Bean
    CmsVerifier cmsVerifier(TrustAnchors anchors, HubProperties properties, Clock clock) {
        return new CmsVerifier(anchors, properties.signature().maxFutureSkew(), clock);
    }

    @Bean
    CmsSigner hubSigner(HubProperties properties) {
        return CmsSigner.fromPem(properties.signature().hubCertificate(), properties.signature().hubKey());
    }

    @Bean
    JsonSchemaCheck dossierSchema() {
        return JsonSchemaCheck.load("dk-dossier-1.schema.json");
    }

    @Bean
    JsonSchemaCheck caseSchema() {
        return JsonSchemaCheck.load("rw-case-1.schema.json");
    }

    @Bean
    DossierValidator dossierValidator(JsonSchemaCheck dossierSchema, AttachmentStore attachments, Clock clock) {
        return new DossierValidator(dossierSchema, attachments, clock);
    }

    @Bean
    EventValidator eventValidator() {
        return new EventValidator(JsonSchemaCheck.load("rw-case-event-1.schema.json"));
    }

    @Bean
    DossierToCaseMapper dossierToCaseMapper(HubProperties properties) {
        return new DossierToCaseMapper(new Pseudonymizer(properties.pseudonymKeyBytes()));
    }
}
