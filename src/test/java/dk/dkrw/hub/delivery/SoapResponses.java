package dk.dkrw.hub.delivery;

/** SOAP 1.2 answers the Danish endpoint can give. */
public final class SoapResponses {

    public static final String CONTENT_TYPE = "application/soap+xml; charset=utf-8";

    private SoapResponses() {
    }

    public static String ack(String statusUpdateId, boolean accepted, boolean duplicate) {
        return envelope("<su:StatusUpdateAck xmlns:su=\"urn:dkrw-hub:dk-status-update:1\">"
                + "<su:statusUpdateId>" + statusUpdateId + "</su:statusUpdateId>"
                + "<su:accepted>" + accepted + "</su:accepted>"
                + "<su:duplicate>" + duplicate + "</su:duplicate>"
                + "</su:StatusUpdateAck>");
    }

    /** A fault whose reason quotes personal data, as a careless receiver might write it. */
    public static String fault(String code, String detailCode) {
        return fault(code, detailCode, "No case DK-2026-004711 for Hamid Yusuf");
    }

    /** A fault with Code {@code env:<code>}, the reason text, and a StatusUpdateFault detail. */
    public static String fault(String code, String detailCode, String reason) {
        return envelope("<env:Fault><env:Code><env:Value>env:" + code + "</env:Value></env:Code>"
                + "<env:Reason><env:Text xml:lang=\"en\">" + reason + "</env:Text></env:Reason>"
                + "<env:Detail><su:StatusUpdateFault xmlns:su=\"urn:dkrw-hub:dk-status-update:1\">"
                + "<su:code>" + detailCode + "</su:code>"
                + "<su:message>" + reason + "</su:message>"
                + "</su:StatusUpdateFault></env:Detail></env:Fault>");
    }

    private static String envelope(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\"><env:Body>" + body
                + "</env:Body></env:Envelope>";
    }
}
