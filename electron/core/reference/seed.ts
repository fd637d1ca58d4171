import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Db } from '../db/database';

type Row = Record<string, string>;

function readCsv(file: string): { rows: Row[]; sha256: string } {
  const text = fs.readFileSync(file, 'utf8');
  const rows = parse(text, { columns: true, skip_empty_lines: true, bom: true }) as Row[];
  return { rows, sha256: crypto.createHash('sha256').update(text).digest('hex') };
}

const blankToNull = (value: string | undefined): string | null => (value === undefined || value.trim() === '' ? null : value.trim());
const splitList = (value: string | undefined): string[] => (value ?? '').split('|').map((s) => s.trim()).filter(Boolean);

/** Datasets in load order (later ones reference earlier ones). */
const UNIT_DATASETS = [
  { dataset: '2024-11', file: 'langson-units.csv' },
  { dataset: '2025-07', file: 'langson-units-2025.csv' },
] as const;

/**
 * Loads the dated reference data from resources/seed into the database, in one transaction.
 * A dataset whose file hash is unchanged is skipped; a changed one is upserted by its natural key
 * (code + period or dataset), so rows referenced by the office's data keep their ids.
 */
export function seedReferenceData(db: Db, seedDir: string, now: string): string[] {
  const loaded: string[] = [];
  const known = new Map(
    (db.prepare('SELECT name, sha256 FROM reference_dataset').all() as { name: string; sha256: string }[]).map((r) => [r.name, r.sha256]),
  );
  const markLoaded = db.prepare(
    `INSERT INTO reference_dataset (name, sha256, row_count, loaded_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(name) DO UPDATE SET sha256 = excluded.sha256, row_count = excluded.row_count, loaded_at = excluded.loaded_at`,
  );
  /** Reads a seed file once, loads it only when its content changed, and returns its rows. */
  const withDataset = (file: string, load: (rows: Row[]) => void): Row[] => {
    const { rows, sha256 } = readCsv(path.join(seedDir, file));
    if (known.get(file) === sha256) return rows;
    load(rows);
    markLoaded.run(file, sha256, rows.length, now);
    loaded.push(file);
    return rows;
  };

  db.transaction(() => {
    withDataset('capital-types.csv', (rows) => {
      const upsert = db.prepare(
        `INSERT INTO capital_type (code, name_vi, short_vi, sort_order) VALUES (@code, @name_vi, @short_vi, @sort_order)
         ON CONFLICT(code) DO UPDATE SET name_vi = excluded.name_vi, short_vi = excluded.short_vi, sort_order = excluded.sort_order`,
      );
      for (const r of rows) upsert.run({ ...r, sort_order: Number(r.sort_order) });
    });
    withDataset('funding-sources.csv', (rows) => {
      const upsert = db.prepare(
        `INSERT INTO funding_source (code, name_vi, short_vi, sort_order, valid_from, valid_to)
         VALUES (@code, @name_vi, @short_vi, @sort_order, @valid_from, @valid_to)
         ON CONFLICT(code) DO UPDATE SET name_vi = excluded.name_vi, short_vi = excluded.short_vi,
           sort_order = excluded.sort_order, valid_from = excluded.valid_from, valid_to = excluded.valid_to`,
      );
      for (const r of rows)
        upsert.run({ ...r, sort_order: Number(r.sort_order), valid_from: blankToNull(r.valid_from), valid_to: blankToNull(r.valid_to) });
    });
    const periods = withDataset('program-periods.csv', (rows) => {
      const upsert = db.prepare(
        `INSERT INTO program_period (code, name_vi, first_year, last_year, basis) VALUES (@code, @name_vi, @first_year, @last_year, @basis)
         ON CONFLICT(code) DO UPDATE SET name_vi = excluded.name_vi, first_year = excluded.first_year,
           last_year = excluded.last_year, basis = excluded.basis`,
      );
      for (const r of rows) upsert.run({ code: r.code, name_vi: r.name_vi, basis: r.basis, first_year: Number(r.first_year), last_year: Number(r.last_year) });
    });
    withDataset('component-levels.csv', (rows) => {
      const upsert = db.prepare(
        `INSERT INTO component_level (period_code, level, label_vi, depth) VALUES (@period_code, @level, @label_vi, @depth)
         ON CONFLICT(period_code, level) DO UPDATE SET label_vi = excluded.label_vi, depth = excluded.depth`,
      );
      for (const r of rows) upsert.run({ ...r, depth: Number(r.depth) });
    });
    for (const period of periods) {
      withDataset(period.catalog_file!, (rows) => loadCatalog(db, period.code!, rows));
    }
    withDataset('catalog-open-parents.csv', (rows) => loadOpenParents(db, rows));
    for (const { dataset, file } of UNIT_DATASETS) {
      withDataset(file, (rows) => loadUnits(db, dataset, rows));
    }
    withDataset('office-levels.csv', (rows) => loadOfficeLevels(db, rows));
    withDataset('mtqg-2026-2030.csv', (rows) => loadNationalPrograms(db, rows));
    withDataset('pilot-designations.csv', (rows) => {
      const upsert = db.prepare(
        `INSERT INTO pilot_designation (district_code, basis, designated_on, window_end, note)
         VALUES (@district_code, @basis, @designated_on, @window_end, @note)
         ON CONFLICT(district_code, basis) DO UPDATE SET designated_on = excluded.designated_on,
           window_end = excluded.window_end, note = excluded.note`,
      );
      for (const r of rows) upsert.run(r);
    });
    withDataset('reason-codes.csv', (rows) => {
      const upsert = db.prepare(
        `INSERT INTO reason_code (code, name_vi, basis, sort_order) VALUES (@code, @name_vi, @basis, @sort_order)
         ON CONFLICT(code) DO UPDATE SET name_vi = excluded.name_vi, basis = excluded.basis, sort_order = excluded.sort_order`,
      );
      for (const r of rows) upsert.run({ ...r, sort_order: Number(r.sort_order) });
    });
    withDataset('rules.csv', (rows) => loadRules(db, rows));
    withDataset('province-categories.csv', (rows) => {
      db.prepare('DELETE FROM province_category').run();
      const insert = db.prepare('INSERT INTO province_category (province_code, category, valid_from, valid_to, basis) VALUES (@province_code, @category, @valid_from, @valid_to, @basis)');
      for (const r of rows) insert.run({ ...r, valid_to: blankToNull(r.valid_to) });
    });
    withDataset('counterpart-rules.csv', (rows) => {
      // Like the rules: the file is the whole set of minimum ratios in force over time.
      db.prepare('DELETE FROM counterpart_rule').run();
      const insert = db.prepare(
        `INSERT INTO counterpart_rule (program_code, period_code, province_category, capital_type, basis, min_ratio_bp, valid_from, valid_to, legal_basis, certainty)
         VALUES (@program_code, @period_code, @province_category, @capital_type, @basis, @min_ratio_bp, @valid_from, @valid_to, @legal_basis, @certainty)`,
      );
      for (const r of rows) insert.run({ ...r, min_ratio_bp: Number(r.min_ratio_bp), valid_to: blankToNull(r.valid_to) });
    });
  })();
  return loaded;
}

