/**
 * What the title block above the table says: the unit ("Đơn vị tính: triệu đồng"), the year, the
 * district, and the document the assignment rests on ("Kèm theo Quyết định số 123/QĐ-UBND ngày …").
 */
import type { MoneyUnit } from '../../../shared/money/dong';
import { foldVietnamese } from '../../../shared/text/fold';
import { cellAddress } from '../../../shared/format/cell-address';
import type { SheetText } from './sheet-text';

export interface TitleFacts {
  unit: MoneyUnit | null;
  unitCell: string | null;
  year: number | null;
  /** Folded text of the title rows, for district and default source/capital detection. */
  folded: string;
  title: string;
  basisNumber: string;
  basisDate: string | null;
  basisIssuer: string;
}

/** The unit a label's words name: "triệu đồng", "Tr đồng", "Tiệu đồng" (a typo seen in published files), "1.000.000 đồng"… */
function unitWords(rest: string): MoneyUnit | null {
  if (/^(trieu|tieu dong|tr\b|tr\.|1\.000\.000|1 000 000|1000000)/.test(rest)) return 'trieu';
  if (/^(nghin|ngan|1\.000 ?d|1 000 ?d|1000 ?d|ng\.)/.test(rest)) return 'nghin';
  if (/^(dong|vnd|d\b)/.test(rest)) return 'dong';
  return null;
}

/**
 * The unit named in a folded text, if any. Every label in the text is tried: "Đơn vị: UBND huyện …" names an
 * organisation, not a unit, and a unit label may follow it in the same cell.
 */
export function unitInText(folded: string): MoneyUnit | null {
  // The words after a label are looked at, not consumed: the next label may be among them.
  for (const m of folded.matchAll(/(?:don vi tinh|dvt|don vi(?=\s*:))\s*[:.]?\s*(?=(.{0,30}))/g)) {
    const unit = unitWords(m[1]!);
    if (unit) return unit;
  }
  const bracketed = /\((trieu dong|tieu dong|tr\.? ?dong|nghin dong|ngan dong|dong)\)/.exec(folded);
  return bracketed ? unitWords(bracketed[1]!) : null;
}

const VI_DATE = /ngay\s+(\d{1,2})\s*(?:\/|-|\.|thang)\s*(\d{1,2})\s*(?:\/|-|\.|nam)\s*(\d{4})/;

export function readTitle(text: SheetText, fromRow: number, toRow: number, maxCol: number): TitleFacts {
  const lines: string[] = [];
  let unit: MoneyUnit | null = null;
  let unitCell: string | null = null;
  for (let r = fromRow; r <= toRow; r++) {
    const line = text.rowText(r);
    if (line) lines.push(line);
    if (unit) continue;
    for (let c = 1; c <= maxCol && !unit; c++) {
      const found = unitInText(text.folded(r, c));
      if (found) {
        unit = found;
        unitCell = cellAddress(r, c);
      }
    }
  }
  const title = lines.join('\n');
  const folded = foldVietnamese(title);
  // "năm 2024" of the plan, not the "năm 2023" of a date ("ngày 15 tháng 12 năm 2023") nor a period ("2021 - 2025").
  const years = [...folded.matchAll(/(?<!thang\s+\d{1,2}\s+)\bnam\s+(20\d{2})\b(?!\s*[-–]\s*20\d{2})/g)].map((m) => Number(m[1]));
  const basis = /((?:quyet dinh|nghi quyet)\s+(?:so\s*)?:?\s*)(\d+\/[a-z0-9/-]+)/.exec(folded);
  // The number as written (with Đ), right after the words "Quyết định số" — never a date further on.
  const written = /(?:quyết định|nghị quyết)\s+(?:số\s*)?:?\s*(\d+\/[\p{L}\d\-/]+)/iu.exec(title);
  const basisNumber = written ? written[1]!.toUpperCase() : basis ? basis[2]!.toUpperCase() : '';
  const date = basis ? VI_DATE.exec(folded.slice(basis.index)) : null;
  const basisDate =
    date && Number(date[2]) >= 1 && Number(date[2]) <= 12 && Number(date[1]) >= 1 && Number(date[1]) <= 31
      ? `${date[3]}-${date[2]!.padStart(2, '0')}-${date[1]!.padStart(2, '0')}`
      : null;
  const issuer = /(ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan)\s+tinh\s+([a-z ]{2,20}?)(?=\s*(?:ve|$|\n|\)|,))/.exec(folded.slice(basis?.index ?? 0));
  return {
    unit,
    unitCell,
    year: years.length > 0 ? years[0]! : null,
    folded,
    title: lines.slice(0, 6).join(' — '),
    basisNumber,
    basisDate,
    basisIssuer: issuer ? (issuer[1]!.startsWith('h') ? 'HĐND tỉnh' : 'UBND tỉnh') : '',
  };
}
