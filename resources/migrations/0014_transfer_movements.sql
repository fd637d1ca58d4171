-- Issue 21, point 5 (continued): a recorded khoản 7 điểm b transfer (content_transfer, NQ 257/2025/QH15 Điều 1
-- khoản 7 điểm b) moves the money in the ledger. Each transfer writes two legs here, in the same transaction as
-- the transfer and its audit row: the 2021–2025 key gives the amount (negative leg), the 2026–2035 content receives
-- it (positive leg). The plan of a year is assignment + these movements; nothing else changes the assigned money.
-- Both legs keep the ORIGIN YEAR of the money (2021–2025): the law does not say whether the moved money becomes
-- 2026–2030 money (its deadline, whose ceiling it counts against), so the app keeps it traceable and apart, as its
-- own ceiling (origin year × program × source × capital type), and says so in a warning recorded with the transfer.
-- Immutable like the transfer itself. No reversal (issued decisions have none either): a transfer recorded in
-- error cannot yet be corrected in the app (a transfer back is refused: the source must be 2021–2025).
CREATE TABLE assignment_movement (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  transfer_id INTEGER NOT NULL REFERENCES content_transfer(id),
  leg TEXT NOT NULL CHECK (leg IN ('out', 'in')),
  year INTEGER NOT NULL,
  component_id INTEGER NOT NULL REFERENCES component(id),
  source_code TEXT NOT NULL REFERENCES funding_source(code),
  capital_type TEXT NOT NULL REFERENCES capital_type(code),
  origin_year INTEGER NOT NULL CHECK (origin_year <= year),
  -- Signed integer đồng: the 'out' leg negative, the 'in' leg positive.
  amount_dong INTEGER NOT NULL CHECK (typeof(amount_dong) = 'integer' AND ((leg = 'out' AND amount_dong < 0) OR (leg = 'in' AND amount_dong > 0))),
  UNIQUE (transfer_id, leg)
);
CREATE INDEX assignment_movement_by_year ON assignment_movement (year);

CREATE TRIGGER assignment_movement_no_update BEFORE UPDATE ON assignment_movement
BEGIN SELECT RAISE(ABORT, 'Khoản vốn đã chuyển theo quyết định chuyển nhiệm vụ không được sửa.'); END;
CREATE TRIGGER assignment_movement_no_delete BEFORE DELETE ON assignment_movement
BEGIN SELECT RAISE(ABORT, 'Khoản vốn đã chuyển theo quyết định chuyển nhiệm vụ không được xoá.'); END;

-- Transfers recorded before this migration get their legs now, so the ledger is the same whenever they were recorded.
INSERT INTO assignment_movement (transfer_id, leg, year, component_id, source_code, capital_type, origin_year, amount_dong)
SELECT id, 'out', year, from_component_id, source_code, capital_type, origin_year, -amount_dong FROM content_transfer;
INSERT INTO assignment_movement (transfer_id, leg, year, component_id, source_code, capital_type, origin_year, amount_dong)
SELECT id, 'in', year, to_component_id, source_code, to_capital_type, origin_year, amount_dong FROM content_transfer;
