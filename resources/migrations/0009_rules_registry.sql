-- Issue 17 (legal correctness, round 2). Additive only.
-- The rules registry: each rule's short Vietnamese name and the name of the code that checks it, found from the row.
ALTER TABLE rule_definition ADD COLUMN name_vi TEXT NOT NULL DEFAULT '';
ALTER TABLE rule_definition ADD COLUMN check_name TEXT NOT NULL DEFAULT '';

-- Rule 11: minimum counterpart ratio (local budget ÷ NSTW) per program × period × province category × capital type,
-- in basis points (1000 = 10%), as dated data; the province's category is dated data too.
CREATE TABLE counterpart_rule (
  program_code TEXT NOT NULL,
  period_code TEXT NOT NULL,
  province_category TEXT NOT NULL,
  capital_type TEXT NOT NULL REFERENCES capital_type(code),
  basis TEXT NOT NULL CHECK (basis IN ('nam', 'giai_doan')),
  min_ratio_bp INTEGER NOT NULL CHECK (typeof(min_ratio_bp) = 'integer' AND min_ratio_bp >= 0),
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  legal_basis TEXT NOT NULL,
  certainty TEXT NOT NULL,
  PRIMARY KEY (program_code, period_code, province_category, capital_type, valid_from)
);
CREATE TABLE province_category (
  province_code TEXT NOT NULL,
  category TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  basis TEXT NOT NULL,
  PRIMARY KEY (province_code, valid_from)
);

-- Rules 13 (recurrent money after its deadline) and 14 (a lower cumulative) warn instead of refusing: the warnings
-- are kept with the entry, shown on it and in the reports.
ALTER TABLE disbursement ADD COLUMN warnings_json TEXT NOT NULL DEFAULT '[]';

-- Rule 17: a legal normative resolution carries the year in its number ("19/2022/NQ-HĐND").
ALTER TABLE decision ADD COLUMN normative INTEGER NOT NULL DEFAULT 0 CHECK (normative IN (0, 1));
