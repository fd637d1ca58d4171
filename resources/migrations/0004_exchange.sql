-- Schema v4: Excel exchange with the province — the history of files in and out, the column mappings
-- an officer confirmed per template, and which import wrote each assignment.

CREATE TABLE exchange_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('import', 'export')),
  -- province_assignment: the province's workbook; package: the app's own exchange workbook; report: a formatted export
  kind TEXT NOT NULL CHECK (kind IN ('province_assignment', 'package', 'report')),
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  year INTEGER,
  template_fingerprint TEXT,
  line_count INTEGER NOT NULL DEFAULT 0,
  total_dong INTEGER NOT NULL DEFAULT 0 CHECK (typeof(total_dong) = 'integer'),
  result TEXT NOT NULL CHECK (result IN ('committed', 'noop', 'exported')),
  message TEXT NOT NULL DEFAULT ''
);
CREATE INDEX exchange_log_by_hash ON exchange_log(sha256, result);

-- A confirmed column/row mapping, remembered for the next file laid out the same way.
CREATE TABLE import_template (
  fingerprint TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  mapping_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  use_count INTEGER NOT NULL DEFAULT 0
);

ALTER TABLE assignment ADD COLUMN exchange_id INTEGER REFERENCES exchange_log(id);
