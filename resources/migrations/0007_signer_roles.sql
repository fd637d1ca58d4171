-- Schema v7: signers managed after the first run. Each signer holds a role (what the law lets them sign: an
-- NQ-HĐND is signed by the HĐND chair or, KT. CHỦ TỊCH, its vice-chair; a QĐ-UBND by the UBND chair or a
-- vice-chair), may be retired (kept, since issued decisions name them, but no longer offered), and may be a
-- sample signer put in by seed-demo ("mẫu"). Issued decisions keep their own snapshot (decision.signer_name,
-- signer_title), so a change here never rewrites what was issued.

CREATE TABLE signer_role (
  code TEXT PRIMARY KEY,
  body TEXT NOT NULL CHECK (body IN ('UBND', 'HDND')),
  rank TEXT NOT NULL CHECK (rank IN ('chu_tich', 'pho_chu_tich')),
  name_vi TEXT NOT NULL,
  default_title TEXT NOT NULL,
  sort_order INTEGER NOT NULL
);

INSERT INTO signer_role (code, body, rank, name_vi, default_title, sort_order) VALUES
  ('ubnd_chu_tich', 'UBND', 'chu_tich', 'Chủ tịch UBND', 'Chủ tịch UBND huyện', 1),
  ('ubnd_pho_chu_tich', 'UBND', 'pho_chu_tich', 'Phó Chủ tịch UBND', 'Phó Chủ tịch UBND huyện', 2),
  ('hdnd_chu_tich', 'HDND', 'chu_tich', 'Chủ tịch HĐND', 'Chủ tịch HĐND huyện', 3),
  ('hdnd_pho_chu_tich', 'HDND', 'pho_chu_tich', 'Phó Chủ tịch HĐND', 'Phó Chủ tịch HĐND huyện', 4);

ALTER TABLE signer ADD COLUMN role_code TEXT REFERENCES signer_role(code);
ALTER TABLE signer ADD COLUMN retired_on TEXT;
ALTER TABLE signer ADD COLUMN sample INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1));

-- Signers entered before roles existed: the role read from their title (the words the setup screen proposed).
UPDATE signer SET role_code = CASE
  WHEN (instr(title, 'HĐND') > 0 OR instr(title, 'Hội đồng') > 0) AND (instr(title, 'Phó') > 0 OR instr(title, 'PHÓ') > 0) THEN 'hdnd_pho_chu_tich'
  WHEN instr(title, 'HĐND') > 0 OR instr(title, 'Hội đồng') > 0 THEN 'hdnd_chu_tich'
  WHEN (instr(title, 'UBND') > 0 OR instr(title, 'Ủy ban') > 0 OR instr(title, 'Uỷ ban') > 0) AND (instr(title, 'Phó') > 0 OR instr(title, 'PHÓ') > 0) THEN 'ubnd_pho_chu_tich'
  WHEN instr(title, 'UBND') > 0 OR instr(title, 'Ủy ban') > 0 OR instr(title, 'Uỷ ban') > 0 THEN 'ubnd_chu_tich'
  ELSE NULL
END;
