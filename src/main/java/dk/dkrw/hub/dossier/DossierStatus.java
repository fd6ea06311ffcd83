package dk.dkrw.hub.dossier;

/** Where an accepted dossier version is on its way to Kigali (contract: GET .../status). */
public enum DossierStatus {
    RECEIVED,
    FORWARDED,
    PULLED,
    ACKNOWLEDGED,
    FAILED
}
