-- Schema v2: the decision ledger (decisions, their lines, draft edit history), investment projects,
-- recipient organizations, delegation records, component targets, dated rule data and reason codes.
-- Issued decisions are immutable: triggers refuse any change to them or their lines, whatever the command.

-- Why money was taken from a line (NQ 111 khoản 1: no beneficiaries left / not eligible / slow disbursement).
CREATE TABLE reason_code (
  code TEXT PRIMARY KEY,
  name_vi TEXT NOT NULL,
  basis TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL
);

-- Rules as dated data: legal basis, validity, severity and parameters; the check itself is code keyed by rule_id.
CREATE TABLE rule_definition (
  rule_id INTEGER NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  severity TEXT NOT NULL CHECK (severity IN ('E', 'W', 'I')),
  title_vi TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  certainty TEXT NOT NULL,
  params_json TEXT NOT NULL DEFAULT '{}',
  PRIMARY KEY (rule_id, valid_from)
);

-- Departments, public service units and investors (chủ đầu tư) that receive money; communes are admin units.
CREATE TABLE organization (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('unit', 'investor')),
  name TEXT NOT NULL,
  valid_from TEXT,
  valid_to TEXT,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  UNIQUE (kind, name)
);

CREATE TABLE investment_project (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  commune_unit_id INTEGER REFERENCES admin_unit(id),
  investor_org_id INTEGER REFERENCES organization(id),
  total_investment_dong INTEGER NOT NULL DEFAULT 0 CHECK (typeof(total_investment_dong) = 'integer' AND total_investment_dong >= 0),
  approval_number TEXT NOT NULL DEFAULT '',
  approval_date TEXT,
  special_mechanism INTEGER NOT NULL DEFAULT 0 CHECK (special_mechanism IN (0, 1)),
  status TEXT NOT NULL DEFAULT 'chuan_bi' CHECK (status IN ('chuan_bi', 'thuc_hien', 'hoan_thanh', 'tam_dung')),
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- The provincial HĐND resolution delegating detailed recurrent allocation to the district HĐND (rule 7a).
CREATE TABLE delegation (
  id INTEGER PRIMARY KEY,
  basis_number TEXT NOT NULL,
  basis_date TEXT NOT NULL,
  basis_issuer TEXT NOT NULL,
  first_year INTEGER NOT NULL,
  last_year INTEGER NOT NULL CHECK (last_year >= first_year),
  scope TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);

-- Targets (chỉ tiêu) of a component for a year; the complete flag is rule 7e's precondition.
CREATE TABLE component_target (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL,
  component_id INTEGER NOT NULL REFERENCES component(id),
  indicator TEXT NOT NULL,
  unit TEXT NOT NULL DEFAULT '',
  target_value TEXT NOT NULL DEFAULT '',
  actual_value TEXT NOT NULL DEFAULT '',
  complete INTEGER NOT NULL DEFAULT 0 CHECK (complete IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX component_target_by_year ON component_target(year, component_id);

-- AUTOINCREMENT: ids named in the audit trail and the undo history are never reused by another decision or line.
CREATE TABLE decision (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  year INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('phan_bo', 'dieu_chinh', 'bo_sung', 'thu_hoi', 'keo_dai')),
  issuer TEXT NOT NULL CHECK (issuer IN ('UBND', 'HDND')),
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued')),
  -- Assigned at issue; unique per issuer and calendar year of the document date.
  number INTEGER CHECK (number IS NULL OR number > 0),
  number_year INTEGER,
  doc_date TEXT,
  summary TEXT NOT NULL DEFAULT '',
  basis_json TEXT NOT NULL DEFAULT '[]',
  -- The amount stated in the decision's text, checked against its lines (rule 1); optional.
  declared_total_dong INTEGER CHECK (declared_total_dong IS NULL OR typeof(declared_total_dong) = 'integer'),
  signer_id INTEGER REFERENCES signer(id),
  signer_name TEXT,
  signer_title TEXT,
  predecessor_id INTEGER REFERENCES decision(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  issued_at TEXT,
  issued_by TEXT,
  CHECK (status = 'draft' OR (number IS NOT NULL AND number_year IS NOT NULL AND doc_date IS NOT NULL AND signer_name IS NOT NULL))
);
CREATE UNIQUE INDEX decision_number_unique ON decision(issuer, number_year, number) WHERE number IS NOT NULL;
CREATE INDEX decision_by_year ON decision(year, status, doc_date);

CREATE TABLE decision_line (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  decision_id INTEGER NOT NULL REFERENCES decision(id),
  position INTEGER NOT NULL,
  component_id INTEGER NOT NULL REFERENCES component(id),
  -- Recipient: a commune (admin unit) or an organization; neither means the district level itself.
  recipient_unit_id INTEGER REFERENCES admin_unit(id),
  recipient_org_id INTEGER REFERENCES organization(id),
  project_id INTEGER REFERENCES investment_project(id),
  source_code TEXT NOT NULL REFERENCES funding_source(code),
  capital_type TEXT NOT NULL REFERENCES capital_type(code),
  origin_year INTEGER NOT NULL,
  -- The change this decision makes, in đồng (negative = decrease).
  amount_dong INTEGER NOT NULL CHECK (typeof(amount_dong) = 'integer'),
  -- For adjustments: the amount in force when the draft line was made (rule 3 compares it to the ledger).
  before_dong INTEGER CHECK (before_dong IS NULL OR typeof(before_dong) = 'integer'),
  reason_code TEXT REFERENCES reason_code(code),
  note TEXT NOT NULL DEFAULT '',
  CHECK (recipient_unit_id IS NULL OR recipient_org_id IS NULL)
);
CREATE INDEX decision_line_by_decision ON decision_line(decision_id, position);

-- Undo/redo of draft edits: each entry holds the states before and after one edit command.
CREATE TABLE draft_edit (
  id INTEGER PRIMARY KEY,
  decision_id INTEGER NOT NULL REFERENCES decision(id),
  label TEXT NOT NULL,
  change_json TEXT NOT NULL,
  undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
  at TEXT NOT NULL
);
CREATE INDEX draft_edit_by_decision ON draft_edit(decision_id, id);

-- Per year settings: the province's allocation deadline (rule 5 warns after it).
CREATE TABLE year_setting (
  year INTEGER PRIMARY KEY,
  allocation_deadline TEXT
);

CREATE TRIGGER decision_issued_is_immutable BEFORE UPDATE ON decision
WHEN OLD.status = 'issued'
BEGIN
  SELECT RAISE(ABORT, 'ISSUED_DECISION_IMMUTABLE');
END;

CREATE TRIGGER decision_issued_not_deleted BEFORE DELETE ON decision
WHEN OLD.status = 'issued'
BEGIN
  SELECT RAISE(ABORT, 'ISSUED_DECISION_IMMUTABLE');
END;

CREATE TRIGGER decision_line_insert_into_issued BEFORE INSERT ON decision_line
WHEN (SELECT status FROM decision WHERE id = NEW.decision_id) = 'issued'
BEGIN
  SELECT RAISE(ABORT, 'ISSUED_DECISION_IMMUTABLE');
END;

CREATE TRIGGER decision_line_update_of_issued BEFORE UPDATE ON decision_line
WHEN (SELECT status FROM decision WHERE id = OLD.decision_id) = 'issued'
  OR (SELECT status FROM decision WHERE id = NEW.decision_id) = 'issued'
BEGIN
  SELECT RAISE(ABORT, 'ISSUED_DECISION_IMMUTABLE');
END;

CREATE TRIGGER decision_line_delete_of_issued BEFORE DELETE ON decision_line
WHEN (SELECT status FROM decision WHERE id = OLD.decision_id) = 'issued'
BEGIN
  SELECT RAISE(ABORT, 'ISSUED_DECISION_IMMUTABLE');
END;

-- The fold of every issued decision of a year, per finest key, kept by the database itself at the moment a
-- decision is issued (issued decisions never change, so it never needs undoing). "As of" an earlier date is
-- this minus the decisions issued after that date. Absent recipient/project ids are stored as 0 so the key is unique.
CREATE TABLE ledger_fold (
  year INTEGER NOT NULL,
  component_id INTEGER NOT NULL,
  recipient_unit_id INTEGER NOT NULL,
  recipient_org_id INTEGER NOT NULL,
  project_id INTEGER NOT NULL,
  source_code TEXT NOT NULL,
  capital_type TEXT NOT NULL,
  origin_year INTEGER NOT NULL,
  amount_dong INTEGER NOT NULL CHECK (typeof(amount_dong) = 'integer'),
  PRIMARY KEY (year, component_id, recipient_unit_id, recipient_org_id, project_id, source_code, capital_type, origin_year)
) WITHOUT ROWID;

CREATE TRIGGER decision_issued_folds AFTER UPDATE OF status ON decision
WHEN OLD.status = 'draft' AND NEW.status = 'issued'
BEGIN
  INSERT INTO ledger_fold (year, component_id, recipient_unit_id, recipient_org_id, project_id, source_code, capital_type, origin_year, amount_dong)
  SELECT NEW.year, component_id, COALESCE(recipient_unit_id, 0), COALESCE(recipient_org_id, 0), COALESCE(project_id, 0),
    source_code, capital_type, origin_year, SUM(amount_dong)
  FROM decision_line WHERE decision_id = NEW.id
  GROUP BY component_id, recipient_unit_id, recipient_org_id, project_id, source_code, capital_type, origin_year
  ON CONFLICT (year, component_id, recipient_unit_id, recipient_org_id, project_id, source_code, capital_type, origin_year)
  DO UPDATE SET amount_dong = amount_dong + excluded.amount_dong;
END;
