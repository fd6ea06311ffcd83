-- The north flow: case events from Kigali, their lifecycle and their delivery to Denmark.

-- Where each case stands in its lifecycle (CaseLifecycle.State, encoded) and the last accepted sequence.
alter table case_record add column lifecycle_state varchar(64) default 'FORWARDED' not null;
alter table case_record add column last_event_sequence integer default 0 not null;

-- Every accepted event, byte for byte as signed, with its receipt and its delivery to Denmark.
-- delivery_state: PENDING (waiting or retrying), DELIVERED (acknowledged by Denmark), DEAD (dead-lettered).
create table case_event (
    event_id            varchar(36)  not null primary key,
    case_id             varchar(36)  not null,
    sequence            integer      not null,
    type                varchar(32)  not null,
    party_id            varchar(64)  not null,
    body                bytea        not null,
    body_sha256         char(64)     not null,
    signature           bytea        not null,
    signer_fingerprint  char(64)     not null,
    signing_time        timestamp with time zone not null,
    receipt_id          varchar(36)  not null unique,
    receipt             bytea        not null,
    receipt_signature   bytea        not null,
    received_at         timestamp with time zone not null,
    delivery_state      varchar(16)  not null,
    attempts            integer      not null,
    first_attempt_at    timestamp with time zone,
    next_attempt_at     timestamp with time zone,
    delivered_at        timestamp with time zone,
    unique (case_id, sequence)
);
