-- cxs schema version 3 (h2): the message ids of the identify events applied to the customer
-- profiles, so that a redelivered identify is a duplicate even after a restart (an identify is
-- not stored as an event of its own; touchpoints and feedback dedupe on their own tables).

CREATE TABLE cxs_identify (
  tenant   VARCHAR(64)  NOT NULL,
  event_id VARCHAR(512) NOT NULL,
  PRIMARY KEY (tenant, event_id)
);
