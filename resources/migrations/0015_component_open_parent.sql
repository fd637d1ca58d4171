-- A catalog item whose listed children do not cover it (the sources name only some of its parts) takes money itself
-- besides its children: MTQG2635.HP1.ND02 has at least 14 "Nội dung" in TT 60/2026/TT-BTC Điều 6, of which only
-- Nội dung 14 (quản lý vận hành, bảo trì) is named. Set from resources/seed/catalog-open-parents.csv.
ALTER TABLE component ADD COLUMN open_parent INTEGER NOT NULL DEFAULT 0 CHECK (open_parent IN (0, 1));
