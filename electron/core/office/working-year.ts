/**
 * What the app frame needs to choose a working year and to say, once, when the office's level of government has
 * ended: the years that hold data, and the end of the district level (rule 10's dated parameter) with its legal basis.
 */
import type { OfficeLevelNotice } from '../../../shared/api/office';
import type { Db } from '../db/database';
import { param, rulesValidOn } from '../rules/definitions';
import { formatDateVi } from '../../../shared/format/date';

/** The years that have an assignment, a decision or a disbursement figure, newest first. */
export function yearsWithData(db: Db): number[] {
  const rows = db
    .prepare(
      `SELECT year FROM assignment UNION SELECT year FROM decision UNION SELECT year FROM disbursement ORDER BY year DESC`,
    )
    .all() as { year: number }[];
  return rows.map((r) => r.year);
}

/**
 * The district level ended on rule 10's `districtLevelEnd` (1/7/2025: NQ 203/2025/QH15 amending the Constitution and
 * the 2025 Law on the Organisation of Local Government). From that day a district office issues no new allocation or
 * adjustment; its books stay readable. Null before that day.
 */
export function officeLevelNotice(db: Db, districtName: string, today: string): OfficeLevelNotice | null {
  // A commune/ward office (from 1/7/2025) is the level that carries the work: nothing ended for it.
  const level = db.prepare('SELECT level_code FROM office WHERE id = 1').get() as { level_code: string } | undefined;
  if (level?.level_code !== 'huyen') return null;
  const rule = rulesValidOn(db, today).get(10);
  if (!rule) return null;
  const endedOn = param(rule, 'districtLevelEnd', '2025-07-01');
  if (today < endedOn) return null;
  return {
    endedOn,
    legalBasis: rule.legalBasis,
    message:
      `Cấp huyện đã kết thúc hoạt động từ ngày ${formatDateVi(endedOn)} (chính quyền địa phương hai cấp: tỉnh và xã), ` +
      `nên ${districtName} không còn ban hành quyết định phân bổ, điều chỉnh mới. ` +
      `Sổ của các năm trước vẫn xem, đối chiếu, báo cáo và in được; một quyết định ban hành trước ngày ${formatDateVi(endedOn)} ` +
      `vẫn nhập lại được nếu ghi đúng ngày ban hành của nó. Quyết định mới do UBND xã hoặc cấp tỉnh ban hành.`,
  };
}
