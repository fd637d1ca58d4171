/** Who receives money: the district itself, its communes (dated admin units) or an organization. */
import type { RecipientInput } from '../../../shared/api/registers';
import type { RecipientOption } from '../../../shared/api/registers';
import type { OfficeInfo } from '../../../shared/api/office';
import type { Db } from '../db/database';
import { CoreError } from '../errors';

export interface RecipientIds {
  unitId: number | null;
  orgId: number | null;
}

const DISTRICT_DATASET = '2024-11';
const LABEL = 'Đơn vị nhận';

function districtUnitId(db: Db, office: OfficeInfo): number {
  return (db.prepare('SELECT id FROM admin_unit WHERE dataset = ? AND code = ?').get(DISTRICT_DATASET, office.districtCode) as { id: number }).id;
}

const validOn = (date: string) => `(u.valid_from IS NULL OR u.valid_from <= '${date}') AND (u.valid_to IS NULL OR u.valid_to >= '${date}')`;

/** Resolves a recipient for a decision dated `date`; communes must belong to the office's district. */
export function resolveRecipient(db: Db, input: RecipientInput, date: string, office: OfficeInfo): RecipientIds {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`bad date ${date}`);
  switch (input.kind) {
    case 'district':
      return { unitId: districtUnitId(db, office), orgId: null };
    case 'commune': {
      // The same code can name an old commune (before 1/7/2025) and a new one; prefer the one valid on the date.
      // A commune of the 2025 reorganization belongs to the office when it was formed from one of its communes.
      const rows = db
        .prepare(
          `SELECT u.id, ${validOn(date)} AS valid,
             (u.dataset = ? AND u.parent_code = ?) OR EXISTS (
               SELECT 1 FROM admin_unit_successor s JOIN admin_unit old ON old.id = s.unit_id
               WHERE s.successor_code = u.code AND s.effective_date <= COALESCE(u.valid_from, s.effective_date)
                 AND old.dataset = ? AND old.parent_code = ?) AS in_district
           FROM admin_unit u
           WHERE u.code = ? AND u.level NOT IN ('tinh', 'huyen', 'thanh_pho', 'thi_xa')
           ORDER BY valid DESC, u.dataset`,
        )
        .all(DISTRICT_DATASET, office.districtCode, DISTRICT_DATASET, office.districtCode, input.code) as { id: number; valid: number; in_district: number }[];
      const inDistrict = rows.filter((r) => r.in_district === 1);
      if (inDistrict.length === 0) {
        throw new CoreError(
          'UNKNOWN_RECIPIENT',
          rows.length
            ? `${LABEL}: xã mã ${input.code} không thuộc ${office.districtName}. Chọn một xã, thị trấn của huyện.`
            : `${LABEL}: không có xã, thị trấn mã "${input.code}" trong danh mục đơn vị hành chính. Chọn từ danh sách.`,
          { field: 'recipient', value: input.code },
        );
      }
      return { unitId: inDistrict[0]!.id, orgId: null };
    }
    case 'unit':
    case 'investor': {
      const org = db.prepare('SELECT id, kind FROM organization WHERE id = ?').get(input.id) as { id: number; kind: string } | undefined;
      if (!org || org.kind !== input.kind) {
        throw new CoreError(
          'UNKNOWN_RECIPIENT',
          `${LABEL}: không có ${input.kind === 'unit' ? 'đơn vị' : 'chủ đầu tư'} số ${input.id} trong danh mục. Thêm đơn vị ở danh mục trước khi phân bổ.`,
          { field: 'recipient', value: input.id },
        );
      }
      return { unitId: null, orgId: org.id };
    }
  }
}

/** The recipients to pick from for a decision dated `date`: the district, its communes, then organizations. */
export function listRecipients(db: Db, date: string, office: OfficeInfo): RecipientOption[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`bad date ${date}`);
  const district = db.prepare(`SELECT u.id, u.code, u.name_vi, ${validOn(date)} AS valid FROM admin_unit u WHERE u.id = ?`).get(districtUnitId(db, office)) as {
    id: number;
    code: string;
    name_vi: string;
    valid: number;
  };
  const communes = db
    .prepare(
      `SELECT u.id, u.code, u.name_vi, ${validOn(date)} AS valid FROM admin_unit u
       WHERE u.dataset = ? AND u.parent_code = ? ORDER BY valid DESC, u.code`,
    )
    .all(DISTRICT_DATASET, office.districtCode) as { id: number; code: string; name_vi: string; valid: number }[];
  const orgs = db
    .prepare(
      `SELECT o.id, o.kind, o.name, (o.valid_from IS NULL OR o.valid_from <= ?) AND (o.valid_to IS NULL OR o.valid_to >= ?) AS valid
       FROM organization o ORDER BY o.kind DESC, o.name`,
    )
    .all(date, date) as { id: number; kind: 'unit' | 'investor'; name: string; valid: number }[];
  return [
    { kind: 'district', id: district.id, code: district.code, name: district.name_vi, validOnDate: district.valid === 1 },
    ...communes.map((c) => ({ kind: 'commune' as const, id: c.id, code: c.code, name: c.name_vi, validOnDate: c.valid === 1 })),
    ...orgs.map((o) => ({ kind: o.kind, id: o.id, code: null, name: o.name, validOnDate: o.valid === 1 })),
  ];
}
