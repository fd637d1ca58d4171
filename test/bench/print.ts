// Benchmarks of printing: a 1,000-line annex (one line per receiving unit) to PDF through Chromium
// (print.annex_1000_pdf_ms, including the browser's start) and to a print-ready workbook (print.annex_1000_xlsx_ms);
// the whole decision of those 1,000 lines (its text, then its annexes) as PDF and as Word
// (print.decision_1000_pdf_ms, print.decision_1000_docx_ms).
import fs from 'node:fs';
import path from 'node:path';
import type { LineChange } from '../../shared/api/decisions';
import { openCore } from '../../electron/core/core';
import { runExport } from '../../electron/cli/export-annex';
import { runDecisionExport } from '../../electron/cli/export-decision';
import { record } from './measure';

export async function benchPrint(dataDir: string): Promise<void> {
  const core = openCore({ dataDir, actor: 'bench', readsFilePaths: true });
  try {
    const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    must(core.invoke('office.setup', { districtCode: '180', signers: [{ name: 'Hoàng Văn Minh', title: 'Chủ tịch UBND huyện' }] }));
    must(core.invoke('assignments.create', { year: 2024, componentCode: 'GNBV.DA2', sourceCode: 'NSTW', capitalType: 'SN', amount: { dong: 10 ** 15 - 1 } }));
    const changes: LineChange[] = [];
    for (let i = 1; i <= 1000; i++) {
      const org = must(core.invoke('organizations.create', { kind: 'unit', name: `Đơn vị thụ hưởng số ${String(i).padStart(4, '0')}` }));
      changes.push({ op: 'add', line: { componentCode: 'GNBV.DA2', recipient: { kind: 'unit', id: org.id }, sourceCode: 'NSTW', capitalType: 'SN', amount: { dong: i * 1_234_567 } } });
    }
    const draft = must(core.invoke('decisions.create', { year: 2024, kind: 'phan_bo', issuer: 'UBND', docDate: '2024-03-15' }));
    must(core.invoke('decisions.lines.apply', { decisionId: draft.header.id, changes }));
    for (const format of ['pdf', 'xlsx'] as const) {
      const out = path.join(dataDir, `annex-1000.${format}`);
      const start = performance.now();
      const result = await runExport(core, { decision: String(draft.header.id), format, out, unit: 'dong', annex: 'theo_xa' }, () => {});
      const ms = performance.now() - start;
      if (!result.ok || fs.statSync(out).size < 10_000) throw new Error(`export ${format} failed`);
      record(`print.annex_1000_${format}_ms`, ms, 'ms');
    }
    for (const format of ['pdf', 'docx'] as const) {
      const out = path.join(dataDir, `decision-1000.${format}`);
      const start = performance.now();
      const result = await runDecisionExport(core, { decision: String(draft.header.id), format, out, unit: 'dong' }, () => {});
      const ms = performance.now() - start;
      if (!result.ok || fs.statSync(out).size < 10_000) throw new Error(`export decision ${format} failed`);
      record(`print.decision_1000_${format}_ms`, ms, 'ms');
    }
  } finally {
    core.close();
  }
}
