-- The schema version table: one row per applied version.
CREATE TABLE IF NOT EXISTS cxs_schema_version (
  version     INTEGER      NOT NULL PRIMARY KEY,
  description VARCHAR(200) NOT NULL,
  applied_at  TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);
