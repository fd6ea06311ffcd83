package dk.dkrw.hub.party;

/** What a registered party may do. Granted per party in the party registry file. */
public enum Permission {
    DOSSIER_SUBMIT,
    ATTACHMENT_UPLOAD,
    DOSSIER_STATUS,
    CASE_READ,
    CASE_ACK,
    EVENT_SUBMIT
}