/** The office levels (district until 30/06/2025, commune/ward from 01/07/2025), upserted by code. */
function loadOfficeLevels(db: Db, rows: Row[]): void {
  const upsert = db.prepare(
    `INSERT INTO office_level (code, name_vi, unit_dataset, unit_levels, valid_from, valid_to, default_office_name, basis, sort_order)
     VALUES (@code, @name_vi, @unit_dataset, @unit_levels, @valid_from, @valid_to, @default_office_name, @basis, @sort_order)
     ON CONFLICT(code) DO UPDATE SET name_vi = excluded.name_vi, unit_dataset = excluded.unit_dataset, unit_levels = excluded.unit_levels,
       valid_from = excluded.valid_from, valid_to = excluded.valid_to, default_office_name = excluded.default_office_name,
       basis = excluded.basis, sort_order = excluded.sort_order`,
  );
  for (const r of rows) upsert.run({ ...r, sort_order: Number(r.sort_order), valid_from: blankToNull(r.valid_from), valid_to: blankToNull(r.valid_to) });
}

/** The national target programs funded for 2026–2030. */
function loadNationalPrograms(db: Db, rows: Row[]): void {
  // The whole file is the set of programs funded for 2026–2030: a program dropped from it disappears.
  db.prepare('DELETE FROM national_program').run();
  const insert = db.prepare(
    `INSERT INTO national_program (code, name_vi, period, investment_policy, approval_decision, owner_ministry, nstw_dtpt_2026_2030_ty_dong,
       amount_basis, confidence, valid_from, valid_to, sort_order)
     VALUES (@code, @name_vi, @period, @investment_policy, @approval_decision, @owner_ministry, @amount, @amount_basis, @confidence, @valid_from, @valid_to, @sort_order)`,
  );
  rows.forEach((r, index) => {
    const years = (r.period ?? '').match(/\d{4}/g) ?? [];
    insert.run({
      code: r.program_key,
      name_vi: r.program_name_vi,
      period: r.period,
      investment_policy: [r.investment_policy_resolution, r.investment_policy_resolution_date].filter(Boolean).join(' ngày '),
      approval_decision: r.program_approval_decision ?? '',
      owner_ministry: r.owner_ministry ?? '',
      amount: blankToNull(r.nstw_dtpt_2026_2030_ty_dong) === null ? null : Number(r.nstw_dtpt_2026_2030_ty_dong),
      amount_basis: r.amount_basis ?? '',
      confidence: `tên: ${r.confidence_name}; nghị quyết: ${r.confidence_resolution}; số vốn: ${r.confidence_amount}`,
      valid_from: years[0] ? `${years[0]}-01-01` : null,
      valid_to: years[1] ? `${years[1]}-12-31` : null,
      sort_order: index,
    });
  });
}

