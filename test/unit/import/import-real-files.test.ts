// Province workbooks as other programs really write them: sheet ids that are not part numbers, deleted and moved
// sheets, formulas saved without a value (openpyxl) or with a placeholder 0 (xlsxwriter), a file saved by
// LibreOffice whose subtotals are legitimately 0, one wrong subtotal and what follows from it. Every fixture is
// written here, by the programs concerned where they are installed (openpyxl, soffice), or by editing the parts.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../shared/api/import';
import { EXIT, runCli, runCliAsync } from '../../../electron/cli/cli';
import { openCore } from '../../../electron/core/core';
import { provinceWorkbook, TRANG_DINH_2024, type Amount, type TableRow } from '../../fixtures/excel/province-workbooks';
import { LIBREOFFICE_TIMEOUT } from '../../support/libreoffice';
import { tempDir, testCore } from '../../support/helpers';

const FIXTURES = path.resolve(__dirname, '../../fixtures/excel');
const PYTHON = '/usr/bin/python3';
/** 15.970,75 triệu đồng: the nine detail rows of TRANG_DINH_2024 added by hand. */
const TRANG_DINH_TOTAL = 15_970_750_000;

/** TRANG_DINH_2024 with every amount a number ("1.200,5" → 1200.5, "-" → none): formulas over it can be evaluated. */
function numericRows(rows: TableRow[] = TRANG_DINH_2024): TableRow[] {
  const numeric = (a: Amount): Amount => (typeof a === 'string' ? (a === '-' ? null : Number(a.replace(/\./g, '').replace(',', '.'))) : a);
  return rows.map((r) => ({ ...r, amounts: r.amounts?.map(numeric) as TableRow['amounts'], children: r.children ? numericRows(r.children) : undefined }));
}

type Parts = Map<string, string>;

/** Edits the XML parts of a workbook (as a program that writes them differently would have), keeping the others. */
async function editParts(bytes: Buffer, edit: (parts: Parts) => void): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Parts = new Map();
  for (const name of Object.keys(zip.files)) if (/\.(xml|rels)$/.test(name)) parts.set(name, await zip.files[name]!.async('string'));
  const before = new Set(parts.keys());
  edit(parts);
  for (const name of before) if (!parts.has(name)) zip.remove(name);
  for (const [name, text] of parts) zip.file(name, text);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit found nothing to replace: ${String(from)}`);
  return next;
}

/** Adds a copy of a sheet part as a new tab named `name`, in part `part` with relationship `rId`. */
function addSheetCopy(parts: Parts, from: string, name: string, part: string, rId: string, sheetId: number): void {
  parts.set(`xl/${part}`, parts.get(`xl/${from}`)!);
  parts.set('xl/workbook.xml', replaceOnce(parts.get('xl/workbook.xml')!, '</sheets>', `<sheet sheetId="${sheetId}" name="${name}" state="visible" r:id="${rId}"/></sheets>`));
  parts.set(
    'xl/_rels/workbook.xml.rels',
    replaceOnce(parts.get('xl/_rels/workbook.xml.rels')!, '</Relationships>', `<Relationship Id="${rId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${part}"/></Relationships>`),
  );
  parts.set(
    '[Content_Types].xml',
    replaceOnce(parts.get('[Content_Types].xml')!, '</Types>', `<Override PartName="/xl/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`),
  );
}

/** A two-sheet file whose first tab holds only a note, with its own merges. */
function noteSheet(parts: Parts): void {
  addSheetCopy(parts, 'worksheets/sheet1.xml', 'Ghi chú', 'worksheets/sheet2.xml', 'rId9', 2);
  parts.set(
    'xl/worksheets/sheet2.xml',
    parts.get('xl/worksheets/sheet2.xml')!.replace(/<sheetData>[\s\S]*<\/sheetData>/, '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Ghi chú: số liệu ở trang Biểu 01</t></is></c></row></sheetData>').replace(/<mergeCells[\s\S]*<\/mergeCells>/, '<mergeCells count="1"><mergeCell ref="A1:H40"/></mergeCells>'),
  );
  // The note becomes the first tab, as officers put it.
  const workbook = parts.get('xl/workbook.xml')!;
  const tabs = /<sheets>(<sheet [^>]*\/>)(<sheet [^>]*\/>)<\/sheets>/.exec(workbook)!;
  parts.set('xl/workbook.xml', workbook.replace(tabs[0], `<sheets>${tabs[2]}${tabs[1]}</sheets>`));
}

