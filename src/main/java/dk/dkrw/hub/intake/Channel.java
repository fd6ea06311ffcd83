package dk.dkrw.hub.intake;

/** The transport a dossier arrived on; all channels feed the same intake route. */
public enum Channel {
    REST,
    SOAP,
    QUEUE
}