/** A program period's catalog of components, upserted by period and code so the office's lines keep their ids. */
function loadCatalog(db: Db, periodCode: string, rows: Row[]): void {
  const upsert = db.prepare(
    `INSERT INTO component (period_code, code, parent_code, program_code, level, name_vi, name_en, source_decision,
       lead_agency_province, lead_agency_central, confidence, note, sort_order)
     VALUES (@period_code, @code, @parent_code, @program_code, @level, @name_vi, @name_en, @source_decision,
       @lead_agency_province, @lead_agency_central, @confidence, @note, @sort_order)
     ON CONFLICT(period_code, code) DO UPDATE SET parent_code = excluded.parent_code, program_code = excluded.program_code,
       level = excluded.level, name_vi = excluded.name_vi, name_en = excluded.name_en, source_decision = excluded.source_decision,
       lead_agency_province = excluded.lead_agency_province, lead_agency_central = excluded.lead_agency_central,
       confidence = excluded.confidence, note = excluded.note, sort_order = excluded.sort_order`,
  );
  rows.forEach((r, index) =>
    upsert.run({
      period_code: periodCode,
      code: r.code,
      parent_code: blankToNull(r.parent_code),
      program_code: r.program_code,
      level: r.level,
      name_vi: r.name_vi,
      name_en: r.name_en ?? '',
      source_decision: r.source_decision ?? '',
      lead_agency_province: r.lead_agency_province ?? '',
      lead_agency_central: r.lead_agency_central ?? '',
      confidence: r.confidence ?? '',
      note: r.note ?? '',
      sort_order: index,
    }),
  );
}

/**
 * Catalog items whose listed children do not cover them take money themselves (the file is the whole set). A code the
 * catalog does not hold is a data error, refused like any broken seed file.
 */
