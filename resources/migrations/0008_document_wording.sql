-- Schema v7 (given number 0009 for the merge): the wording of the decision documents.
-- document_template: the office's wording per kind of decision and issuer (căn cứ, "Theo đề nghị của", Điều 2–3,
-- Nơi nhận, khóa/kỳ họp), only where the office changed the built-in default.
-- decision_wording: a decision's own wording — an override while it is a draft, and the text frozen at issue
-- (the issue command writes it in the same transaction, before the status changes), immutable afterwards.
CREATE TABLE document_template (
  template_key TEXT NOT NULL CHECK (template_key IN ('phan_bo', 'dieu_chinh', 'bo_sung', 'thu_hoi', 'keo_dai', 'giao_du_toan')),
  issuer TEXT NOT NULL CHECK (issuer IN ('UBND', 'HDND')),
  wording_json TEXT NOT NULL CHECK (json_valid(wording_json)),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (template_key, issuer)
);

CREATE TABLE decision_wording (
  decision_id INTEGER PRIMARY KEY REFERENCES decision(id) ON DELETE CASCADE,
  wording_json TEXT NOT NULL CHECK (json_valid(wording_json)),
  updated_at TEXT NOT NULL
);

CREATE TRIGGER decision_wording_insert_into_issued BEFORE INSERT ON decision_wording
WHEN (SELECT status FROM decision WHERE id = NEW.decision_id) = 'issued'
BEGIN
  SELECT RAISE(ABORT, 'ISSUED_DECISION_IMMUTABLE');
END;

CREATE TRIGGER decision_wording_update_of_issued BEFORE UPDATE ON decision_wording
WHEN (SELECT status FROM decision WHERE id = OLD.decision_id) = 'issued'
BEGIN
  SELECT RAISE(ABORT, 'ISSUED_DECISION_IMMUTABLE');
END;

CREATE TRIGGER decision_wording_delete_of_issued BEFORE DELETE ON decision_wording
WHEN (SELECT status FROM decision WHERE id = OLD.decision_id) = 'issued'
BEGIN
  SELECT RAISE(ABORT, 'ISSUED_DECISION_IMMUTABLE');
END;
