-- Issue 21, point 4 (succession), continued: the exchange package carries the district's disbursement since
-- format 3, and a commune office keeps it with the history, read-only like the decisions: every cut-off as the
-- district recorded it (cumulative per component × project × commune × source × capital type × origin year of a
-- plan year). The money still open for the former communes is then what was allocated less what was disbursed.

-- Whether the package carried the district's disbursement (format 3 on); packages of format 1–2 did not, and their
-- open money can only be the allocation. ADD COLUMN does not fire the UPDATE trigger; earlier rows read 0.
ALTER TABLE history_package ADD COLUMN carries_disbursement INTEGER NOT NULL DEFAULT 0 CHECK (carries_disbursement IN (0, 1));

CREATE TABLE history_disbursement (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  package_id INTEGER NOT NULL REFERENCES history_package(id),
  -- The plan year the cumulative belongs to (the package's year): a cumulative runs within one plan year.
  plan_year INTEGER NOT NULL,
  cutoff_date TEXT NOT NULL,
  period_code TEXT NOT NULL,
  program_code TEXT NOT NULL,
  component_code TEXT NOT NULL,
  component_name TEXT NOT NULL,
  project_code TEXT,
  commune_dataset TEXT,
  commune_code TEXT,
  commune_name TEXT NOT NULL DEFAULT '',
  -- The commune/ward of 1/7/2025 the commune became (NULL: not one of this office's former communes, or no commune).
  successor_code TEXT,
  source_code TEXT NOT NULL,
  capital_type TEXT NOT NULL,
  origin_year INTEGER NOT NULL,
  cumulative_dong INTEGER NOT NULL CHECK (typeof(cumulative_dong) = 'integer' AND cumulative_dong >= 0),
  recovery_dong INTEGER NOT NULL DEFAULT 0 CHECK (typeof(recovery_dong) = 'integer' AND recovery_dong >= 0),
  data_source TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX history_disbursement_successor ON history_disbursement (successor_code, origin_year);

CREATE TRIGGER history_disbursement_no_update BEFORE UPDATE ON history_disbursement
BEGIN SELECT RAISE(ABORT, 'Số giải ngân của huyện cũ chỉ được đọc, không được sửa.'); END;
CREATE TRIGGER history_disbursement_no_delete BEFORE DELETE ON history_disbursement
BEGIN SELECT RAISE(ABORT, 'Số giải ngân của huyện cũ chỉ được đọc, không được xoá.'); END;
