/**
 * Which part holds what, resolved the way Excel resolves it: the package relationships name the workbook part,
 * the workbook lists its sheets in tab order with an r:id each, and the workbook's relationships map that id to
 * the sheet's part. Sheet ids and part numbers ("sheet3.xml") mean nothing: after sheets are deleted, moved or
 * copied they differ from the tab order and from each other. Part names compare case-insensitively (OPC).
 */
import path from 'node:path/posix';
import { attribute, parseXmlSync } from './xml-events';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetEntry {
  name: string;
  state: SheetState;
  /** Position in the workbook's tab order. */
  order: number;
  /** The part holding the sheet's cells, or null when its relationship leads nowhere (a chart sheet, a broken link). */
  part: string | null;
}

export interface WorkbookMap {
  workbookPart: string;
  sheets: SheetEntry[];
  sharedStringsPart: string | null;
  stylesPart: string | null;
  /** Dates count from 1904 (old Mac workbooks). */
  date1904: boolean;
}

/** The parts by lower-cased name, so that "XL/Worksheets/Sheet1.xml" is found as the rels write it. */
export class PartIndex {
  private readonly byLower = new Map<string, string>();

  constructor(private readonly parts: ReadonlyMap<string, Buffer>) {
    for (const name of parts.keys()) this.byLower.set(name.toLowerCase(), name);
  }

  name(part: string): string | null {
    return this.byLower.get(part.replace(/^\//, '').toLowerCase()) ?? null;
  }

  get(part: string): Buffer | undefined {
    const name = this.name(part);
    return name === null ? undefined : this.parts.get(name);
  }
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** The relationships part of `part` (xl/workbook.xml → xl/_rels/workbook.xml.rels), targets resolved to part names. */
function relationshipsOf(index: PartIndex, part: string): Relationship[] {
  const relsPart = path.join(path.dirname(part), '_rels', `${path.basename(part)}.rels`);
  const bytes = index.get(relsPart);
  if (!bytes) return [];
  const found: Relationship[] = [];
  // A damaged relationships part gives what it held before the damage (the package's own .rels is rebuilt by
  // Excel when it repairs a file; the workbook is then found at its usual place).
  readLeniently(bytes, {
    open(name, attrs) {
      if (name !== 'Relationship') return;
      const id = attribute(attrs, 'Id');
      const target = attribute(attrs, 'Target');
      if (!id || !target || attribute(attrs, 'TargetMode') === 'External') return;
      // Absolute targets start at the package root; relative ones at the folder of the source part.
      const resolved = target.startsWith('/') ? target.slice(1) : path.normalize(path.join(path.dirname(part), target));
      found.push({ id, type: attribute(attrs, 'Type') ?? '', target: resolved });
    },
  });
  return found;
}

const OFFICE_DOCUMENT = /\/officeDocument$/;

function readLeniently(bytes: Buffer, handlers: Parameters<typeof parseXmlSync>[1]): void {
  try {
    parseXmlSync(bytes, handlers);
  } catch {
    // What the handlers received before the parser stopped is kept.
  }
}

export function mapWorkbook(parts: ReadonlyMap<string, Buffer>): { index: PartIndex; map: WorkbookMap | null } {
  const index = new PartIndex(parts);
  const fromPackage = relationshipsOf(index, '').find((r) => OFFICE_DOCUMENT.test(r.type) && index.name(r.target) !== null);
  const workbookPart = index.name(fromPackage?.target ?? 'xl/workbook.xml');
  if (workbookPart === null) return { index, map: null };
  const rels = relationshipsOf(index, workbookPart);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  parseXmlSync(index.get(workbookPart)!, {
    open(name, attrs) {
      if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attribute(attrs, 'date1904') ?? '');
      if (name !== 'sheet') return;
      const rel = byId.get(attribute(attrs, 'id') ?? '');
      const state = attribute(attrs, 'state');
      sheets.push({
        name: attribute(attrs, 'name') ?? `Sheet${sheets.length + 1}`,
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        order: sheets.length,
        part: rel && !/\/chartsheet$/.test(rel.type) ? index.name(rel.target) : null,
      });
    },
  });
  const ofType = (suffix: string) => {
    const rel = rels.find((r) => r.type.endsWith(suffix));
    return rel ? index.name(rel.target) : null;
  };
  return {
    index,
    map: {
      workbookPart,
      sheets,
      sharedStringsPart: ofType('/sharedStrings') ?? index.name('xl/sharedStrings.xml'),
      stylesPart: ofType('/styles') ?? index.name('xl/styles.xml'),
      date1904,
    },
  };
}
