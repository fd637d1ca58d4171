/**
 * One sheet of a province workbook → what it assigns: the header and columns, the STT tree with each
 * row named as a catalog component (or a detail item under one), the amounts in đồng, the arithmetic
 * checks (rules 1, 2 and 25) and the assignment lines the detail rows add up to.
 */
import crypto from 'node:crypto';
import type { ImportColumn, ImportLine, ImportMapping, ImportRow, MatchConfidence } from '../../../shared/api/import';
import type { ImportFinding } from '../../../shared/api/findings';
import type { ComponentOption } from '../../../shared/api/reference';
import { UNIT_LABEL_VI, type MoneyUnit } from '../../../shared/money/dong';
import { foldVietnamese } from '../../../shared/text/fold';
import { columnNumber } from '../../../shared/format/cell-address';
import type { ReadSheet } from '../excel/workbook-reader';
import { readAmount } from './amounts';
import { checkArithmetic, inTrieu } from './arithmetic';
import { CatalogMatcher } from './catalog-match';
import { classifyColumns, defaultsFromTitle } from './columns';
import { findHeader, type HeaderBlock } from './header';
import { SheetText } from './sheet-text';
import { buildTree } from './stt';
import { readTitle, unitInText, type TitleFacts } from './title';

export interface DistrictName {
  code: string;
  name: string;
}

export interface RecognizeContext {
  officeDistrict: DistrictName;
  /** The other districts of the province, to tell another district's file or block. */
  otherDistricts: DistrictName[];
  /** The catalog for a year (components valid for money of that year). */
  catalogFor(year: number): ComponentOption[];
  /** The year the officer imports for, when given. */
  yearHint: number | null;
  mapping: ImportMapping | undefined;
}

export interface Recognition {
  sheet: string;
  header: HeaderBlock;
  title: TitleFacts;
  year: number | null;
  /** The district the file names: in its title, or the office's block of a province-wide file. */
  district: string | null;
  unit: MoneyUnit | null;
  columns: ImportColumn[];
  rows: ImportRow[];
  findings: ImportFinding[];
  lines: ImportLine[];
  detailLines: number;
  totalDong: number;
  fingerprint: string;
  /** The district the file's title names when it is another one than the office's (the file is theirs); else null. */
  otherDistrictName: string | null;
}

// The signature block, or the place-and-date line above it ("Lạng Sơn, ngày 15 tháng 12 năm 2023").
const FOOTER = /^(nguoi lap( bieu)?|ghi chu\s*:|ke toan|thu truong|tm\.?\s|kt\.?\s|chu tich|giam doc|noi nhan|[^,]{2,40},\s*ngay\b.*\bthang\b)/;
const TOTAL_ROW = /^(tong cong|tong so|tong)\b/;
const DISTRICT_PREFIX = /^(huyen|thanh pho|thi xa|tp\.?)\s+/;
const MAX_EMPTY_RUN = 20;

function districtKey(name: string): string {
  return foldVietnamese(name).replace(DISTRICT_PREFIX, '');
}


