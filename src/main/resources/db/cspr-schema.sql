-- Tables of our own beside the engine's; portable between H2 and PostgreSQL, safe to re-run.

-- Case references per partnership and year (e.g. NL-2026-0007)
CREATE TABLE IF NOT EXISTS cspr_case_sequence (
  partnership VARCHAR(64) NOT NULL,
  case_year INT NOT NULL,
  last_number INT NOT NULL,
  PRIMARY KEY (partnership, case_year)
);