async function analyze(bytes: Buffer, options: { sheet?: string; fileName?: string } = {}): Promise<ImportPreview> {
  const core = testCore({ district: '180' });
  const result = await core.invokeAsync('import.analyze', { fileName: options.fileName ?? 'tinh.xlsx', base64: bytes.toString('base64'), year: 2024, sheet: options.sheet });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const errorsOf = (p: ImportPreview) => p.findings.filter((f) => f.severity === 'E');

/** Runs openpyxl (an independent writer) on a workbook: `script` gets `wb` and saves nothing itself. */
function throughOpenpyxl(bytes: Buffer, script: string): Buffer {
  const dir = tempDir();
  const input = path.join(dir, 'in.xlsx');
  const output = path.join(dir, 'out.xlsx');
  fs.writeFileSync(input, bytes);
  execFileSync(PYTHON, ['-c', `import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\n${script}\nwb.save(sys.argv[2])`, input, output], { stdio: 'pipe' });
  return fs.readFileSync(output);
}

describe('the file named by its path', () => {
  it('is read by a core that may read local files (CLI, desktop), and refused by one that may not (web host)', async () => {
    const file = path.join(FIXTURES, 'tinh-giao-von-2024.xlsx');
    const web = testCore({ district: '180' });
    expect(await web.invokeAsync('import.analyze', { fileName: 'tinh.xlsx', filePath: file, year: 2024 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const dataDir = tempDir();
    const local = openCore({ dataDir, actor: 'test', readsFilePaths: true });
    try {
      expect(local.invoke('office.setup', { districtCode: '180', signers: [] }).ok).toBe(true);
      const result = await local.invokeAsync('import.analyze', { fileName: 'tinh.xlsx', filePath: file, year: 2024 });
      expect(result).toMatchObject({ ok: true, value: { totalDong: TRANG_DINH_TOTAL, sha256: createHash('sha256').update(fs.readFileSync(file)).digest('hex') } });
      // Exactly one of content and path.
      expect(await local.invokeAsync('import.analyze', { fileName: 'tinh.xlsx', year: 2024 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    } finally {
      local.close();
    }
  });
});

describe('sheets resolved through workbook.xml → its relationships → the part', () => {
  it('reads the table when the sheet id is not the part number (sheetId="5" for sheet1.xml)', async () => {
    const bytes = await editParts(fs.readFileSync(path.join(FIXTURES, 'tinh-giao-von-2024.xlsx')), (parts) =>
      parts.set('xl/workbook.xml', replaceOnce(parts.get('xl/workbook.xml')!, 'sheetId="1"', 'sheetId="5"')),
    );
    const p = await analyze(bytes);
    expect(p).toMatchObject({ sheet: 'Biểu 01', totalDong: TRANG_DINH_TOTAL, detailLines: 9, canCommit: true });
    expect(errorsOf(p)).toEqual([]);
  });

  it('with two sheets whose ids and part numbers are swapped, reads each sheet from its own part with its own merges', async () => {
    const bytes = await editParts(await provinceWorkbook(), (parts) => {
      noteSheet(parts);
      // Parts renamed the other way round, and sheet ids swapped: only the relationships still say which is which.
      const table = parts.get('xl/worksheets/sheet1.xml')!;
      parts.set('xl/worksheets/sheet1.xml', parts.get('xl/worksheets/sheet2.xml')!);
      parts.set('xl/worksheets/sheet2.xml', table);
      const rels = parts.get('xl/_rels/workbook.xml.rels')!;
      parts.set('xl/_rels/workbook.xml.rels', rels.replace('Target="worksheets/sheet1.xml"', 'Target="@"').replace('Target="worksheets/sheet2.xml"', 'Target="worksheets/sheet1.xml"').replace('Target="@"', 'Target="worksheets/sheet2.xml"'));
      parts.set('xl/workbook.xml', parts.get('xl/workbook.xml')!.replace('sheetId="1"', 'sheetId="@"').replace('sheetId="2"', 'sheetId="1"').replace('sheetId="@"', 'sheetId="2"'));
    });
    const p = await analyze(bytes);
    expect(p).toMatchObject({ sheet: 'Biểu 01', totalDong: TRANG_DINH_TOTAL, detailLines: 9, canCommit: true });
    expect(errorsOf(p)).toEqual([]);
  });

  it('after the middle sheet is deleted, lists the other two and imports the last one by name', async () => {
    const bytes = await editParts(await provinceWorkbook({ rows: numericRows() }), (parts) => {
      addSheetCopy(parts, 'worksheets/sheet1.xml', 'Tạm', 'worksheets/sheet2.xml', 'rId8', 2);
      addSheetCopy(parts, 'worksheets/sheet1.xml', 'Biểu 02', 'worksheets/sheet3.xml', 'rId9', 3);
      // Deleting "Tạm" as Excel does: its tab, relationship, part and content type go; the others keep their numbers.
      parts.set('xl/workbook.xml', replaceOnce(parts.get('xl/workbook.xml')!, /<sheet sheetId="2" name="Tạm"[^>]*\/>/, ''));
      parts.set('xl/_rels/workbook.xml.rels', replaceOnce(parts.get('xl/_rels/workbook.xml.rels')!, /<Relationship Id="rId8"[^>]*\/>/, ''));
      parts.set('[Content_Types].xml', replaceOnce(parts.get('[Content_Types].xml')!, /<Override PartName="\/xl\/worksheets\/sheet2.xml"[^>]*\/>/, ''));
      parts.delete('xl/worksheets/sheet2.xml');
    });
    const p = await analyze(bytes, { sheet: 'Biểu 02' });
    expect(p).toMatchObject({ sheet: 'Biểu 02', sheets: ['Biểu 01', 'Biểu 02'], totalDong: TRANG_DINH_TOTAL, canCommit: true });
  });
});

describe('formulas without a cached value, or with a cached 0', () => {
  it('evaluates the subtotals of a two-sheet file written by openpyxl (no cached values) and says the app computed them', async () => {
    const bytes = throughOpenpyxl(await provinceWorkbook({ rows: numericRows() }), 'copy = wb.copy_worksheet(wb["Biểu 01"])\ncopy.title = "Biểu 02"');
    const raw = (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!;
    // openpyxl really wrote formulas and no value.
    expect(await raw.async('string')).toMatch(/<f>[^<]+<\/f><v\s*\/>|<f>[^<]+<\/f><v><\/v>|<f>[^<]+<\/f><\/c>/);
    for (const sheet of ['Biểu 01', 'Biểu 02']) {
      const p = await analyze(bytes, { sheet });
      expect(p).toMatchObject({ sheet, sheets: ['Biểu 01', 'Biểu 02'], totalDong: TRANG_DINH_TOTAL, canCommit: true });
      expect(errorsOf(p)).toEqual([]);
      expect(p.findings).toContainEqual(expect.objectContaining({ severity: 'I', code: 'IMPORT_COMPUTED_VALUES', message: expect.stringContaining('giá trị do ứng dụng tính') }));
    }
  });

  it('evaluates formulas cached as 0 (as xlsxwriter writes them), and still finds a subtotal that disagrees', async () => {
    const zeroed = (bytes: Buffer) =>
      editParts(bytes, (parts) => parts.set('xl/worksheets/sheet1.xml', replaceOnce(parts.get('xl/worksheets/sheet1.xml')!, /(<f>[^<]*<\/f>)<v>[^<]*<\/v>/g, '$1<v>0</v>')));
    const p = await analyze(await zeroed(await provinceWorkbook({ rows: numericRows() })));
    expect(p).toMatchObject({ totalDong: TRANG_DINH_TOTAL, canCommit: true });
    expect(p.findings.find((f) => f.code === 'IMPORT_COMPUTED_VALUES')?.message).toMatch(/^\d+ ô công thức/);
    // A hand-typed subtotal that is wrong stays wrong: only formulas are computed.
    const typed = await editParts(await zeroed(await provinceWorkbook({ rows: numericRows() })), (parts) =>
      parts.set('xl/worksheets/sheet1.xml', replaceOnce(parts.get('xl/worksheets/sheet1.xml')!, /<c r="D13"([^>]*)><f>[^<]*<\/f><v>0<\/v><\/c>/, '<c r="D13"$1><v>5000</v></c>')),
    );
    const wrong = await analyze(typed);
    expect(errorsOf(wrong).map((f) => f.cell)).toEqual(['D13']);
  });

  it('keeps a formula it cannot evaluate as an error on that cell', async () => {
    const bytes = await editParts(await provinceWorkbook({ rows: numericRows() }), (parts) =>
      parts.set('xl/worksheets/sheet1.xml', replaceOnce(parts.get('xl/worksheets/sheet1.xml')!, /<c r="D13"([^>]*)><f>[^<]*<\/f><v>[^<]*<\/v><\/c>/, '<c r="D13"$1><f>VLOOKUP(A1,Z1:Z9,1,0)</f></c>')),
    );
    const p = await analyze(bytes);
    expect(errorsOf(p)).toContainEqual(expect.objectContaining({ code: 'IMPORT_BAD_AMOUNT', cell: 'D13', message: expect.stringContaining('VLOOKUP') }));
  });

  it(
    'imports a file saved by LibreOffice whose subtotals are legitimately 0 with exit 0 and the exact total',
    async () => {
      // D10 "Dự án 1" has no ĐTPT money: its details are 0 and its subtotal a formula worth 0.
      const written = throughOpenpyxl(await provinceWorkbook({ rows: numericRows() }), 'ws = wb["Biểu 01"]\nws["D11"] = 0\nws["D12"] = 0\nws["D10"] = "=SUM(D11:D12)"\nws["D9"] = "=D10+D13"');
      const dir = tempDir();
      const source = path.join(dir, 'openpyxl.xlsx');
      fs.writeFileSync(source, written);
      const outDir = path.join(dir, 'lo');
      execFileSync('soffice', [`-env:UserInstallation=file://${tempDir('sovon-lo-profile-')}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, source], { stdio: 'pipe', timeout: LIBREOFFICE_TIMEOUT - 10_000 });
      const saved = path.join(outDir, 'openpyxl.xlsx');
      const sheetXml = await (await JSZip.loadAsync(fs.readFileSync(saved))).file('xl/worksheets/sheet1.xml')!.async('string');
      // LibreOffice calculated and kept the 0 (exceljs dropped exactly this value).
      expect(sheetXml).toMatch(/<c r="D10"[^>]*><f[^>]*>SUM\(D11:D12\)<\/f><v>0<\/v><\/c>/);
      const data = tempDir();
      expect(runCli(['init', '--office', '180', '--data', data], { out: () => {}, err: () => {}, env: {} })).toBe(EXIT.ok);
      const out: string[] = [];
      const code = await runCliAsync(['import', saved, '--dry-run', '--json', '--data', data], { out: (t) => out.push(t), err: (t) => out.push(t), env: {} });
      const report = JSON.parse(out.join('\n')) as { totalDong: number; findings: { severity: string }[] };
      expect({ code, totalDong: report.totalDong, errors: report.findings.filter((f) => f.severity === 'E') }).toEqual({ code: EXIT.ok, totalDong: TRANG_DINH_TOTAL, errors: [] });
    },
    LIBREOFFICE_TIMEOUT,
  );
});

describe('one wrong subtotal', () => {
  it('is reported once, at the wrong cell, with the totals that disagree only because of it as consequences', async () => {
    const p = await analyze(await provinceWorkbook({ rows: numericRows(), wrongSubtotal: { name: TRANG_DINH_2024[0]!.children![0]!.name, column: 1, value: 1900 } }));
    const errors = errorsOf(p);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ rule: '2', cell: 'E10', foundDong: 1_900_000_000, expectedDong: 1_700_500_000 });
    // The program's subtotal above it (E9) and its own row's total column (C10) are right; they disagree only because of E10.
    expect([...errors[0]!.consequences!].sort()).toEqual(['C10', 'E9']);
    expect(errors[0]!.message).toContain('cũng lệch theo');
  });

  it("a wrong grand total is its own finding, its row's total column a consequence", async () => {
    const bytes = await editParts(await provinceWorkbook({ rows: numericRows() }), (parts) =>
      parts.set('xl/worksheets/sheet1.xml', replaceOnce(parts.get('xl/worksheets/sheet1.xml')!, /(<c r="E8"[^>]*><f>[^<]*<\/f><v>)[^<]*(<\/v>)/, '$19999$2')),
    );
    const errors = errorsOf(await analyze(bytes));
    expect(errors).toEqual([expect.objectContaining({ rule: '25', cell: 'E8', foundDong: 9_999_000_000, consequences: ['C8'] })]);
  });
});
