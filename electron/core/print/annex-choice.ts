/** Which annexes to print, as an officer names them: Roman numerals of the decision's own annexes ("I,II") or annex kinds. */
import type { Db } from '../db/database';
import { romanNumeral } from '../../../shared/domain/documents';
import type { MoneyUnit } from '../../../shared/money/dong';
import { ANNEX_KINDS, type AnnexKind } from '../../../shared/print/document';
import { CoreError } from '../errors';
import { buildDecisionPrint } from './annexes';

/** Resolves "I,II" against the decision's default annexes, or takes annex kinds ("tong_hop,theo_xa") as they are. */
export function chooseAnnexes(db: Db, id: number, unit: MoneyUnit | undefined, named: string, today: string): AnnexKind[] {
  const parts = named.split(',').map((p) => p.trim()).filter(Boolean);
  if (parts.every((p) => (ANNEX_KINDS as readonly string[]).includes(p))) return parts as AnnexKind[];
  const defaults = buildDecisionPrint(db, { id, ...(unit ? { unit } : {}) }, today).annexes;
  return parts.map((p) => {
    const annex = defaults[defaults.findIndex((_, i) => romanNumeral(i + 1) === p.toUpperCase())];
    if (!annex)
      throw new CoreError('ANNEX_NOT_FOUND', `Không có phụ lục "${p}"; quyết định này có ${defaults.map((_, i) => romanNumeral(i + 1)).join(', ')} (hoặc ghi loại: ${ANNEX_KINDS.join(', ')}).`, { annex: p });
    if (annex.kind === 'mau_bieu') throw new CoreError('ANNEX_NOT_FOUND', `Phụ lục "${p}" là mẫu biểu của tỉnh; chọn nó theo mã mẫu biểu (dòng lệnh: --template).`, { annex: p });
    return annex.kind;
  });
}
