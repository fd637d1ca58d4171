-- Schema v1: dated reference data, the office, the province's assignments and the audit trail.
-- Money is integer đồng (CHECK typeof = 'integer'); reference rows are keyed by (code, period/dataset).

CREATE TABLE reference_dataset (
  name TEXT PRIMARY KEY,
  sha256 TEXT NOT NULL,
  row_count INTEGER NOT NULL,
  loaded_at TEXT NOT NULL
);

CREATE TABLE program_period (
  code TEXT PRIMARY KEY,
  name_vi TEXT NOT NULL,
  first_year INTEGER NOT NULL,
  last_year INTEGER NOT NULL CHECK (last_year >= first_year),
  basis TEXT NOT NULL
);

-- Level labels are data: "Dự án" in 2021–2025, "Hợp phần" in 2026–2035.
CREATE TABLE component_level (
  period_code TEXT NOT NULL REFERENCES program_period(code),
  level TEXT NOT NULL,
  label_vi TEXT NOT NULL,
  depth INTEGER NOT NULL,
  PRIMARY KEY (period_code, level)
);

CREATE TABLE component (
  id INTEGER PRIMARY KEY,
  period_code TEXT NOT NULL REFERENCES program_period(code),
  code TEXT NOT NULL,
  parent_code TEXT,
  program_code TEXT NOT NULL,
  level TEXT NOT NULL,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  source_decision TEXT NOT NULL DEFAULT '',
  lead_agency_province TEXT NOT NULL DEFAULT '',
  lead_agency_central TEXT NOT NULL DEFAULT '',
  allowed_capital_types TEXT NOT NULL DEFAULT 'DTPT,SN',
  confidence TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL,
  UNIQUE (period_code, code),
  FOREIGN KEY (period_code, level) REFERENCES component_level(period_code, level)
);

CREATE TABLE admin_unit (
  id INTEGER PRIMARY KEY,
  dataset TEXT NOT NULL,
  code TEXT NOT NULL,
  name_vi TEXT NOT NULL,
  level TEXT NOT NULL,
  parent_code TEXT,
  valid_from TEXT,
  valid_to TEXT,
  source TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  UNIQUE (dataset, code)
);

CREATE TABLE admin_unit_successor (
  unit_id INTEGER NOT NULL REFERENCES admin_unit(id),
  effective_date TEXT NOT NULL,
  successor_code TEXT NOT NULL,
  successor_name TEXT NOT NULL,
  basis TEXT NOT NULL,
  PRIMARY KEY (unit_id, effective_date, successor_code)
);

CREATE TABLE pilot_designation (
  district_code TEXT NOT NULL,
  basis TEXT NOT NULL,
  designated_on TEXT NOT NULL,
  window_end TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (district_code, basis)
);

CREATE TABLE funding_source (
  code TEXT PRIMARY KEY,
  name_vi TEXT NOT NULL,
  short_vi TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  valid_from TEXT,
  valid_to TEXT
);

CREATE TABLE capital_type (
  code TEXT PRIMARY KEY CHECK (code IN ('DTPT', 'SN')),
  name_vi TEXT NOT NULL,
  short_vi TEXT NOT NULL,
  sort_order INTEGER NOT NULL
);

CREATE TABLE office (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  district_unit_id INTEGER NOT NULL REFERENCES admin_unit(id),
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE signer (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  title TEXT NOT NULL,
  sort_order INTEGER NOT NULL
);

CREATE TABLE assignment (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL,
  component_id INTEGER NOT NULL REFERENCES component(id),
  source_code TEXT NOT NULL REFERENCES funding_source(code),
  capital_type TEXT NOT NULL REFERENCES capital_type(code),
  origin_year INTEGER NOT NULL CHECK (origin_year <= year),
  amount_dong INTEGER NOT NULL CHECK (typeof(amount_dong) = 'integer' AND amount_dong >= 0),
  basis_number TEXT NOT NULL DEFAULT '',
  basis_date TEXT,
  basis_issuer TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX assignment_by_year ON assignment(year);

-- Who changed what: written in the same transaction as the change.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  command TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER,
  before_json TEXT,
  after_json TEXT
);
