-- The correlation id of the request that caused an outbox message, sent along as the JMS property
-- hubCorrelationId so the consumer's log lines carry it too. Null for rows written before.
alter table outbox add column correlation_id varchar(64);