function loadOpenParents(db: Db, rows: Row[]): void {
  db.prepare('UPDATE component SET open_parent = 0 WHERE open_parent = 1').run();
  const mark = db.prepare('UPDATE component SET open_parent = 1 WHERE period_code = ? AND code = ?');
  for (const r of rows) {
    if (mark.run(r.period_code, r.code).changes !== 1) throw new Error(`catalog-open-parents.csv: ${r.period_code} ${r.code} không có trong danh mục`);
  }
}

/** The rules' rows, replaced as a whole: a new resolution is a new row, a withdrawn one disappears. */
function loadRules(db: Db, rows: Row[]): void {
  db.prepare('DELETE FROM rule_definition').run();
  const insert = db.prepare(
    `INSERT INTO rule_definition (rule_id, valid_from, valid_to, severity, name_vi, title_vi, legal_basis, certainty, check_name, params_json)
     VALUES (@rule_id, @valid_from, @valid_to, @severity, @name_vi, @title_vi, @legal_basis, @certainty, @check_name, @params_json)`,
  );
  for (const r of rows) {
    JSON.parse(r.params_json!);
    insert.run({
      rule_id: Number(r.rule_id),
      valid_from: r.valid_from,
      valid_to: blankToNull(r.valid_to),
      severity: r.severity,
      name_vi: r.name_vi ?? '',
      title_vi: r.title_vi,
      legal_basis: r.legal_basis,
      certainty: r.certainty,
      check_name: blankToNull(r.check) ?? '',
      params_json: r.params_json,
    });
  }
}

function loadUnits(db: Db, dataset: string, rows: Row[]): void {
  const upsert = db.prepare(
    `INSERT INTO admin_unit (dataset, code, name_vi, level, parent_code, valid_from, valid_to, source, note)
     VALUES (@dataset, @code, @name_vi, @level, @parent_code, @valid_from, @valid_to, @source, @note)
     ON CONFLICT(dataset, code) DO UPDATE SET name_vi = excluded.name_vi, level = excluded.level, parent_code = excluded.parent_code,
       valid_from = excluded.valid_from, valid_to = excluded.valid_to, source = excluded.source, note = excluded.note
     RETURNING id`,
  );
  const clearSuccessors = db.prepare('DELETE FROM admin_unit_successor WHERE unit_id = ?');
  const addSuccessor = db.prepare(
    'INSERT OR IGNORE INTO admin_unit_successor (unit_id, effective_date, successor_code, successor_name, basis) VALUES (?, ?, ?, ?, ?)',
  );
  for (const r of rows) {
    const { id } = upsert.get({
      dataset,
      code: r.unit_code,
      name_vi: r.name_vi,
      level: r.level,
      parent_code: blankToNull(r.parent_code),
      valid_from: blankToNull(r.valid_from),
      valid_to: blankToNull(r.valid_to),
      source: r.source ?? '',
      note: [r.note, r.formed_from ? `Hình thành từ: ${r.formed_from}` : '', r.change_2024_12_note].filter(Boolean).join('; '),
    }) as { id: number };
    clearSuccessors.run(id);
    if (r.change_2024_12 && r.change_2024_12 !== 'unchanged') {
      const names = splitList(r.successor_2024_12_name);
      splitList(r.successor_2024_12_code).forEach((code, i) =>
        addSuccessor.run(id, '2024-12-01', code, names[i] ?? '', 'NQ 1246/NQ-UBTVQH15 (hiệu lực 01/12/2024)'),
      );
    }
    const names2025 = splitList(r.successor_2025_07_name);
    splitList(r.successor_2025_07_code).forEach((code, i) =>
      addSuccessor.run(id, '2025-07-01', code, names2025[i] ?? '', 'NQ 1672/NQ-UBTVQH15 ngày 16/06/2025 (hiệu lực 01/07/2025)'),
    );
  }
}
