-- cxs schema version 1 (H2): customers, touchpoints and feedback, every row scoped by tenant.
-- Timestamps are epoch milliseconds (BIGINT); traits and properties are JSON text.

CREATE TABLE cxs_customer (
  tenant      VARCHAR(64)   NOT NULL,
  customer_id VARCHAR(1000) NOT NULL,
  profile     CHARACTER VARYING(1000000000) NOT NULL,
  PRIMARY KEY (tenant, customer_id)
);

CREATE TABLE cxs_touchpoint (
  tenant       VARCHAR(64)   NOT NULL,
  event_id     VARCHAR(512)  NOT NULL,
  subject      VARCHAR(1000) NOT NULL,
  ts           BIGINT        NOT NULL,
  name         VARCHAR(200)  NOT NULL,
  channel      VARCHAR(64)   NOT NULL,
  stage        VARCHAR(32),
  amount       DOUBLE PRECISION,
  amount_exact VARCHAR(200),
  currency     CHAR(3),
  properties   CHARACTER VARYING(1000000000),
  PRIMARY KEY (tenant, event_id)
);

CREATE INDEX cxs_touchpoint_subject ON cxs_touchpoint (tenant, subject, ts, event_id);

CREATE TABLE cxs_feedback (
  tenant        VARCHAR(64)   NOT NULL,
  event_id      VARCHAR(512)  NOT NULL,
  subject       VARCHAR(1000) NOT NULL,
  ts            BIGINT        NOT NULL,
  kind          VARCHAR(16)   NOT NULL,
  survey        VARCHAR(100)  NOT NULL,
  scale_min     INTEGER       NOT NULL,
  scale_max     INTEGER       NOT NULL,
  score         INTEGER,
  comment_text  CHARACTER VARYING(1000000000),
  touchpoint_id VARCHAR(512),
  channel       VARCHAR(64)   NOT NULL,
  stage         VARCHAR(32),
  PRIMARY KEY (tenant, event_id)
);

CREATE INDEX cxs_feedback_subject ON cxs_feedback (tenant, subject, ts, event_id);
