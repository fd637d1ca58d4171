// Issue 20: the annex workbook written to a file, and the annexes named "I,II", were the CLI's own code; they are
// the core's `print.saveAnnexWorkbook` and `print.chooseAnnexes` now (the CLI's `export annex` calls them).
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/core';
import { tempDir } from '../../support/helpers';

function seeded(readsFilePaths = true) {
  const core = openCore({ dataDir: tempDir(), actor: 'test', readsFilePaths });
  const seed = core.invoke('demo.seed', {});
  if (!seed.ok) throw new Error(seed.error.message);
  return core;
}

describe('print.saveAnnexWorkbook', () => {
  it('writes the annexes chosen by their numbers to the file, whole', async () => {
    const core = seeded();
    const dir = tempDir();
    const file = path.join(dir, 'nq-28.xlsx');
    const saved = await core.invokeAsync('print.saveAnnexWorkbook', { id: 2, named: 'I', file });
    core.close();
    expect(saved.ok && saved.value).toEqual({ file, annexes: 1 });
    expect(fs.readdirSync(dir)).toEqual(['nq-28.xlsx']);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Phụ lục I']);
    const texts = book.worksheets[0]!.getSheetValues().flat().filter((v) => typeof v === 'string') as string[];
    expect(texts).toContain('Số: 28/NQ-HĐND');
  });

  it('says which annexes a decision has when one named is not there, and writes nothing', async () => {
    const core = seeded();
    const file = path.join(tempDir(), 'x.xlsx');
    const saved = await core.invokeAsync('print.saveAnnexWorkbook', { id: 1, named: 'IV', file });
    const chosen = core.invoke('print.chooseAnnexes', { id: 1, named: 'I' });
    core.close();
    expect(!saved.ok && saved.error.code).toBe('ANNEX_NOT_FOUND');
    expect(!saved.ok && saved.error.message).toMatch(/^Không có phụ lục "IV"; quyết định này có I/);
    expect(fs.existsSync(file)).toBe(false);
    expect(chosen.ok && chosen.value.length).toBe(1);
  });

  it('is refused on a host that does not write local files', async () => {
    const core = seeded(false);
    const file = path.join(tempDir(), 'x.xlsx');
    const saved = await core.invokeAsync('print.saveAnnexWorkbook', { id: 1, file });
    core.close();
    expect(!saved.ok && saved.error.code).toBe('FORBIDDEN');
    expect(fs.existsSync(file)).toBe(false);
  });
});
