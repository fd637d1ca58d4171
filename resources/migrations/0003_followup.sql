-- Schema v3: follow-up — obstacles (khó khăn, vướng mắc) with the level that can resolve them and their
-- escalation, conclusion notices and their tasks, inspection visits whose findings become obstacles.

CREATE TABLE inspection_visit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  commune_unit_id INTEGER NOT NULL REFERENCES admin_unit(id),
  month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  team TEXT NOT NULL DEFAULT '',
  checklist TEXT NOT NULL DEFAULT '',
  findings TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'ke_hoach' CHECK (status IN ('ke_hoach', 'da_kiem_tra')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE obstacle (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  description TEXT NOT NULL,
  program_code TEXT,
  component_id INTEGER REFERENCES component(id),
  project_id INTEGER REFERENCES investment_project(id),
  commune_unit_id INTEGER REFERENCES admin_unit(id),
  amount_at_risk_dong INTEGER NOT NULL DEFAULT 0 CHECK (typeof(amount_at_risk_dong) = 'integer' AND amount_at_risk_dong >= 0),
  category TEXT NOT NULL CHECK (category IN ('phap_ly', 'thu_tuc', 'mat_bang', 'doi_tuong', 'nang_luc', 'nguon_von', 'khac')),
  raised_by TEXT NOT NULL DEFAULT '',
  raised_on TEXT NOT NULL,
  resolving_level TEXT NOT NULL CHECK (resolving_level IN ('xa', 'huyen', 'tinh', 'trung_uong')),
  responsible TEXT NOT NULL DEFAULT '',
  proposal TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'moi' CHECK (status IN ('moi', 'dang_xu_ly', 'da_de_xuat', 'da_giai_quyet', 'khong_giai_quyet')),
  due_date TEXT,
  -- The inspection visit whose findings raised it, if any.
  inspection_id INTEGER REFERENCES inspection_visit(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE obstacle_escalation (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  obstacle_id INTEGER NOT NULL REFERENCES obstacle(id),
  to_level TEXT NOT NULL CHECK (to_level IN ('huyen', 'tinh', 'trung_uong')),
  to_body TEXT NOT NULL,
  document TEXT NOT NULL DEFAULT '',
  sent_on TEXT NOT NULL,
  reply TEXT,
  reply_on TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX obstacle_escalation_by_obstacle ON obstacle_escalation(obstacle_id);

CREATE TABLE notice (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  number TEXT NOT NULL,
  notice_date TEXT NOT NULL,
  issuer TEXT NOT NULL,
  signer TEXT NOT NULL DEFAULT '',
  summary TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);

CREATE TABLE notice_task (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  notice_id INTEGER NOT NULL REFERENCES notice(id),
  item TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL,
  owner TEXT NOT NULL,
  deadline TEXT,
  status TEXT NOT NULL DEFAULT 'chua_thuc_hien' CHECK (status IN ('chua_thuc_hien', 'dang_thuc_hien', 'hoan_thanh')),
  evidence TEXT NOT NULL DEFAULT '',
  obstacle_id INTEGER REFERENCES obstacle(id),
  decision_id INTEGER REFERENCES decision(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX notice_task_by_notice ON notice_task(notice_id);
