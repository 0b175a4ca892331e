-- Tables of our own beside the engine's; portable between H2 and PostgreSQL, safe to re-run.

-- Case references per partnership and year (e.g. NL-2026-0007)
CREATE TABLE IF NOT EXISTS cspr_case_sequence (
  partnership VARCHAR(64) NOT NULL,
  case_year INT NOT NULL,
  last_number INT NOT NULL,
  PRIMARY KEY (partnership, case_year)
);

-- Criteria changes deployed from the workbench: who, when and why (SPEC §6), per decision version
CREATE TABLE IF NOT EXISTS cspr_criteria_change (
  deployment_id VARCHAR(64) NOT NULL PRIMARY KEY,
  decision_key VARCHAR(255) NOT NULL,
  tenant_id VARCHAR(64),
  decision_definition_id VARCHAR(64) NOT NULL,
  decision_version INT NOT NULL,
  changed_by VARCHAR(255) NOT NULL,
  changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  change_comment VARCHAR(1000) NOT NULL,
  changed_cases INT NOT NULL
);
CREATE INDEX IF NOT EXISTS cspr_criteria_change_key ON cspr_criteria_change (decision_key, changed_at);
