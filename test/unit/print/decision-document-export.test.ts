// The whole decision as the office signs it, through the command line: the PDF printed by Chromium read back with
// poppler, the .docx read back with python-docx and converted by LibreOffice — QĐ 215/QĐ-UBND and NQ 28/NQ-HĐND of
// the sample office, named by their numbers.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../../../electron/cli/cli';
import { openCore } from '../../../electron/core/core';
import { parseAmountInWords } from '../../../shared/money/amount-in-words';
import type { PrintDocument } from '../../../shared/print/document';
import { tempDir } from '../../support/helpers';
import { LIBREOFFICE_TIMEOUT } from '../../support/libreoffice';
import { cliRunAsync as cli } from '../../support/cli-capture';


// The .docx keeps document numbers whole with invisible word joiners (U+2060); the words read are the same without them.
const collapse = (text: string) => text.replace(/\u2060/g, '').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();

function seeded(): string {
  const data = tempDir();
  expect(runCli(['seed-demo', '--data', data], { out: () => {}, err: () => {}, env: {} })).toBe(EXIT.ok);
  return data;
}

/** The print model the core builds for a decision, read from the same data file. */
function model(data: string, number: string): PrintDocument {
  const core = openCore({ dataDir: data, actor: 'test', create: false });
  try {
    const found = core.invoke('decisions.find', { ref: number });
    if (!found.ok) throw new Error(found.error.message);
    const id = found.value.id;
    const doc = core.invoke('print.decision', { id, body: true });
    if (!doc.ok) throw new Error(doc.error.message);
    return doc.value;
  } finally {
    core.close();
  }
}

/** The body's own lines, from the title to the passing line, in the order they print. */
function bodyLines(doc: PrintDocument): string[] {
  const b = doc.body!;
  return [
    b.docType,
    b.summary,
    ...b.authority,
    ...b.bases,
    ...(b.proposal ? [b.proposal] : []),
    b.decides,
    ...b.articles.flatMap((a) => a.paragraphs.map((p, i) => (i === 0 ? `${a.label} ${p}` : p))),
    ...(b.passingLine ? [b.passingLine] : []),
  ];
}

/** Each expected line found in `text` after the previous one; returns where the last one ended. */
function expectInOrder(text: string, lines: string[], what: string): number {
  let at = 0;
  for (const line of lines) {
    const wanted = collapse(line);
    expect(wanted, `${what}: a blank line where data exists`).not.toBe('');
    const found = text.indexOf(wanted, at);
    expect(found, `${what}: "${wanted.slice(0, 80)}…" after position ${at}`).toBeGreaterThanOrEqual(at);
    at = found + wanted.length;
  }
  return at;
}

/** The page number printed at the top of each page (null where none is printed). */
const pageNumbers = (pages: string[]) => pages.map((p) => /^\s*(\d+)\s*$/m.exec(p.split('\n').find((l) => l.trim() !== '') ?? '')?.[1] ?? null).map((n) => (n === null ? null : Number(n)));

async function checkPdf(data: string, number: string, file: string): Promise<{ doc: PrintDocument; bodyText: string }> {
  const out = path.join(data, file);
  const result = await cli(['export', 'decision', '--decision', number, '--format', 'pdf', '--out', out, '--data', data]);
  expect(result, result.err).toMatchObject({ code: EXIT.ok });
  const doc = model(data, number);
  const pages = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim() !== '');
  const firstAnnex = pages.findIndex((p) => /PHỤ LỤC I\b/.test(p));
  expect(firstAnnex).toBeGreaterThan(0);
  const bodyText = collapse(pages.slice(0, firstAnnex).join('\n'));

  // The header block (two columns side by side), then every line of the body in order.
  for (const line of [...doc.issuerLines, doc.nationalTitle, doc.motto, doc.numberLine, doc.placeDateLine]) expect(bodyText).toContain(collapse(line));
  const end = expectInOrder(bodyText, bodyLines(doc), number);
  // Nơi nhận and the signature close the body, after the last article (two columns side by side).
  const tail = bodyText.slice(end);
  for (const line of ['Nơi nhận:', ...doc.recipients, ...(doc.signature.authority ? [doc.signature.authority] : []), ...doc.signature.role, doc.signature.name]) {
    expect(tail, `after the articles: ${line}`).toContain(collapse(line));
  }
  expect(doc.signature.name).not.toBe('');
  // Nothing of the signature after the last annex.
  expect(collapse(pages.slice(firstAnnex).join('\n'))).not.toContain('Nơi nhận:');

  // Điều 1's amount in words reads back to the total of the decision's lines.
  const first = doc.body!.articles[0]!.paragraphs[0]!;
  const words = [...first.matchAll(/\(Bằng chữ: ([^)]+)\)/g)].map((m) => parseAmountInWords(m[1]!));
  const figures = [...first.matchAll(/(\d{1,3}(?:\.\d{3})*) đồng \(Bằng chữ/g)].map((m) => Number(m[1]!.replace(/\./g, '')));
  expect(words.length).toBeGreaterThan(0);
  expect(words).toEqual(figures);
  expect(bodyText).toContain(collapse(first));

  // Pages: the body's first page unnumbered, then 2, 3…; each annex starts unnumbered and counts again from 2.
  const numbers = pageNumbers(pages);
  const sizes = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages.length), out], { encoding: 'utf8' });
  const expected: (number | null)[] = [];
  let counter = 0;
  pages.forEach((p, i) => {
    counter = i === 0 || /PHỤ LỤC [IVX]+\b/.test(p) ? 1 : counter + 1;
    expected.push(counter === 1 ? null : counter);
  });
  expect(numbers).toEqual(expected);
  expect(expected.filter((n) => n === null)).toHaveLength(1 + doc.annexes.length);
  // The body upright, the annexes across.
  expect(sizes).toMatch(/Page\s+1 size:\s+59[45]\.\d+ x 841\.\d+ pts/);
  expect(sizes).toMatch(new RegExp(`Page\\s+${firstAnnex + 1} size:\\s+841\\.\\d+ x 59[45]\\.\\d+ pts`));
  // Each annex carries its "(Kèm theo …)" with the date in words.
  for (const annex of doc.annexes) expect(collapse(pages.slice(firstAnnex).join('\n'))).toContain(collapse(annex.attachedTo));
  return { doc, bodyText };
}