export function recognizeSheet(sheet: ReadSheet, ctx: RecognizeContext): Recognition | null {
  const text = new SheetText(sheet);
  const header = findHeader(text);
  if (!header) return null;
  const findings: ImportFinding[] = [];
  const finding = (f: Omit<ImportFinding, 'sheet'>) => findings.push({ sheet: sheet.name, ...f });
  const title = readTitle(text, 1, header.top - 1, sheet.maxCol);

  // The unit the file declares wins; a chosen unit only fills in when the file says none; else a header "(triệu đồng)".
  let unit = title.unit ?? ctx.mapping?.unit ?? null;
  if (title.unit && ctx.mapping?.unit && title.unit !== ctx.mapping.unit) {
    finding({
      severity: 'E',
      rule: '25',
      code: 'IMPORT_UNIT_CONFLICT',
      cell: title.unitCell,
      message: `Tệp ghi đơn vị tính ${UNIT_LABEL_VI[title.unit]} (ô ${title.unitCell}) nhưng đã chọn ${UNIT_LABEL_VI[ctx.mapping.unit]}. Bỏ lựa chọn đơn vị, hoặc sửa dòng "Đơn vị tính" trong tệp nếu tệp ghi sai.`,
    });
  }
  if (!unit) {
    for (let r = header.top; r <= header.bottom && !unit; r++) for (let c = 1; c <= sheet.maxCol && !unit; c++) unit = unitInText(text.folded(r, c));
  }
  if (!unit) {
    finding({ severity: 'E', rule: '25', code: 'IMPORT_NO_UNIT', cell: null, message: 'Không thấy dòng "Đơn vị tính" phía trên bảng. Hãy chọn đơn vị tính của tệp (đồng / nghìn đồng / triệu đồng) rồi đọc lại.' });
  }

  // Year: the title's, checked against the year being imported.
  let year = title.year ?? ctx.yearHint;
  if (title.year !== null && ctx.yearHint !== null && title.year !== ctx.yearHint) {
    finding({
      severity: 'E',
      rule: '25',
      code: 'IMPORT_WRONG_YEAR',
      cell: null,
      message: `Tệp ghi năm ${title.year} ("${title.title.slice(0, 120)}") nhưng đang nhập cho năm ${ctx.yearHint}. Hãy chọn đúng năm hoặc đúng tệp.`,
    });
    year = ctx.yearHint;
  }
  if (year === null) {
    finding({ severity: 'E', rule: '25', code: 'IMPORT_NO_YEAR', cell: null, message: 'Không thấy năm kế hoạch trong tiêu đề tệp (ví dụ "… năm 2024"). Hãy chọn năm khi nhập.' });
  }

  // District: a file for one district names it in the title; a province-wide file has district blocks.
  const ours = districtKey(ctx.officeDistrict.name);
  const titleNamesOurs = new RegExp(`\\b${ours}\\b`).test(title.folded);
  const otherInTitle = ctx.otherDistricts.find((d) => new RegExp(`\\b(huyen|thanh pho|thi xa)\\s+${districtKey(d.name)}\\b`).test(title.folded));
  if (otherInTitle && !titleNamesOurs) {
    finding({
      severity: 'E',
      rule: '25',
      code: 'IMPORT_WRONG_DISTRICT',
      cell: null,
      message: `Tệp là của ${otherInTitle.name}, không phải ${ctx.officeDistrict.name}. Hãy nhập đúng tệp giao cho ${ctx.officeDistrict.name}.`,
    });
  }

  const columns = classifyColumns(text, header, defaultsFromTitle(title.folded), ctx.mapping);
  // Two columns of one source × capital type would be added together: the officer must say which is the plan.
  const bySourceCapital = new Map<string, ImportColumn[]>();
  for (const c of columns) if (c.role === 'amount') bySourceCapital.set(`${c.sourceCode}|${c.capitalType}`, [...(bySourceCapital.get(`${c.sourceCode}|${c.capitalType}`) ?? []), c]);
  for (const same of bySourceCapital.values()) {
    if (same.length < 2) continue;
    for (const c of same) c.conflict = true;
    finding({
      severity: 'E',
      rule: '25',
      code: 'IMPORT_DUPLICATE_COLUMN',
      cell: `${same[0]!.col}${header.bottom}`,
      message: `Các cột ${same.map((c) => `${c.col} ("${c.label}")`).join(', ')} cùng là ${same[0]!.sourceCode} · ${same[0]!.capitalType}: không rõ cột nào là số được giao, cộng cả ${same.length} cột sẽ sai. Hãy chọn "Bỏ qua cột này" cho các cột không phải số giao (cột điều chỉnh, đã giải ngân, năm trước…).`,
    });
  }
  const amountCols = columns.filter((c) => c.role === 'amount');
  const checkedCols = columns.filter((c) => c.role === 'amount' || c.role === 'total');

  // Data rows, up to the signature block or a long run of empty rows.
  // Each name is folded once here and reused below: folding ran three times per row of a 50,000-row file.
  const dataRows: { row: number; stt: string; name: string; folded: string }[] = [];
  let emptyRun = 0;
  for (let r = header.firstDataRow; r <= sheet.maxRow; r++) {
    const cells = sheet.rows.get(r);
    if (!cells || cells.size === 0) {
      if (++emptyRun > MAX_EMPTY_RUN && dataRows.length > 0) break;
      continue;
    }
    emptyRun = 0;
    const name = text.own(r, header.nameCol)?.text.replace(/\s+/g, ' ').trim() ?? '';
    const stt = text.own(r, header.sttCol)?.text.trim() ?? '';
    const folded = foldVietnamese(name);
    if (dataRows.length > 0 && FOOTER.test(name ? folded : foldVietnamese(stt || text.rowText(r)))) break;
    if (!name && !stt && !checkedCols.some((c) => text.own(r, columnNumber(c.col)))) continue;
    dataRows.push({ row: r, stt, name, folded });
  }

  const totalRows = dataRows.filter((d) => d.stt === '' && TOTAL_ROW.test(d.folded));
  const foldedName = new Map(dataRows.map((d) => [d.row, d.folded]));
  const totalSet = new Set(totalRows.map((t) => t.row));
  const treeRows = dataRows.filter((d) => !totalSet.has(d.row));
  const parents = buildTree(treeRows);
  const children = new Map<number, number[]>();
  // Appended in place: copying the list per child made a 25,000-row group quadratic.
  for (const [row, parent] of parents) {
    if (parent === null) continue;
    const siblings = children.get(parent);
    if (siblings) siblings.push(row);
    else children.set(parent, [row]);
  }

  const catalog = year !== null ? ctx.catalogFor(year) : [];
  const matcher = new CatalogMatcher(catalog);
  const rows = new Map<number, ImportRow>();
  const contextOf = new Map<number, string | null>();
  let otherDistrictRows = 0;

  for (const d of [...totalRows, ...treeRows].sort((a, b) => a.row - b.row)) {
    const parentRow = parents.get(d.row) ?? null;
    const parent = parentRow !== null ? rows.get(parentRow) ?? null : null;
    const folded = d.folded;
    const key = `${parent?.key ?? ''}/${d.stt}|${folded}`;
    const amounts: Record<string, number | null> = {};
    for (const col of checkedCols) {
      const address = `${col.col}${d.row}`;
      const reading = readAmount(text.own(d.row, columnNumber(col.col)), unit ?? 'dong');
      if (reading.kind === 'amount') {
        amounts[col.col] = reading.dong;
        if (reading.note) finding({ severity: 'W', rule: 'doc', code: 'IMPORT_ROUNDED', cell: address, message: `Ô ${address}: ${reading.note}.` });
      } else {
        amounts[col.col] = null;
        if (reading.kind === 'invalid') finding({ severity: 'E', rule: 'doc', code: 'IMPORT_BAD_AMOUNT', cell: address, message: `Ô ${address} (${col.label || col.col}): ${reading.message}.` });
      }
    }
    const row: ImportRow = {
      row: d.row,
      stt: d.stt,
      name: d.name,
      depth: parent ? parent.depth + 1 : 0,
      parentRow,
      kind: 'unmatched',
      componentCode: null,
      componentName: null,
      confidence: null,
      key,
      amounts,
      hidden: sheet.layout.hiddenRows.has(d.row),
      detail: false,
    };
    rows.set(d.row, row);
    const inherited = parent ? contextOf.get(parent.row) ?? null : null;
    contextOf.set(d.row, inherited);
    const mapped = ctx.mapping?.rows?.[key];
    if (totalSet.has(d.row)) {
      row.kind = 'total';
      continue;
    }
    if (parent?.kind === 'ignored' || mapped === 'ignore') {
      row.kind = 'ignored';
      continue;
    }
    if (mapped) {
      const option = matcher.get(mapped);
      if (option) {
        Object.assign(row, { kind: option.depth === 0 ? 'program' : 'component', componentCode: option.code, componentName: option.name, confidence: 'high' satisfies MatchConfidence });
        contextOf.set(d.row, option.code);
        continue;
      }
    }
    if (DISTRICT_PREFIX.test(folded)) {
      const isOurs = districtKey(d.name) === ours;
      const isOther = ctx.otherDistricts.some((o) => districtKey(o.name) === districtKey(d.name));
      if (isOurs || isOther) {
        row.kind = isOurs ? 'district' : 'ignored';
        row.componentName = isOurs ? ctx.officeDistrict.name : null;
        if (!isOurs) otherDistrictRows++;
        continue;
      }
    }
    const program = matcher.matchProgram(folded);
    if (program && (inherited === null || matcher.get(inherited)?.depth === 0 || !matcher.matchComponent(folded, inherited))) {
      Object.assign(row, { kind: 'program', componentCode: program.code, componentName: program.name, confidence: program.confidence });
      contextOf.set(d.row, program.code);
      continue;
    }
    const component = matcher.matchComponent(folded, inherited);
    if (component) {
      Object.assign(row, { kind: 'component', componentCode: component.code, componentName: component.name, confidence: component.confidence });
      contextOf.set(d.row, component.code);
      continue;
    }
    if (inherited && (matcher.get(inherited)?.depth ?? 0) > 0) row.kind = 'item';
    else if (inherited && (children.get(d.row)?.length ?? 0) === 0) row.kind = 'unmatched';
  }

  const hasDistrictBlocks = [...rows.values()].some((r) => r.kind === 'district');
  if (otherDistrictRows > 0 && !hasDistrictBlocks) {
    finding({
      severity: 'E',
      rule: '25',
      code: 'IMPORT_WRONG_DISTRICT',
      cell: null,
      message: `Tệp có số liệu của các huyện khác nhưng không có ${ctx.officeDistrict.name}. Hãy nhập đúng tệp giao cho ${ctx.officeDistrict.name}.`,
    });
  }
  // In a province-wide file, only rows inside our district's block count.
  if (hasDistrictBlocks) {
    for (const row of rows.values()) {
      if (row.kind === 'total' || row.kind === 'district') continue;
      let up: ImportRow | null = row;
      while (up && up.kind !== 'district' && up.kind !== 'ignored') up = up.parentRow !== null ? rows.get(up.parentRow) ?? null : null;
      if (!up || up.kind === 'ignored') row.kind = 'ignored';
    }
  }

  const live = (r: ImportRow) => r.kind !== 'ignored' && r.kind !== 'total';
  const liveChildren = (r: ImportRow) => (children.get(r.row) ?? []).map((c) => rows.get(c)!).filter(live);
  const hasMoney = (r: ImportRow) => amountCols.some((c) => (r.amounts[c.col] ?? 0) !== 0);

  // Names of rows, and which rows are detail lines.
  const seen = new Map<string, number>();
  for (const row of rows.values()) {
    if (!live(row) || liveChildren(row).length > 0 || !hasMoney(row)) continue;
    const address = `${columns.find((c) => c.role === 'name')?.col ?? 'B'}${row.row}`;
    if (row.kind === 'unmatched' || row.kind === 'district') {
      finding({
        severity: 'E',
        rule: '25',
        code: 'IMPORT_UNMATCHED_ROW',
        cell: address,
        message: `Dòng ${row.row} "${row.name.slice(0, 80)}": không nhận ra thuộc chương trình, dự án nào trong danh mục năm ${year ?? ''}. Hãy chọn hợp phần cho dòng này (hoặc đánh dấu bỏ qua) ở màn hình xem trước.`,
      });
      continue;
    }
    row.detail = true;
    // The book holds no negative assignment (the database refuses one): say so at the cell, before a commit fails.
    for (const col of amountCols) {
      const amount = row.amounts[col.col] ?? 0;
      if (amount >= 0) continue;
      const cell = `${col.col}${row.row}`;
      finding({ severity: 'E', rule: 'doc', code: 'IMPORT_NEGATIVE_AMOUNT', cell, message: `Ô ${cell} (${col.label || col.col}): số tiền âm (${inTrieu(amount)}); vốn được giao không thể âm. Hãy sửa ô này trong tệp.` });
    }
    const dupKey = `${row.parentRow}|${row.stt}|${foldedName.get(row.row)!}`;
    const earlier = seen.get(dupKey);
    if (earlier !== undefined) {
      finding({ severity: 'E', rule: '25', code: 'IMPORT_DUPLICATE_ROW', cell: address, message: `Dòng ${row.row} trùng với dòng ${earlier} ("${row.name.slice(0, 80)}", cùng STT ${row.stt || '(trống)'}). Hãy xoá một dòng trong tệp.` });
    } else seen.set(dupKey, row.row);
    if (row.hidden) finding({ severity: 'W', rule: 'doc', code: 'IMPORT_HIDDEN_ROW', cell: address, message: `Dòng ${row.row} đang bị ẩn trong tệp nhưng có số liệu; dòng vẫn được tính.` });
  }
  for (const row of rows.values()) {
    if (row.kind === 'component' && row.confidence !== 'high' && live(row)) {
      const address = `${columns.find((c) => c.role === 'name')?.col ?? 'B'}${row.row}`;
      finding({
        severity: row.confidence === 'low' ? 'E' : 'W',
        rule: '25',
        code: 'IMPORT_UNSURE_MATCH',
        cell: address,
        message: `Dòng ${row.row} "${row.name.slice(0, 80)}" được hiểu là ${row.componentCode} "${row.componentName}" (độ tin cậy ${row.confidence === 'low' ? 'thấp' : 'trung bình'}). Hãy kiểm tra và xác nhận.`,
      });
    }
  }
  for (const col of columns) {
    if (col.role !== 'unknown') continue;
    const used = [...rows.values()].some((r) => live(r) && text.own(r.row, columnNumber(col.col)) !== undefined);
    if (used) {
      finding({
        severity: 'E',
        rule: '25',
        code: 'IMPORT_UNKNOWN_COLUMN',
        cell: `${col.col}${header.bottom}`,
        message: `Cột ${col.col} ("${col.label || 'không có tiêu đề'}"): không rõ nguồn vốn và loại vốn. Hãy chọn nguồn (NSTW, NS tỉnh đối ứng…) và loại vốn (ĐTPT/SN) cho cột, hoặc bỏ qua cột.`,
      });
    }
    if (col.hidden && used) finding({ severity: 'W', rule: 'doc', code: 'IMPORT_HIDDEN_COLUMN', cell: `${col.col}${header.bottom}`, message: `Cột ${col.col} đang bị ẩn nhưng có số liệu.` });
  }
  for (const col of amountCols) {
    if (!col.hidden) continue;
    finding({ severity: 'W', rule: 'doc', code: 'IMPORT_HIDDEN_COLUMN', cell: `${col.col}${header.bottom}`, message: `Cột ${col.col} ("${col.label}") đang bị ẩn trong tệp; số liệu của cột vẫn được tính.` });
  }

  checkArithmetic({ rows, checkedCols, liveChildren, finding });
  const { lines, detailLines, totalDong } = linesOf(rows, amountCols, matcher, year);
  // Each amount is checked on reading, but their sums can still pass 2^53 đồng, where a number is no longer exact.
  if (!Number.isSafeInteger(totalDong) || lines.some((line) => !Number.isSafeInteger(line.amountDong))) {
    finding({
      severity: 'E',
      rule: 'doc',
      code: 'IMPORT_TOTAL_TOO_LARGE',
      cell: null,
      message: 'Tổng số tiền của tệp vượt quá mức phần mềm tính chính xác được đến từng đồng (khoảng 9 triệu tỷ đồng). Hãy kiểm tra đơn vị tính và các ô số tiền rất lớn trong tệp.',
    });
  }

  if (sheet.layout.badAddresses) {
    finding({
      severity: 'W',
      rule: 'doc',
      code: 'IMPORT_BAD_ADDRESS',
      cell: null,
      message: `${sheet.layout.badAddresses} ô trong trang tính "${sheet.name}" mang địa chỉ không có trong bảng tính (như A0 hay ZZZZ1) nên bị bỏ qua; tệp có thể bị hỏng — hãy mở bằng Excel, lưu lại rồi nhập lại.`,
    });
  }

  // Formulas the file kept no value for (or a 0 its formula disagrees with): the app computed them, and says so.
  const computedCells: string[] = [];
  for (const row of rows.values()) {
    for (const col of checkedCols) if (text.own(row.row, columnNumber(col.col))?.computed) computedCells.push(`${col.col}${row.row}`);
  }
  if (computedCells.length > 0) {
    const shown = computedCells.slice(0, 10).join(', ') + (computedCells.length > 10 ? '…' : '');
    finding({
      severity: 'I',
      rule: 'doc',
      code: 'IMPORT_COMPUTED_VALUES',
      cell: computedCells[0]!,
      message: `${computedCells.length} ô công thức (${shown}) không có giá trị lưu trong tệp (tệp do phần mềm khác tạo, không tính lại); giá trị do ứng dụng tính từ công thức và đã được kiểm tra như các ô tổng khác.`,
    });
  }

  let converted = 0;
  let guessed = 0;
  for (const cells of sheet.rows.values()) for (const cell of cells.values()) {
      if (cell.convertedFrom && cell.guessed) guessed++;
      else if (cell.convertedFrom) converted++;
    }
  if (converted > 0) finding({ severity: 'I', rule: 'doc', code: 'IMPORT_LEGACY_TEXT', cell: null, message: `Đã chuyển ${converted} ô chữ từ bảng mã cũ (TCVN3/VNI theo phông chữ của ô) sang Unicode.` });
  if (guessed > 0) finding({ severity: 'W', rule: 'doc', code: 'IMPORT_LEGACY_GUESS', cell: null, message: `${guessed} ô chữ có vẻ được gõ bằng bảng mã cũ (TCVN3/VNI) dù phông chữ là Unicode; đã chuyển sang Unicode — hãy kiểm tra tên các dòng.` });

  const fingerprint = crypto
    .createHash('sha256')
    .update(JSON.stringify({ columns: columns.map((c) => [c.col, c.key]), stt: header.sttCol, name: header.nameCol }))
    .digest('hex')
    .slice(0, 16);

  const districtBlock = [...rows.values()].find((r) => r.kind === 'district');
  const district = titleNamesOurs || districtBlock ? ctx.officeDistrict.name : (otherInTitle?.name ?? null);
  return { sheet: sheet.name, header, title, year, district, unit, columns, rows: [...rows.values()].sort((a, b) => a.row - b.row), findings, lines, detailLines, totalDong, fingerprint, otherDistrictName: otherInTitle && !titleNamesOurs ? otherInTitle.name : null };
}

