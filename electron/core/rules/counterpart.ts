/**
 * Rule 11 — counterpart ratio: local budget money (NS tỉnh đối ứng, NS huyện, NS xã) ÷ NSTW per program × capital
 * type of a year's own money, from the province's assignments, against the minimum configured for the program, the
 * period and the province's category (resources/seed/counterpart-rules.csv, province-categories.csv). A warning
 * only: the ratios were recalled, not read (certainty R), and published plans show annual ratios under a flat 10%
 * floor, so the minimum may be meant over the whole period.
 */
import type { CounterpartRatio } from '../../../shared/api/ledger';
import type { RuleFinding } from '../../../shared/api/findings';
import type { CapitalTypeCode } from '../../../shared/api/schemas';
import { formatAmount, toDong } from '../../../shared/money/dong';
import type { Db } from '../db/database';
import { requireOffice } from '../office/office';
import { componentIndex } from '../reference/catalog';
import { finding, param, rulesValidOn } from './definitions';

/** Hundredths of a percent of a ratio of integers, rounded half up, in exact integer arithmetic. */
function basisPoints(part: number, whole: number): bigint {
  const num = BigInt(part) * 10000n * 2n + BigInt(whole);
  return num / (BigInt(whole) * 2n);
}

/** 495n → "4,95%"; 1000n → "10%". */
function percentText(bp: bigint): string {
  const whole = bp / 100n;
  const frac = bp % 100n;
  return frac === 0n ? `${whole}%` : `${whole},${String(frac).padStart(2, '0').replace(/0$/, '')}%`;
}

const CAPITAL_NAME: Record<CapitalTypeCode, string> = { DTPT: 'vốn ĐTPT', SN: 'kinh phí SN' };
const trieu = (dong: number) => `${formatAmount(toDong(dong), 'trieu', { maxDecimals: 3 })} triệu đồng`;

interface MinimumRow {
  program_code: string;
  capital_type: CapitalTypeCode;
  basis: 'nam' | 'giai_doan';
  min_ratio_bp: number;
  legal_basis: string;
}

export function counterpartRatio(db: Db, year: number): CounterpartRatio[] {
  const date = `${year}-12-31`;
  const rule = rulesValidOn(db, date).get(11);
  if (!rule) return [];
  const localSources = param<string[]>(rule, 'localSources', ['NST_DOIUNG', 'NSH', 'NSX']);
  const office = requireOffice(db);
  const category = (
    db.prepare('SELECT category FROM province_category WHERE province_code = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?) ORDER BY valid_from DESC LIMIT 1').get(office.provinceCode, date, date) as
      | { category: string }
      | undefined
  )?.category;
  const period = (db.prepare('SELECT code FROM program_period WHERE ? BETWEEN first_year AND last_year').get(year) as { code: string } | undefined)?.code;
  const minimums = new Map<string, MinimumRow>();
  if (category && period) {
    const rows = db
      .prepare(
        `SELECT program_code, capital_type, basis, min_ratio_bp, legal_basis FROM counterpart_rule
         WHERE period_code = ? AND province_category = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?) ORDER BY valid_from`,
      )
      .all(period, category, date, date) as MinimumRow[];
    for (const r of rows) minimums.set(`${r.program_code}|${r.capital_type}`, r);
  }
  const components = componentIndex(db);
  const sums = new Map<string, { programCode: string; programName: string; sortOrder: number; capitalType: CapitalTypeCode; nstw: number; local: number }>();
  const assigned = db
    .prepare('SELECT component_id, source_code, capital_type, SUM(amount_dong) AS amount FROM assignment WHERE year = ? AND origin_year = ? GROUP BY component_id, source_code, capital_type')
    .all(year, year) as { component_id: number; source_code: string; capital_type: CapitalTypeCode; amount: number }[];
  for (const a of assigned) {
    const c = components.get(a.component_id);
    if (!c) continue;
    const key = `${c.programCode}|${a.capital_type}`;
    const entry = sums.get(key) ?? { programCode: c.programCode, programName: c.programName, sortOrder: c.programSortOrder, capitalType: a.capital_type, nstw: 0, local: 0 };
    if (a.source_code === 'NSTW') entry.nstw += a.amount;
    else if (localSources.includes(a.source_code)) entry.local += a.amount;
    sums.set(key, entry);
  }
  return [...sums.values()]
    .filter((s) => s.nstw > 0)
    .sort((a, b) => a.sortOrder - b.sortOrder || a.capitalType.localeCompare(b.capitalType))
    .map((s) => {
      const min = minimums.get(`${s.programCode}|${s.capitalType}`) ?? null;
      const ratio = basisPoints(s.local, s.nstw);
      const needed = min ? Number((BigInt(s.nstw) * BigInt(min.min_ratio_bp) + 9999n) / 10000n) : 0;
      const shortfall = min ? Math.max(needed - s.local, 0) : 0;
      const basisText = min ? (min.basis === 'nam' ? 'tính theo kế hoạch năm' : 'tính theo cả giai đoạn') : null;
      let warning: RuleFinding | null = null;
      if (min && shortfall > 0) {
        warning = finding(
          rule,
          `${s.programName}, ${CAPITAL_NAME[s.capitalType]} năm ${year}: vốn đối ứng ngân sách địa phương ${trieu(s.local)} trên NSTW ${trieu(s.nstw)} = ${percentText(ratio)}, thấp hơn mức tối thiểu ${percentText(BigInt(min.min_ratio_bp))} (${basisText}; ${min.legal_basis}); còn thiếu ${trieu(shortfall)}. Đề nghị tỉnh bố trí thêm vốn đối ứng, hoặc đối chiếu mức tối thiểu với nghị quyết của HĐND tỉnh (mức này chưa đối chiếu văn bản, chỉ cảnh báo).`,
        );
      }
      return {
        programCode: s.programCode,
        programName: s.programName,
        capitalType: s.capitalType,
        nstwDong: toDong(s.nstw),
        counterpartDong: toDong(s.local),
        ratioText: percentText(ratio),
        minimumText: min ? percentText(BigInt(min.min_ratio_bp)) : null,
        shortfallDong: toDong(shortfall),
        legalBasis: min?.legal_basis ?? null,
        basisText,
        warning,
      };
    });
}
