import type { CommandArgs } from '../../../shared/api/contract';
import type { DistrictOption, OfficeInfo } from '../../../shared/api/office';
import { defaultOfficeName } from '../../../shared/domain/labels';
import type { CoreContext } from '../context';
import { writeAudit } from '../context';
import type { Db } from '../db/database';
import type { OfficeLevelCode } from '../../../shared/domain/office-level';
import { CoreError } from '../errors';
import { insertSigners, listSigners } from './signers';

interface UnitRow {
  id: number;
  code: string;
  name_vi: string;
  parent_code: string;
  province_name: string;
  pilot_basis: string | null;
  level_code: OfficeLevelCode;
  level_name: string;
  level_valid_from: string | null;
  level_valid_to: string | null;
  default_office_name: string;
}

/**
 * The units an office can stand for, by office level (office-levels.csv): a level names the unit dataset and
 * unit levels it covers (districts of the 2024 list; communes and wards of 1/7/2025). District codes have three
 * digits and commune codes five, so a code finds one unit among the office levels.
 */
const UNIT_QUERY = `
  SELECT u.id, u.code, u.name_vi, u.parent_code,
    -- The 2025 list names only communes: the province is read from whichever dataset holds it.
    (SELECT p.name_vi FROM admin_unit p WHERE p.code = u.parent_code AND p.level = 'tinh' ORDER BY p.dataset DESC LIMIT 1) AS province_name,
    (SELECT group_concat(d.basis, '; ') FROM pilot_designation d WHERE d.district_code = u.code AND ol.code = 'huyen') AS pilot_basis,
    ol.code AS level_code, ol.name_vi AS level_name, ol.valid_from AS level_valid_from, ol.valid_to AS level_valid_to,
    ol.default_office_name
  FROM office_level ol
  JOIN admin_unit u ON u.dataset = ol.unit_dataset AND instr('|' || ol.unit_levels || '|', '|' || u.level || '|') > 0
  WHERE 1 = 1`;

/** The former units a unit was formed from: the successor table read backwards (old commune → new commune). */
function formedFrom(db: Db, unit: UnitRow): { code: string; name: string }[] {
  if (unit.level_code !== 'xa') return [];
  return db
    .prepare(
      `SELECT u.code, u.name_vi AS name FROM admin_unit_successor s JOIN admin_unit u ON u.id = s.unit_id
       WHERE s.successor_code = ? AND s.effective_date = ? AND u.dataset = '2024-11' ORDER BY u.code`,
    )
    .all(unit.code, unit.level_valid_from ?? '') as { code: string; name: string }[];
}

const shortName = (name: string) => name.replace(/^(Xã|Phường|Thị trấn)\s+/i, '');

export function listDistricts(db: Db): DistrictOption[] {
  return (db.prepare(`${UNIT_QUERY} ORDER BY ol.sort_order, u.code`).all() as UnitRow[]).map((r) => ({
    code: r.code,
    name: r.name_vi,
    pilot: r.pilot_basis !== null,
    pilotBasis: r.pilot_basis,
    level: r.level_code,
    levelName: r.level_name,
    formedFrom: formedFrom(db, r)
      .map((u) => shortName(u.name))
      .filter((n, i, all) => all.indexOf(n) === i)
      .join(', '),
    validFrom: r.level_valid_from,
    validTo: r.level_valid_to,
    defaultOfficeName: defaultOfficeName(r.name_vi, r.default_office_name),
  }));
}

export function getOffice(db: Db): OfficeInfo | null {
  const office = db.prepare('SELECT district_unit_id, level_code, name, created_at FROM office WHERE id = 1').get() as
    | { district_unit_id: number; level_code: string; name: string; created_at: string }
    | undefined;
  if (!office) return null;
  const unit = db.prepare(`${UNIT_QUERY} AND u.id = ? AND ol.code = ?`).get(office.district_unit_id, office.level_code) as UnitRow;
  const signers = listSigners(db, { includeRetired: false });
  return {
    districtCode: unit.code,
    districtName: unit.name_vi,
    level: unit.level_code,
    levelName: unit.level_name,
    levelValidFrom: unit.level_valid_from,
    levelValidTo: unit.level_valid_to,
    formedFrom: formedFrom(db, unit),
    provinceCode: unit.parent_code,
    provinceName: unit.province_name,
    name: office.name,
    pilot: unit.pilot_basis !== null,
    pilotBasis: unit.pilot_basis,
    signers,
    createdAt: office.created_at,
  };
}

export function requireOffice(db: Db): OfficeInfo {
  const office = getOffice(db);
  if (!office)
    throw new CoreError('OFFICE_NOT_INITIALIZED', 'Chưa thiết lập văn phòng. Hãy chọn huyện hoặc xã và nhập người ký ở màn hình thiết lập lần đầu (hoặc lệnh "init --office <mã huyện hoặc mã xã>").');
  return office;
}

export function setupOffice(ctx: CoreContext, args: CommandArgs<'office.setup'>): OfficeInfo {
  const { db } = ctx;
  if (getOffice(db)) {
    throw new CoreError('OFFICE_ALREADY_INITIALIZED', 'Văn phòng đã được thiết lập trong tệp dữ liệu này; không thể khởi tạo lại.');
  }
  const district = db.prepare(`${UNIT_QUERY} AND u.code = ?`).get(args.districtCode) as UnitRow | undefined;
  if (!district) {
    const options = listDistricts(db);
    const known = (level: OfficeLevelCode) =>
      options
        .filter((d) => d.level === level)
        .map((d) => `${d.code} (${d.name})`)
        .join(', ');
    throw new CoreError(
      'UNKNOWN_DISTRICT',
      `Mã đơn vị: "${args.districtCode}" không có trong danh mục đơn vị hành chính cấp huyện (đến 30/06/2025) hay cấp xã (từ 01/07/2025). ` +
        `Hãy nhập một mã TCTK hợp lệ — cấp xã: ${known('xa')}; cấp huyện: ${known('huyen')}.`,
      { field: 'districtCode', value: args.districtCode },
    );
  }
  db.transaction(() => {
    const name = args.name && args.name.length > 0 ? args.name : defaultOfficeName(district.name_vi, district.default_office_name);
    db.prepare('INSERT INTO office (id, district_unit_id, level_code, name, created_at) VALUES (1, ?, ?, ?, ?)').run(district.id, district.level_code, name, ctx.now());
    insertSigners(db, args.signers, { sample: false });
    writeAudit(ctx, 'office.setup', 'office', 1, null, { districtCode: district.code, level: district.level_code, name, signers: args.signers });
  })();
  return getOffice(db)!;
}
