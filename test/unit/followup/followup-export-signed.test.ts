import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../../../electron/cli/cli';
import { openCore } from '../../../electron/core/core';
import { tempDir } from '../../support/helpers';

describe('followup.export is signed like the other reports (issue 16)', () => {
  it('the summary sheet carries the issuing body, the number line and the signer’s block with the name', async () => {
    const data = tempDir();
    expect(runCli(['seed-demo', '--data', data], { out: () => {}, err: () => {}, env: {} })).toBe(EXIT.ok);
    const core = openCore({ dataDir: data, actor: 'test', create: false });
    try {
      const signature = core.invoke('print.reportSignature', {});
      if (!signature.ok) throw new Error(signature.error.message);
      expect(signature.value.name).not.toBe('');
      const file = await core.invokeAsync('followup.export', { asOf: '2024-07-31' });
      if (!file.ok) throw new Error(file.error.message);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(file.value.base64, 'base64') as unknown as ArrayBuffer);
      const sheet = book.getWorksheet('Tổng hợp')!;
      const texts = (sheet.getSheetValues().flat().filter((v) => typeof v === 'string') as string[]).map((t) => t.trim());
      for (const line of signature.value.issuerLines) expect(texts).toContain(line);
      expect(texts.some((t) => /^Số: .*\/BC-(TCKH|UBND)$/.test(t))).toBe(true);
      for (const role of signature.value.role) expect(texts).toContain(role);
      // The name comes last, under the role: the block is not an empty "TRƯỞNG PHÒNG".
      expect(texts.at(-1)).toBe(signature.value.name);
      expect(texts.indexOf(signature.value.role.at(-1)!)).toBeLessThan(texts.lastIndexOf(signature.value.name));
    } finally {
      core.close();
    }
  });
});
