import { describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../../../electron/cli/cli';
import { openCore } from '../../../electron/core/core';
import type { PrintDocument } from '../../../shared/print/document';
import { lawBases } from '../../../shared/print/wording';
import { tempDir } from '../../support/helpers';

const cites = (bases: string[], what: string) => bases.some((b) => b.includes(what));

describe('default wording of decision documents (issue 16)', () => {
  it('the căn cứ are chosen by the document’s date: nothing issued after it, nothing already replaced', () => {
    const before111 = lawBases('2023-05-10', '2026-12-05');
    expect(cites(before111, '111/2024/QH15')).toBe(false);
    expect(cites(before111, '38/2023/NĐ-CP')).toBe(false);
    expect(cites(before111, 'Nghị định số 27/2022/NĐ-CP')).toBe(true);
    expect(cites(before111, 'Luật Đầu tư công ngày 13 tháng 6 năm 2019')).toBe(true);

    const in2024 = lawBases('2024-03-15', '2026-12-05');
    expect(cites(in2024, '111/2024/QH15')).toBe(true);
    expect(cites(in2024, '38/2023/NĐ-CP')).toBe(true);

    const in2025 = lawBases('2025-03-01', '2026-12-05');
    expect(cites(in2025, 'Luật Đầu tư công ngày 13 tháng 6 năm 2019')).toBe(false);
    expect(cites(in2025, 'Luật Đầu tư công ngày 29 tháng 11 năm 2024')).toBe(true);
    // A document without a date yet takes those in force today.
    expect(lawBases(null, '2024-03-15')).toEqual(in2024);
  });

  it('a draft dated before NQ 111/2024/QH15 does not cite it; an HĐND draft prints "[chưa ghi]" for its khóa and kỳ họp', () => {
    const data = tempDir();
    expect(runCli(['seed-demo', '--data', data], { out: () => {}, err: () => {}, env: {} })).toBe(EXIT.ok);
    const core = openCore({ dataDir: data, actor: 'test', create: false });
    try {
      const early = core.invoke('decisions.create', { year: 2023, kind: 'phan_bo', issuer: 'UBND', docDate: '2023-12-20', summary: 'Về việc phân bổ vốn năm 2023' });
      if (!early.ok) throw new Error(early.error.message);
      const wording = core.invoke('documents.decisionWording', { id: early.value.header.id });
      if (!wording.ok) throw new Error(wording.error.message);
      expect(cites(wording.value.wording.bases, '111/2024/QH15')).toBe(false);
      expect(cites(wording.value.wording.bases, '38/2023/NĐ-CP')).toBe(true);

      const resolution = core.invoke('decisions.create', { year: 2024, kind: 'dieu_chinh', issuer: 'HDND', docDate: '2024-12-10', summary: 'Về việc điều chỉnh kế hoạch vốn năm 2024' });
      if (!resolution.ok) throw new Error(resolution.error.message);
      const doc = core.invoke('print.decision', { id: resolution.value.header.id, body: true });
      if (!doc.ok) throw new Error(doc.error.message);
      const body = (doc.value as PrintDocument).body!;
      expect(body.authority).toContain('KHÓA [CHƯA GHI], KỲ HỌP [CHƯA GHI]');
      expect(body.passingLine).toContain('khóa [chưa ghi], kỳ họp [chưa ghi] thông qua');
    } finally {
      core.close();
    }
  });
});
