package dk.dkrw.hub.validation;

/**
 * One group of the business rules of {@code dk-dossier/1}. Implementations are stateless, thread-safe and
 * robust to any JSON shape: they skip what they cannot read (the schema check reports it) and report what they
 * find through the context, with a JSON Pointer and a message naming the rule but never a submitted value.
 */
interface DossierRule {

    void check(DossierContext dossier);
}
