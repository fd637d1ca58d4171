-- Issue 21 (after 1 July 2025). Additive only.
-- Office levels as dated data: a district office (until 30/06/2025) or a commune/ward office (from 01/07/2025).
-- The unit an office stands for is an admin_unit of the level's dataset; the successor table
-- (admin_unit_successor) maps the former communes onto the new one.
CREATE TABLE office_level (
  code TEXT PRIMARY KEY,
  name_vi TEXT NOT NULL,
  unit_dataset TEXT NOT NULL,
  unit_levels TEXT NOT NULL,
  valid_from TEXT,
  valid_to TEXT,
  default_office_name TEXT NOT NULL,
  basis TEXT NOT NULL,
  sort_order INTEGER NOT NULL
);

-- Existing offices are district offices.
ALTER TABLE office ADD COLUMN level_code TEXT NOT NULL DEFAULT 'huyen';

-- The national target programs funded for 2026–2030 (NQ 27/2026/QH16) that an office can hold beside the
-- merged program's own catalog; amounts in tỷ đồng as the resolution prints them.
CREATE TABLE national_program (
  code TEXT PRIMARY KEY,
  name_vi TEXT NOT NULL,
  period TEXT NOT NULL,
  investment_policy TEXT NOT NULL,
  approval_decision TEXT NOT NULL DEFAULT '',
  owner_ministry TEXT NOT NULL DEFAULT '',
  nstw_dtpt_2026_2030_ty_dong INTEGER,
  amount_basis TEXT NOT NULL DEFAULT '',
  confidence TEXT NOT NULL DEFAULT '',
  valid_from TEXT,
  valid_to TEXT,
  sort_order INTEGER NOT NULL
);