/** python-docx (Debian's python3-docx) as an independent reader: the top-level paragraphs of the body section, with the font and size of each run. */
function readDocx(file: string): { paragraphs: string[]; runs: { font: string | null; size: number | null }[] } {
  const script = [
    'import docx, json, sys',
    'd = docx.Document(sys.argv[1])',
    'out = []',
    'runs = []',
    'for p in d.paragraphs:',
    '    if p.text.startswith("PHỤ LỤC"): break',
    '    out.append(p.text)',
    '    runs += [{"font": r.font.name, "size": r.font.size.pt if r.font.size else None} for r in p.runs if r.text.strip()]',
    'print(json.dumps({"paragraphs": out, "runs": runs}, ensure_ascii=False))',
  ].join('\n');
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' })) as ReturnType<typeof readDocx>;
}

async function checkDocx(data: string, number: string, file: string, pdfBody: string, doc: PrintDocument): Promise<void> {
  const out = path.join(data, file);
  const result = await cli(['export', 'decision', '--decision', number, '--format', 'docx', '--out', out, '--data', data]);
  expect(result, result.err).toMatchObject({ code: EXIT.ok });
  const read = readDocx(out);
  // Word joiners (U+2060) keep document numbers whole in Word; invisible, they are not part of the words read.
  const paragraphs = read.paragraphs.map((p) => p.replace(/\u2060/g, '')).filter((p) => p.trim() !== '' && !/^─+$/.test(p));
  // The Word body holds the same lines as the model and the same text as the PDF body, in the same order.
  expect(paragraphs.filter((p) => p !== 'DỰ THẢO — chưa ban hành')).toEqual(bodyLines(doc));
  expectInOrder(pdfBody, paragraphs, `${number}.docx in the PDF`);

  // Page size, margins, fonts and page numbers from the document XML.
  const xml = execFileSync('unzip', ['-p', out, 'word/document.xml'], { encoding: 'utf8' });
  const styles = execFileSync('unzip', ['-p', out, 'word/styles.xml'], { encoding: 'utf8' });
  const sizes = [...xml.matchAll(/<w:pgSz ([^>]*)\/>/g)].map((m) => m[1]!);
  expect(sizes[0]).toMatch(/w:w="11906" w:h="16838" w:orient="portrait"/);
  expect(sizes.slice(1)).toHaveLength(doc.annexes.length);
  for (const s of sizes.slice(1)) expect(s).toMatch(/w:w="16838" w:h="11906" w:orient="landscape"/);
  // Nghị định 30/2020: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm (1 mm = 56.7 twips).
  for (const m of xml.matchAll(/<w:pgMar ([^>]*)\/>/g)) {
    const twips = (k: string) => Number(new RegExp(`w:${k}="(\\d+)"`).exec(m[1]!)![1]) / 56.693;
    expect(twips('top')).toBeGreaterThanOrEqual(19.9);
    expect(twips('top')).toBeLessThanOrEqual(25.1);
    expect(twips('bottom')).toBeGreaterThanOrEqual(19.9);
    expect(twips('left')).toBeGreaterThanOrEqual(29.9);
    expect(twips('left')).toBeLessThanOrEqual(35.1);
    expect(twips('right')).toBeGreaterThanOrEqual(14.9);
    expect(twips('right')).toBeLessThanOrEqual(20.1);
  }
  // Each section restarts its numbering and has a different first page (no number there); numbers are PAGE fields.
  expect(xml.match(/<w:pgNumType w:start="1"\/>/g)).toHaveLength(1 + doc.annexes.length);
  expect(xml.match(/<w:titlePg\/>/g)).toHaveLength(1 + doc.annexes.length);
  const headers = execFileSync('unzip', ['-Z1', out], { encoding: 'utf8' }).split('\n').filter((n) => /^word\/header\d+\.xml$/.test(n));
  expect(headers.some((h) => /PAGE/.test(execFileSync('unzip', ['-p', out, h], { encoding: 'utf8' })))).toBe(true);
  // Times New Roman everywhere, the body in 13–14 pt.
  const fonts = new Set([...xml.matchAll(/w:ascii="([^"]+)"/g), ...styles.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]));
  expect([...fonts]).toEqual(['Times New Roman']);
  expect(read.runs.length).toBeGreaterThan(10);
  for (const run of read.runs) expect(run).toEqual({ font: 'Times New Roman', size: expect.toSatisfy((pt: number) => pt >= 13 && pt <= 14) });

  // LibreOffice opens it and converts it to PDF without error: the same body text comes out.
  const outDir = path.join(data, `lo-${path.parse(file).name}`);
  fs.mkdirSync(outDir);
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${outDir}/profile`, '--convert-to', 'pdf', '--outdir', outDir, out], { stdio: 'pipe', timeout: LIBREOFFICE_TIMEOUT });
  const converted = path.join(outDir, `${path.parse(file).name}.pdf`);
  const loPages = execFileSync('pdftotext', ['-layout', converted, '-'], { encoding: 'utf8' }).split('\f');
  // Word lets a paragraph run on to the next page: the page number printed between its lines is not its text.
  const withoutNumbers = (page: string) => page.split('\n').filter((l) => !/^\s*\d+\s*$/.test(l)).join('\n');
  const loBody = collapse(loPages.slice(0, loPages.findIndex((p) => /PHỤ LỤC I\b/.test(p))).map(withoutNumbers).join('\n'));
  expectInOrder(loBody, paragraphs, `${number}.docx through LibreOffice`);
  expect(execFileSync('pdfinfo', [converted], { encoding: 'utf8' })).toMatch(new RegExp(`Pages:\\s+${loPages.filter((p) => p.trim()).length}`));
}

describe('export decision: the whole document as PDF and Word', () => {
  it('QĐ 215/QĐ-UBND: every body line in order, words = total, numbering per section; the .docx holds the same text', async () => {
    const data = seeded();
    const { doc, bodyText } = await checkPdf(data, '215/QĐ-UBND', 'qd-215.pdf');
    expect(doc.body!.articles[0]!.paragraphs[0]).toContain('67.585.500.000 đồng');
    await checkDocx(data, '215/QĐ-UBND', 'qd-215.docx', bodyText, doc);
  }, 240_000);

  it('NQ 28/NQ-HĐND (typed without diacritics): QUYẾT NGHỊ, khóa and kỳ họp, the passing line, the HĐND chair', async () => {
    const data = seeded();
    const { doc, bodyText } = await checkPdf(data, '28/NQ-HDND', 'nq-28.pdf');
    expect(doc.body!.decides).toBe('QUYẾT NGHỊ:');
    expect(bodyText).toContain('Nghị quyết này đã được Hội đồng nhân dân huyện Tràng Định khóa');
    expect(bodyText).toContain('thông qua ngày 20 tháng 9 năm 2024');
    expect(doc.signature).toEqual({ authority: null, role: ['CHỦ TỊCH'], name: 'Lương Văn Hải' });
    await checkDocx(data, '28/NQ-HDND', 'nq-28.docx', bodyText, doc);
  }, 240_000);

  it('refuses an unknown number with the way out, and a bad format as usage; export annex takes a number too', async () => {
    const data = seeded();
    const annex = await cli(['export', 'annex', '--decision', '19/NQ-HĐND', '--format', 'xlsx', '--out', path.join(data, 'nq-19.xlsx'), '--data', data]);
    expect(annex, annex.err).toMatchObject({ code: EXIT.ok });
    expect(annex.out).toContain('Đã ghi 2 phụ lục');
    const unknown = await cli(['export', 'decision', '--decision', '999/QĐ-UBND', '--format', 'docx', '--out', path.join(data, 'x.docx'), '--data', data]);
    expect(unknown.code).toBe(EXIT.validation);
    expect(unknown.err).toContain('Không có văn bản đã ban hành số 999/QĐ-UBND');
    expect(fs.existsSync(path.join(data, 'x.docx'))).toBe(false);
    const usage = await cli(['export', 'decision', '--decision', '1', '--format', 'odt', '--out', path.join(data, 'x.odt'), '--data', data]);
    expect(usage.code).toBe(EXIT.usage);
  });
});
