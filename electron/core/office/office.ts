import type { CommandArgs } from '../../../shared/api/contract';
import type { DistrictOption, OfficeInfo } from '../../../shared/api/office';
import { defaultOfficeName } from '../../../shared/domain/labels';
import type { CoreContext } from '../context';
import { writeAudit } from '../context';
import type { Db } from '../db/database';
import { CoreError } from '../errors';
import { insertSigners, listSigners } from './signers';

const DISTRICT_DATASET = '2024-11';

interface DistrictRow {
  id: number;
  code: string;
  name_vi: string;
  parent_code: string;
  province_name: string;
  pilot_basis: string | null;
}

const DISTRICT_QUERY = `
  SELECT u.id, u.code, u.name_vi, u.parent_code, p.name_vi AS province_name,
    (SELECT group_concat(d.basis, '; ') FROM pilot_designation d WHERE d.district_code = u.code) AS pilot_basis
  FROM admin_unit u JOIN admin_unit p ON p.dataset = u.dataset AND p.code = u.parent_code
  WHERE u.dataset = '${DISTRICT_DATASET}' AND u.level IN ('huyen', 'thanh_pho', 'thi_xa')`;

export function listDistricts(db: Db): DistrictOption[] {
  return (db.prepare(`${DISTRICT_QUERY} ORDER BY u.code`).all() as DistrictRow[]).map((r) => ({
    code: r.code,
    name: r.name_vi,
    pilot: r.pilot_basis !== null,
    pilotBasis: r.pilot_basis,
  }));
}

export function getOffice(db: Db): OfficeInfo | null {
  const office = db.prepare('SELECT district_unit_id, name, created_at FROM office WHERE id = 1').get() as
    | { district_unit_id: number; name: string; created_at: string }
    | undefined;
  if (!office) return null;
  const district = db.prepare(`${DISTRICT_QUERY} AND u.id = ?`).get(office.district_unit_id) as DistrictRow;
  const signers = listSigners(db, { includeRetired: false });
  return {
    districtCode: district.code,
    districtName: district.name_vi,
    provinceCode: district.parent_code,
    provinceName: district.province_name,
    name: office.name,
    pilot: district.pilot_basis !== null,
    pilotBasis: district.pilot_basis,
    signers,
    createdAt: office.created_at,
  };
}

export function requireOffice(db: Db): OfficeInfo {
  const office = getOffice(db);
  if (!office)
    throw new CoreError('OFFICE_NOT_INITIALIZED', 'Chưa thiết lập văn phòng. Hãy chọn huyện và nhập người ký ở màn hình thiết lập lần đầu (hoặc lệnh "init --office <mã huyện>").');
  return office;
}

export function setupOffice(ctx: CoreContext, args: CommandArgs<'office.setup'>): OfficeInfo {
  const { db } = ctx;
  if (getOffice(db)) {
    throw new CoreError('OFFICE_ALREADY_INITIALIZED', 'Văn phòng đã được thiết lập trong tệp dữ liệu này; không thể khởi tạo lại.');
  }
  const district = db.prepare(`${DISTRICT_QUERY} AND u.code = ?`).get(args.districtCode) as DistrictRow | undefined;
  if (!district) {
    const known = listDistricts(db)
      .map((d) => `${d.code} (${d.name})`)
      .join(', ');
    throw new CoreError(
      'UNKNOWN_DISTRICT',
      `Mã huyện: "${args.districtCode}" không có trong danh mục đơn vị hành chính cấp huyện. Hãy nhập một mã TCTK hợp lệ: ${known}.`,
      { field: 'districtCode', value: args.districtCode },
    );
  }
  db.transaction(() => {
    const name = args.name && args.name.length > 0 ? args.name : defaultOfficeName(district.name_vi);
    db.prepare('INSERT INTO office (id, district_unit_id, name, created_at) VALUES (1, ?, ?, ?)').run(district.id, name, ctx.now());
    insertSigners(db, args.signers, { sample: false });
    writeAudit(ctx, 'office.setup', 'office', 1, null, { districtCode: district.code, name, signers: args.signers });
  })();
  return getOffice(db)!;
}
