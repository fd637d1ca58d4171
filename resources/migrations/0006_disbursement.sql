-- Schema v6: disbursement (giải ngân) — cumulative disbursement per cut-off date and key, recoveries (thu hồi),
-- extension records of carried-over money (kéo dài), the monthly pacing targets, benchmark rates typed in from
-- official reports, the KBNN statement imports and the column mappings remembered per statement layout.

-- The KBNN statement files imported (one row per committed or no-op import).
CREATE TABLE disbursement_import (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  year INTEGER NOT NULL,
  cutoff_date TEXT NOT NULL,
  template_fingerprint TEXT NOT NULL,
  row_count INTEGER NOT NULL,
  total_dong INTEGER NOT NULL CHECK (typeof(total_dong) = 'integer'),
  result TEXT NOT NULL CHECK (result IN ('committed', 'noop'))
);
CREATE INDEX disbursement_import_by_hash ON disbursement_import(sha256, result);

-- Cumulative disbursement (lũy kế) of a plan year's money to a cut-off date, per key:
-- component × project × commune × source × capital type × origin year. recovery_dong is what was recovered
-- (thu hồi) since the previous cut-off; only a recovery lets the cumulative go down (rule 14).
CREATE TABLE disbursement (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  year INTEGER NOT NULL,
  cutoff_date TEXT NOT NULL,
  component_id INTEGER NOT NULL REFERENCES component(id),
  project_id INTEGER REFERENCES investment_project(id),
  commune_unit_id INTEGER REFERENCES admin_unit(id),
  source_code TEXT NOT NULL REFERENCES funding_source(code),
  capital_type TEXT NOT NULL REFERENCES capital_type(code),
  origin_year INTEGER NOT NULL CHECK (origin_year <= year),
  cumulative_dong INTEGER NOT NULL CHECK (typeof(cumulative_dong) = 'integer' AND cumulative_dong >= 0),
  recovery_dong INTEGER NOT NULL DEFAULT 0 CHECK (typeof(recovery_dong) = 'integer' AND recovery_dong >= 0),
  data_source TEXT NOT NULL CHECK (data_source IN ('kbnn', 'tu_bao_cao')),
  import_id INTEGER REFERENCES disbursement_import(id),
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX disbursement_key ON disbursement(
  year, component_id, COALESCE(project_id, 0), COALESCE(commune_unit_id, 0), source_code, capital_type, origin_year, cutoff_date
);
CREATE INDEX disbursement_by_cutoff ON disbursement(year, cutoff_date);

-- Kéo dài: an extension of the deadline of carried-over money (origin years from..to), optionally narrowed to a
-- program, source, capital type or project. A deadline later than 31/12 of the year after the origin year needs a
-- National Assembly basis (rule 13: NQ 108/2023/QH15, NQ 257/2025/QH15).
CREATE TABLE extension (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  origin_year_from INTEGER NOT NULL,
  origin_year_to INTEGER NOT NULL CHECK (origin_year_to >= origin_year_from),
  program_code TEXT,
  source_code TEXT REFERENCES funding_source(code),
  capital_type TEXT REFERENCES capital_type(code),
  project_id INTEGER REFERENCES investment_project(id),
  authority TEXT NOT NULL CHECK (authority IN ('QH', 'TTG', 'UBND_TINH', 'HDND_TINH', 'UBND_HUYEN', 'HDND_HUYEN')),
  decision_number TEXT NOT NULL,
  decision_date TEXT NOT NULL,
  new_deadline TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- The monthly target curve of a year (cumulative share of the whole-year plan, in hundredths of a percent).
CREATE TABLE pacing_target (
  year INTEGER NOT NULL,
  month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  target_bp INTEGER NOT NULL CHECK (typeof(target_bp) = 'integer' AND target_bp BETWEEN 0 AND 10000),
  source TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (year, month)
);

-- Rates typed in from official reports: the province's and the nation's average, the same period last year,
-- other districts (for pilot vs others). Hundredths of a percent; the report they come from is required.
CREATE TABLE disbursement_benchmark (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  year INTEGER NOT NULL,
  as_of TEXT NOT NULL,
  scope TEXT NOT NULL CHECK (scope IN ('tinh', 'ca_nuoc', 'cung_ky', 'huyen')),
  district_code TEXT,
  program_code TEXT,
  rate_bp INTEGER NOT NULL CHECK (typeof(rate_bp) = 'integer' AND rate_bp >= 0),
  source TEXT NOT NULL CHECK (length(source) > 0),
  created_at TEXT NOT NULL,
  CHECK (scope <> 'huyen' OR district_code IS NOT NULL)
);
CREATE INDEX disbursement_benchmark_by_year ON disbursement_benchmark(year, as_of);

-- Column mapping of a KBNN statement layout, remembered by the fingerprint of its header row.
CREATE TABLE disbursement_template (
  fingerprint TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  mapping_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  use_count INTEGER NOT NULL DEFAULT 0
);

-- How many days before a deadline the money still to disburse is flagged.
CREATE TABLE disbursement_setting (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  warn_days INTEGER NOT NULL DEFAULT 30 CHECK (warn_days BETWEEN 0 AND 366)
);
INSERT INTO disbursement_setting (id, warn_days) VALUES (1, 30);
