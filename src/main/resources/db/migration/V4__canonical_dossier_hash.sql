-- Cross-channel idempotency: the SHA-256 of the dossier's RFC 8785 canonical JSON, beside the raw body hash.
-- The same dossier sent over REST (any whitespace, key order) and SOAP (XML mapped to JSON) has one canonical
-- hash; a repeat of dossierId+version is the same submission exactly when this hash is equal. Versions
-- accepted before this migration have none and are compared by their raw body hash.
alter table dossier_version add column canonical_sha256 char(64);