function linesOf(rows: Map<number, ImportRow>, amountCols: ImportColumn[], matcher: CatalogMatcher, year: number | null): { lines: ImportLine[]; detailLines: number; totalDong: number } {
  const byKey = new Map<string, ImportLine>();
  let detailLines = 0;
  let totalDong = 0;
  for (const row of rows.values()) {
    if (!row.detail) continue;
    let owner: ImportRow | null = row;
    while (owner && !owner.componentCode) owner = owner.parentRow !== null ? rows.get(owner.parentRow) ?? null : null;
    const option = owner?.componentCode ? matcher.get(owner.componentCode) : undefined;
    if (!option || year === null) continue;
    detailLines++;
    for (const col of amountCols) {
      const amount = row.amounts[col.col] ?? 0;
      if (amount === 0) continue;
      totalDong += amount;
      const key = `${option.code}|${col.sourceCode}|${col.capitalType}`;
      const line = byKey.get(key) ?? {
        componentCode: option.code,
        componentName: option.name,
        programCode: option.programCode,
        sourceCode: col.sourceCode!,
        capitalType: col.capitalType!,
        originYear: year,
        amountDong: 0,
        rows: [],
      };
      line.amountDong += amount;
      // Rows come in ascending order, so a row already listed is the last one (`includes` was quadratic).
      if (line.rows[line.rows.length - 1] !== row.row) line.rows.push(row.row);
      byKey.set(key, line);
    }
  }
  return { lines: [...byKey.values()], detailLines, totalDong };
}

