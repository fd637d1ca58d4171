-- Issue 21, point 4 (succession). A commune office keeps the former district's exchange package as HISTORY:
-- its issued decisions and their lines of 2021–2025, apart from the commune's own books (never in the ledger,
-- never counted in the commune's plan) and read-only (the triggers below refuse any change). Each line keeps the
-- recipient as the district wrote it and, where that recipient is one of the communes this commune was formed
-- from (admin_unit_successor), the new commune's code.
CREATE TABLE history_package (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  -- The package's own data hash (its manifest's SHA-256): the same package imported again is a no-op.
  sha256 TEXT NOT NULL UNIQUE,
  district_code TEXT NOT NULL,
  district_name TEXT NOT NULL,
  office_name TEXT NOT NULL DEFAULT '',
  year INTEGER NOT NULL,
  file_name TEXT NOT NULL,
  exported_at TEXT NOT NULL DEFAULT '',
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL
);

CREATE TABLE history_decision (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  package_id INTEGER NOT NULL REFERENCES history_package(id),
  ref TEXT NOT NULL,
  kind TEXT NOT NULL,
  issuer TEXT NOT NULL,
  number INTEGER NOT NULL,
  number_year INTEGER NOT NULL,
  doc_date TEXT NOT NULL,
  summary TEXT NOT NULL,
  basis_json TEXT NOT NULL,
  signer_name TEXT NOT NULL,
  signer_title TEXT NOT NULL,
  UNIQUE (package_id, ref)
);

CREATE TABLE history_line (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  decision_id INTEGER NOT NULL REFERENCES history_decision(id),
  position INTEGER NOT NULL,
  period_code TEXT NOT NULL,
  program_code TEXT NOT NULL,
  component_code TEXT NOT NULL,
  component_name TEXT NOT NULL,
  recipient_kind TEXT NOT NULL,
  recipient_dataset TEXT,
  recipient_code TEXT,
  recipient_name TEXT NOT NULL,
  -- The commune/ward of 1/7/2025 the recipient became (NULL: not one of this office's former communes).
  successor_code TEXT,
  project_code TEXT,
  source_code TEXT NOT NULL,
  capital_type TEXT NOT NULL,
  origin_year INTEGER NOT NULL,
  amount_dong INTEGER NOT NULL CHECK (typeof(amount_dong) = 'integer'),
  before_dong INTEGER,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX history_line_successor ON history_line (successor_code, origin_year);

CREATE TRIGGER history_package_no_update BEFORE UPDATE ON history_package
BEGIN SELECT RAISE(ABORT, 'Lịch sử của huyện cũ chỉ được đọc, không được sửa.'); END;
CREATE TRIGGER history_package_no_delete BEFORE DELETE ON history_package
BEGIN SELECT RAISE(ABORT, 'Lịch sử của huyện cũ chỉ được đọc, không được xoá.'); END;
CREATE TRIGGER history_decision_no_update BEFORE UPDATE ON history_decision
BEGIN SELECT RAISE(ABORT, 'Quyết định của huyện cũ chỉ được đọc, không được sửa.'); END;
CREATE TRIGGER history_decision_no_delete BEFORE DELETE ON history_decision
BEGIN SELECT RAISE(ABORT, 'Quyết định của huyện cũ chỉ được đọc, không được xoá.'); END;
CREATE TRIGGER history_line_no_update BEFORE UPDATE ON history_line
BEGIN SELECT RAISE(ABORT, 'Dòng quyết định của huyện cũ chỉ được đọc, không được sửa.'); END;
CREATE TRIGGER history_line_no_delete BEFORE DELETE ON history_line
BEGIN SELECT RAISE(ABORT, 'Dòng quyết định của huyện cũ chỉ được đọc, không được xoá.'); END;

-- Issue 21, point 5: chuyển nhiệm vụ 2021–2025 sang nội dung 2026–2030 (NQ 257/2025/QH15, Điều 1 khoản 7
-- điểm b). A recorded decision moving money of a 2021–2025 key that has no remaining need (or cannot be carried
-- out) into a content of the 2026–2035 catalog, with its approval basis; immutable once recorded, with the
-- warnings it was recorded with (the law's detail is not known: who approves, whether the capital type may change).
CREATE TABLE content_transfer (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  year INTEGER NOT NULL,
  number TEXT NOT NULL CHECK (length(trim(number)) > 0),
  doc_date TEXT NOT NULL,
  approved_by TEXT NOT NULL CHECK (length(trim(approved_by)) > 0),
  approval_basis TEXT NOT NULL CHECK (length(trim(approval_basis)) > 0),
  reason TEXT NOT NULL CHECK (reason IN ('khong_con_nhu_cau', 'khong_the_thuc_hien')),
  from_component_id INTEGER NOT NULL REFERENCES component(id),
  source_code TEXT NOT NULL REFERENCES funding_source(code),
  capital_type TEXT NOT NULL REFERENCES capital_type(code),
  origin_year INTEGER NOT NULL CHECK (origin_year BETWEEN 2021 AND 2025),
  to_component_id INTEGER NOT NULL REFERENCES component(id),
  to_capital_type TEXT NOT NULL REFERENCES capital_type(code),
  amount_dong INTEGER NOT NULL CHECK (typeof(amount_dong) = 'integer' AND amount_dong > 0),
  warnings_json TEXT NOT NULL DEFAULT '[]',
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  UNIQUE (year, number)
);
CREATE TRIGGER content_transfer_no_update BEFORE UPDATE ON content_transfer
BEGIN SELECT RAISE(ABORT, 'Quyết định chuyển nhiệm vụ đã ghi không được sửa; hãy ghi quyết định khác.'); END;
CREATE TRIGGER content_transfer_no_delete BEFORE DELETE ON content_transfer
BEGIN SELECT RAISE(ABORT, 'Quyết định chuyển nhiệm vụ đã ghi không được xoá.'); END;
