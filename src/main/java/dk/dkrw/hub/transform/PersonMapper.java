package dk.dkrw.hub.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashSet;
import java.util.Set;

import static dk.dkrw.hub.transform.DossierFields.NODES;
import static dk.dkrw.hub.transform.DossierFields.copyBoolean;
import static dk.dkrw.hub.transform.DossierFields.copyInteger;
import static dk.dkrw.hub.transform.DossierFields.copyText;
import static dk.dkrw.hub.transform.DossierFields.copyTextArray;
import static dk.dkrw.hub.transform.DossierFields.elements;
import static dk.dkrw.hub.transform.DossierFields.isObject;
import static dk.dkrw.hub.transform.DossierFields.nfcText;
import static dk.dkrw.hub.transform.DossierFields.putText;
import static dk.dkrw.hub.transform.DossierFields.text;

/**
 * Maps one dossier person to an rw-case/1 person, field by field: only what is named here is written, so a field
 * the agencies add to the dossier later cannot reach Kigali. Left out on purpose: personId (replaced by the
 * caller's personRef), name parts/script/lang, DK_* / EURODAC / OTHER_STATE identifiers, document issue date,
 * authenticity, MRZ and attachment ids, biometric modality, capture time and eurodacRef, vulnerability dates and
 * consent flags, legalRep, criminalRecordNote.
 */
final class PersonMapper {

    private static final Set<String> NAME_TYPES = Set.of("OFFICIAL", "BIRTH", "SPELLING_VARIANT");
    private static final Set<String> KNOWN_AS_TYPES = Set.of("ALIAS", "PREVIOUS");
    private static final Set<String> FORWARDED_SCHEMES = Set.of("UNHCR_INDIVIDUAL", "UNHCR_FILE");

    /** Needed for reception whatever the applicant said about sharing. */
    private static final Set<String> RECEPTION_CRITICAL = Set.of(
            "UNACCOMPANIED_MINOR", "SEPARATED_CHILD", "PREGNANT", "DISABILITY", "SERIOUS_ILLNESS");
    /** Forwarded only with {@code consentToShare: true}; a code in neither set is never forwarded. */
    private static final Set<String> SHARED_WITH_CONSENT = Set.of(
            "MENTAL_HEALTH", "TORTURE_SURVIVOR", "SGBV_SURVIVOR", "TRAFFICKING_VICTIM", "ELDERLY", "SINGLE_PARENT",
            "LGBTIQ");

    ObjectNode map(JsonNode person, String personRef) {
        ObjectNode out = NODES.objectNode();
        out.put("personRef", personRef);
        copyText(person, out, "role");
        names(person, out);
        dateOfBirth(person, out);
        copyInteger(person, out, "sex");
        copyTextArray(person, out, "nationalities");
        copyText(person, out, "nationalityStatus");
        languages(person, out);
        placeOfBirth(person, out);
        documents(person, out);
        out.set("specialNeeds", specialNeeds(person));
        identifiers(person, out);
        biometricTokens(person, out);
        return out;
    }

    private static void names(JsonNode person, ObjectNode out) {
        ArrayNode names = out.putArray("names");
        ArrayNode knownAs = out.putArray("knownAs");
        for (JsonNode name : elements(person, "names")) {
            String type = text(name, "type");
            String fullText = nfcText(name, "fullText");
            if (type == null || fullText == null) {
                continue;
            }
            if (NAME_TYPES.contains(type)) {
                ObjectNode n = names.addObject();
                n.put("type", type);
                n.put("fullText", fullText);
                putText(n, "latinTranslit", nfcText(name, "latinTranslit"));
            } else if (KNOWN_AS_TYPES.contains(type)) {
                knownAs.add(fullText);
            }
        }
    }

    private static void dateOfBirth(JsonNode person, ObjectNode out) {
        JsonNode dob = person.get("dateOfBirth");
        if (!isObject(dob)) {
            return;
        }
        ObjectNode d = out.putObject("dateOfBirth");
        copyText(dob, d, "value");
        copyText(dob, d, "precision");
        copyText(dob, d, "source");
        JsonNode range = dob.get("assessedRange");
        if (isObject(range)) {
            ObjectNode r = d.putObject("assessedRange");
            copyInteger(range, r, "earliest");
            copyInteger(range, r, "latest");
        }
    }

    private static void languages(JsonNode person, ObjectNode out) {
        ArrayNode languages = out.putArray("languages");
        for (JsonNode language : elements(person, "languages")) {
            ObjectNode l = languages.addObject();
            copyText(language, l, "tag");
            copyBoolean(language, l, "interpreterNeeded");
        }
    }

    private static void placeOfBirth(JsonNode person, ObjectNode out) {
        JsonNode place = person.get("placeOfBirth");
        String text = isObject(place) ? nfcText(place, "text") : null;
        if (text != null) {
            ObjectNode p = out.putObject("placeOfBirth");
            p.put("text", text);
            copyText(place, p, "country");
        }
    }

    private static void documents(JsonNode person, ObjectNode out) {
        ArrayNode documents = out.putArray("documents");
        for (JsonNode document : elements(person, "documents")) {
            ObjectNode d = documents.addObject();
            copyText(document, d, "docType");
            copyText(document, d, "number");
            copyText(document, d, "issuingState");
            copyText(document, d, "expiryDate");
        }
    }

    /** Codes only, each once, in dossier order; a code assessed twice is forwarded if any assessment allows it. */
    private static ArrayNode specialNeeds(JsonNode person) {
        Set<String> codes = new LinkedHashSet<>();
        for (JsonNode vulnerability : elements(person, "vulnerabilities")) {
            String code = text(vulnerability, "code");
            JsonNode consent = vulnerability.get("consentToShare");
            boolean consented = consent != null && consent.isBoolean() && consent.booleanValue();
            if (code != null && (RECEPTION_CRITICAL.contains(code) || consented && SHARED_WITH_CONSENT.contains(code))) {
                codes.add(code);
            }
        }
        ArrayNode out = NODES.arrayNode(codes.size());
        codes.forEach(out::add);
        return out;
    }

    private static void identifiers(JsonNode person, ObjectNode out) {
        ArrayNode identifiers = out.putArray("identifiers");
        for (JsonNode identifier : elements(person, "identifiers")) {
            String scheme = text(identifier, "scheme");
            String value = text(identifier, "value");
            if (scheme != null && value != null && FORWARDED_SCHEMES.contains(scheme)) {
                ObjectNode i = identifiers.addObject();
                i.put("scheme", scheme);
                i.put("value", value);
            }
        }
    }

    private static void biometricTokens(JsonNode person, ObjectNode out) {
        ArrayNode tokens = out.putArray("biometricToken");
        for (JsonNode biometric : elements(person, "biometrics")) {
            String templateRef = text(biometric, "templateRef");
            if (templateRef != null) {
                tokens.add(templateRef);
            }
        }
    }
}
