import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { provinceWorkbook, TRANG_DINH_2024, type TableRow } from '../../fixtures/excel/province-workbooks';
import { exerciseHostileFile, hostileCorpus, type HostileOutcome } from '../../hostile/corpus';
import { testCore } from '../../support/helpers';

/** The fixed corpus and a few of the files the bench generates from the seed (the bench runs 1,000 in all). */
const GENERATED_IN_TESTS = 8;
const corpus = hostileCorpus(undefined, { generated: GENERATED_IN_TESTS });
/** Batches keep each test well under its timeout on two cores; every file still gets a book of its own. */
const BATCH_SIZE = 30;

/** How some files must be answered: the code of the refusal, or an error finding (code and cell). */
const EXPECTED: Record<string, { refusedWith: string } | { finding: string; cell?: string }> = {
  'bom-nen-khai-that.xlsx': { refusedWith: 'IMPORT_TOO_LARGE' },
  'bom-nen-khai-gian.xlsx': { refusedWith: 'IMPORT_TOO_LARGE' },
  'bom-nen-chuoi-chung.xlsx': { refusedWith: 'IMPORT_TOO_LARGE' },
  'bom-nen-nhieu-phan.xlsx': { refusedWith: 'IMPORT_TOO_LARGE' },
  'qua-nhieu-phan.xlsx': { refusedWith: 'IMPORT_TOO_LARGE' },
  'billion-laughs-chuoi.xlsx': { refusedWith: 'IMPORT_UNSAFE_CONTENT' },
  'xxe-chuoi.xlsx': { refusedWith: 'IMPORT_UNSAFE_CONTENT' },
  'doctype-utf16.xlsx': { refusedWith: 'IMPORT_UNSAFE_CONTENT' },
  'ten-phan-thoat-thu-muc.xlsx': { refusedWith: 'IMPORT_UNSAFE_CONTENT' },
  'cat-50pt.xlsx': { refusedWith: 'IMPORT_TRUNCATED' },
  'sai-crc.xlsx': { refusedWith: 'IMPORT_TRUNCATED' },
  'phan-ma-hoa.xlsx': { refusedWith: 'IMPORT_ENCRYPTED' },
  'o-zzzz1.xlsx': { finding: 'IMPORT_PARENT_SUM' },
  'styles-xml-hong.xlsx': { refusedWith: 'IMPORT_NOT_WORKBOOK' },
  'tieu-de-ngoai-60-dong.xlsx': { refusedWith: 'IMPORT_NO_TABLE' },
  'so-tien-am.xlsx': { finding: 'IMPORT_NEGATIVE_AMOUNT', cell: 'D23' },
  'tong-tran-khong-tong-phu.xlsx': { finding: 'IMPORT_TOTAL_TOO_LARGE' },
  'dong-von-tran-khong-tong-phu.xlsx': { finding: 'IMPORT_TOTAL_TOO_LARGE' },
  'cong-thuc-khong-gia-tri.xlsx': { finding: 'IMPORT_BAD_AMOUNT' },
  '1000-dong-trung.xlsx': { finding: 'IMPORT_DUPLICATE_ROW' },
};

function expectationProblems(name: string, outcome: HostileOutcome): string[] {
  const expected = EXPECTED[name];
  const analyzed = outcome.analyzed;
  if (!expected || !analyzed) return [];
  if ('refusedWith' in expected) {
    const code = analyzed.ok ? 'ok' : analyzed.error.code;
    return code === expected.refusedWith ? [] : [`phải bị từ chối với ${expected.refusedWith}, nhận ${code}`];
  }
  const found = analyzed.ok && analyzed.value.findings.some((f) => f.severity === 'E' && f.code === expected.finding && (expected.cell === undefined || f.cell === expected.cell));
  return found ? [] : [`phải có lỗi ${expected.finding}${expected.cell ? ` ở ô ${expected.cell}` : ''}`];
}

/** The parts of a zip and their text: what the seed decides (zip headers also carry the time of writing). */
async function partsOf(bytes: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) parts[name] = await zip.files[name]!.async('string');
  return parts;
}

function integrityOf(core: Core): unknown {
  return core.db.pragma('integrity_check');
}

describe('hostile workbooks through import.analyze and import.commit', () => {
  it('the corpus has at least 200 distinct files and is the same for the same seed', async () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    expect(new Set(corpus.map((f) => f.name)).size).toBe(corpus.length);
    const again = hostileCorpus(undefined, { generated: GENERATED_IN_TESTS });
    expect(again.map((f) => f.what)).toEqual(corpus.map((f) => f.what));
    // The bench's count: the generated files are distinct and as many as asked.
    const bench = hostileCorpus(undefined, { generated: 1000 - hostileCorpus().length });
    expect(bench.length).toBe(1000);
    expect(new Set(bench.map((f) => f.name)).size).toBe(1000);
    for (const name of ['o-000-E21.xlsx', 'o-057-F16.xlsx', 'gop-5000.xlsx', 'dong-nguoc-thu-tu.xlsx', 'sheet-id-hoan-doi.xlsx', 'sinh-0000-sheet-id.xlsx', 'sinh-0001-gia-tri-cong-thuc.xlsx']) {
      const [first, second] = [corpus, again].map((files) => files.find((f) => f.name === name));
      expect(first, name).toBeDefined();
      expect(await partsOf(await second!.build())).toEqual(await partsOf(await first!.build()));
    }
    expect(Object.keys(EXPECTED).every((name) => corpus.some((f) => f.name === name))).toBe(true);
  });

  for (let start = 0; start < corpus.length; start += BATCH_SIZE) {
    const batch = corpus.slice(start, start + BATCH_SIZE);
    it(`files ${start + 1}–${start + batch.length}: a reason naming the file or cell, or a legitimate import; no crash, hang or stray write`, async () => {
      const failures: string[] = [];
      for (const file of batch) {
        // A book of its own: a legitimate commit must not turn the next file into a no-op or hide its writes.
        const core = testCore({ district: '180' });
        const outcome = await exerciseHostileFile(core, file);
        const problems = [...outcome.problems, ...expectationProblems(file.name, outcome)];
        const integrity = integrityOf(core);
        if (JSON.stringify(integrity) !== JSON.stringify([{ integrity_check: 'ok' }])) problems.push(`integrity_check: ${JSON.stringify(integrity)}`);
        if (problems.length > 0) failures.push(`${file.name} (${file.what}): ${problems.join('; ')}`);
        core.close();
      }
      expect(failures).toEqual([]);
    }, 120_000);
  }
});

describe('reading text the reader streams in pieces', () => {
  it('keeps every character of long Vietnamese text that crosses the 64 KB stream pieces', async () => {
    // 3-byte characters only: a piece cut that ignored UTF-8 would break one of them into two replacement marks.
    const longName = `Đường giao thông thôn Nà Pàn ${'ệ'.repeat(100_000)}`;
    const rows: TableRow[] = structuredClone(TRANG_DINH_2024);
    rows[0]!.children![1]!.children![0]!.children![0]!.name = longName;
    const core = testCore({ district: '180' });
    const result = await core.invokeAsync('import.analyze', { fileName: 'ten-dai.xlsx', base64: (await provinceWorkbook({ rows })).toString('base64'), year: 2024 });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.rows.find((r) => r.row === 15)!.name).toBe(longName);
    expect(result.value.totalDong).toBe(15_970_750_000);
  });
});
