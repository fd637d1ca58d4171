/**
 * Stages about the district: a file for one district names it in its title; a province-wide file has one block of
 * rows per district, and only the rows inside the office's block count.
 */
import type { ImportRow } from '../../../../shared/api/import';
import { foldVietnamese } from '../../../../shared/text/fold';
import type { Report } from './report';

export interface DistrictName {
  code: string;
  name: string;
}

export const DISTRICT_PREFIX = /^(huyen|thanh pho|thi xa|tp\.?)\s+/;

/** A district's name folded without "Huyện" / "Thành phố" / "Thị xã", to compare names however they are written. */
export function districtKey(name: string): string {
  return foldVietnamese(name).replace(DISTRICT_PREFIX, '');
}

export interface TitleDistrict {
  titleNamesOurs: boolean;
  /** Another district the title names ("… huyện Lộc Bình"), if any. */
  otherInTitle: DistrictName | undefined;
}

/** Stage: which district the title names; another one than the office's (and not ours too) is an error. */
export function districtInTitle(titleFolded: string, office: DistrictName, others: DistrictName[], report: Report): TitleDistrict {
  const titleNamesOurs = new RegExp(`\\b${districtKey(office.name)}\\b`).test(titleFolded);
  const otherInTitle = others.find((d) => new RegExp(`\\b(huyen|thanh pho|thi xa)\\s+${districtKey(d.name)}\\b`).test(titleFolded));
  if (otherInTitle && !titleNamesOurs) {
    report({
      severity: 'E',
      rule: '25',
      code: 'IMPORT_WRONG_DISTRICT',
      cell: null,
      message: `Tệp là của ${otherInTitle.name}, không phải ${office.name}. Hãy nhập đúng tệp giao cho ${office.name}.`,
    });
  }
  return { titleNamesOurs, otherInTitle };
}

/**
 * Stage: in a province-wide file (rows named as district blocks), every row outside the office's block is ignored;
 * a file with other districts' blocks but not the office's is an error.
 */
export function confineToDistrictBlock(rows: Map<number, ImportRow>, otherDistrictRows: number, office: DistrictName, report: Report): void {
  const hasDistrictBlocks = [...rows.values()].some((r) => r.kind === 'district');
  if (otherDistrictRows > 0 && !hasDistrictBlocks) {
    report({
      severity: 'E',
      rule: '25',
      code: 'IMPORT_WRONG_DISTRICT',
      cell: null,
      message: `Tệp có số liệu của các huyện khác nhưng không có ${office.name}. Hãy nhập đúng tệp giao cho ${office.name}.`,
    });
  }
  if (!hasDistrictBlocks) return;
  for (const row of rows.values()) {
    if (row.kind === 'total' || row.kind === 'district') continue;
    let up: ImportRow | null = row;
    while (up && up.kind !== 'district' && up.kind !== 'ignored') up = up.parentRow !== null ? rows.get(up.parentRow) ?? null : null;
    if (!up || up.kind === 'ignored') row.kind = 'ignored';
  }
}

/** The district the file is for: the office's when the title or a block names it, else the one the title names. */
export function districtOfFile(rows: Iterable<ImportRow>, titleDistrict: TitleDistrict, office: DistrictName): string | null {
  const districtBlock = [...rows].find((r) => r.kind === 'district');
  return titleDistrict.titleNamesOurs || districtBlock ? office.name : (titleDistrict.otherInTitle?.name ?? null);
}
