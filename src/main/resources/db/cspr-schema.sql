-- Tables of our own beside the engine's; portable between H2 and PostgreSQL, safe to re-run.

-- Case references per partnership and year (e.g. NL-2026-0007)
CREATE TABLE IF NOT EXISTS cspr_case_sequence (
  partnership VARCHAR(64) NOT NULL,
  case_year INT NOT NULL,
  last_number INT NOT NULL,
  PRIMARY KEY (partnership, case_year)
);

-- Correspondence outbox (SPEC §5): every message is recorded here, in the transaction of the
-- process step that sends it, before it is delivered. BYTEA and TEXT are accepted by both
-- PostgreSQL and H2 2.x (BYTEA = BINARY VARYING there); checked by OutboxSchemaIT.
CREATE TABLE IF NOT EXISTS cspr_outbox_message (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  message_id VARCHAR(255) NOT NULL UNIQUE,
  case_reference VARCHAR(64) NOT NULL,
  tenant_id VARCHAR(64),
  process_instance_id VARCHAR(64),
  activity_id VARCHAR(255),
  template VARCHAR(64) NOT NULL,
  from_address VARCHAR(320) NOT NULL,
  reply_to VARCHAR(320),
  to_addresses VARCHAR(4000) NOT NULL,
  cc_addresses VARCHAR(4000),
  subject VARCHAR(998) NOT NULL,
  body_html TEXT NOT NULL,
  status VARCHAR(16) NOT NULL,
  queued_at TIMESTAMP WITH TIME ZONE NOT NULL,
  sent_at TIMESTAMP WITH TIME ZONE,
  attempts INT DEFAULT 0 NOT NULL,
  last_attempt_at TIMESTAMP WITH TIME ZONE,
  last_error VARCHAR(4000)
);
CREATE INDEX IF NOT EXISTS cspr_outbox_message_case ON cspr_outbox_message (case_reference);

-- Letters attached to an outbox message, in the order given by the process step: the XHTML fixed
-- by the step, and the PDF (content) that the delivery job renders from it, stores, then sends.
CREATE TABLE IF NOT EXISTS cspr_outbox_attachment (
  outbox_id VARCHAR(36) NOT NULL REFERENCES cspr_outbox_message (id),
  sort_order INT NOT NULL,
  file_name VARCHAR(255) NOT NULL,
  content_type VARCHAR(100) NOT NULL,
  content BYTEA,
  source_xhtml TEXT,
  PRIMARY KEY (outbox_id, file_name)
);
-- Databases created before letters were rendered by the delivery job (both forms are idempotent)
ALTER TABLE cspr_outbox_attachment ADD COLUMN IF NOT EXISTS source_xhtml TEXT;
ALTER TABLE cspr_outbox_attachment ALTER COLUMN content DROP NOT NULL;

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

-- The deadlines board (GET /api/deadlines): one row per open case, kept in step with the engine in
-- the engine's transaction (cases.CaseIndex); the board pages here, nearest open deadline first
CREATE TABLE IF NOT EXISTS cspr_case_deadline (
  case_reference VARCHAR(64) NOT NULL PRIMARY KEY,
  tenant_id VARCHAR(64),
  process_key VARCHAR(255) NOT NULL,
  nearest_due_at TIMESTAMP WITH TIME ZONE,
  case_row TEXT NOT NULL,
  refreshed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS cspr_case_deadline_nearest ON cspr_case_deadline (tenant_id, nearest_due_at, case_reference);

-- How each duty was kept (GET /api/deadlines/summary): one row per completed user task that had a
-- due date, written when it is completed (cases.DutyOutcomes)
CREATE TABLE IF NOT EXISTS cspr_duty_outcome (
  task_id VARCHAR(64) NOT NULL PRIMARY KEY,
  tenant_id VARCHAR(64),
  process_key VARCHAR(255) NOT NULL,
  task_key VARCHAR(255) NOT NULL,
  due_at TIMESTAMP WITH TIME ZONE NOT NULL,
  completed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  on_time BOOLEAN NOT NULL
);
CREATE INDEX IF NOT EXISTS cspr_duty_outcome_due ON cspr_duty_outcome (tenant_id, due_at, process_key, task_key, on_time);

-- Documents attached to a case (issue 18.2): agency reports, the rapid review and LCSPR reports,
-- evidence. The step is the user task they were added to (null: added by the business unit to the
-- case); the type is the one found in the content (PDF, DOCX or ODT), never the name's. Removed
-- once the case's history is removed (documents.DocumentRetention, SPEC §6).
CREATE TABLE IF NOT EXISTS cspr_document (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  case_reference VARCHAR(64) NOT NULL,
  tenant_id VARCHAR(64) NOT NULL,
  process_key VARCHAR(255),
  task_key VARCHAR(255),
  task_name VARCHAR(255),
  added_by VARCHAR(255) NOT NULL,
  added_at TIMESTAMP WITH TIME ZONE NOT NULL,
  file_name VARCHAR(255) NOT NULL,
  file_type VARCHAR(8) NOT NULL,
  size_bytes BIGINT NOT NULL,
  content BYTEA NOT NULL
);
CREATE INDEX IF NOT EXISTS cspr_document_case ON cspr_document (case_reference, added_at);

-- A case's themes (issue 19.1) from the configured typology (learning.ThemeTypology): one row per
-- theme, per review (RAPID_REVIEW: scheduled and confirmed at the meeting; LCSPR: the final
-- report); a new record of a review replaces its rows. Read for recurrence at the next meeting and
-- for the yearly figures (learning.CaseThemes).
CREATE TABLE IF NOT EXISTS cspr_case_theme (
  case_reference VARCHAR(64) NOT NULL,
  tenant_id VARCHAR(64) NOT NULL,
  review VARCHAR(16) NOT NULL,
  theme_code VARCHAR(64) NOT NULL,
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
  recorded_by VARCHAR(255),
  PRIMARY KEY (case_reference, review, theme_code)
);
CREATE INDEX IF NOT EXISTS cspr_case_theme_recorded ON cspr_case_theme (tenant_id, recorded_at, theme_code);
