import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, runCliAsync } from '../../../electron/cli/cli';
import { openCore } from '../../../electron/core/core';
import { tempDir } from '../../support/helpers';
import { addLines, assign, call, draft, issue, line, SIGNER } from '../../support/ledger-helpers';

/** An office whose HĐND issued a breakdown of 3 programs' SN estimate to two units, in its own data folder. */
function breakdownOffice(): { data: string; id: number } {
  const data = tempDir();
  const core = openCore({ dataDir: data, actor: 'test' });
  try {
    call(core, 'office.setup', {
      districtCode: '180',
      signers: [
        { name: 'Hoàng Văn Minh', title: 'Chủ tịch UBND huyện' },
        { name: 'Nông Thị Lan', title: 'Phó Chủ tịch UBND huyện' },
        { name: 'Lương Văn Hải', title: 'Chủ tịch HĐND huyện' },
      ],
    });
    assign(core, 2024, 'DTTS.DA5.TDA1', 'NSTW', 'SN', 900_000_000);
    assign(core, 2024, 'DTTS.DA5.TDA1', 'NST_DOIUNG', 'SN', 90_000_000);
    assign(core, 2024, 'GNBV.DA2', 'NSTW', 'SN', 600_000_000);
    assign(core, 2024, 'NTM.ND05', 'NSTW', 'SN', 300_500_000);
    const education = call(core, 'organizations.create', { kind: 'unit', name: 'Phòng Giáo dục và Đào tạo' }).id;
    const labour = call(core, 'organizations.create', { kind: 'unit', name: 'Phòng Lao động - Thương binh và Xã hội' }).id;
    call(core, 'delegations.create', { basisNumber: '12/2024/NQ-HĐND', basisDate: '2024-07-10', basisIssuer: 'HĐND tỉnh Lạng Sơn', firstYear: 2024, lastYear: 2025 });
    const id = draft(core, { issuer: 'HDND', docDate: '2024-07-25' });
    addLines(core, id, [
      line('DTTS.DA5.TDA1', 600_000_000, { recipient: { kind: 'unit', id: education } }),
      line('DTTS.DA5.TDA1', 300_000_000, { recipient: { kind: 'unit', id: labour } }),
      line('DTTS.DA5.TDA1', 90_000_000, { recipient: { kind: 'unit', id: education }, sourceCode: 'NST_DOIUNG' }),
      line('GNBV.DA2', 600_000_000, { recipient: { kind: 'unit', id: labour } }),
      line('NTM.ND05', 300_500_000, { recipient: { kind: 'unit', id: education } }),
    ]);
    const issued = issue(core, id, '2024-07-25', SIGNER.hdndChair, 7);
    if (!issued.ok) throw new Error(issued.error.message);
    return { data, id };
  } finally {
    core.close();
  }
}

describe('the printed recurrent breakdown (Biểu 91 layout)', () => {
  it('builds program → component → unit rows with Tổng số / NSTW / NS tỉnh đối ứng, then the totals per unit', () => {
    const { data, id } = breakdownOffice();
    const core = openCore({ dataDir: data, actor: 'test' });
    try {
      const doc = call(core, 'print.decision', { id });
      expect(doc.annexes.map((a) => [a.kind, a.label])).toEqual([
        ['du_toan_sn', 'Phụ lục I'],
        ['theo_xa', 'Phụ lục II'],
      ]);
      const [annex, byUnit] = doc.annexes as [(typeof doc.annexes)[0], (typeof doc.annexes)[0]];
      expect(annex.columns.map((c) => c.header.join(' / '))).toEqual(['STT', 'Nội dung', 'Tổng số', 'Chia ra / Ngân sách trung ương', 'Chia ra / Ngân sách tỉnh đối ứng', 'Ghi chú']);
      const rows = annex.rows.map((r) => [r.stt, String(r.cells.label).slice(0, 30), r.cells.total, r.cells.NSTW, r.cells.NST_DOIUNG]);
      expect(rows[0]).toEqual(['', 'TỔNG SỐ', 1_890_500_000, 1_800_500_000, 90_000_000]);
      expect(rows).toContainEqual(['-', 'Phòng Giáo dục và Đào tạo', 690_000_000, 600_000_000, 90_000_000]);
      expect(rows.filter((r) => r[0] === 'I' || r[0] === 'II' || r[0] === 'III').map((r) => r[2])).toEqual([990_000_000, 600_000_000, 300_500_000]);
      expect(byUnit.rows.map((r) => [r.cells.label, r.cells.total])).toEqual([
        ['TỔNG SỐ', 1_890_500_000],
        ['Phòng Giáo dục và Đào tạo', 990_500_000],
        ['Phòng Lao động - Thương binh và Xã hội', 900_000_000],
      ]);
    } finally {
      core.close();
    }
  });

  it('prints to PDF with the resolution number and the totals per unit (read back with pdftotext)', async () => {
    const { data, id } = breakdownOffice();
    const out = path.join(data, 'nq-07.pdf');
    const io = { out: () => {}, err: () => {}, env: {} };
    expect(await runCliAsync(['export', 'annex', '--decision', String(id), '--format', 'pdf', '--out', out, '--data', data], io)).toBe(EXIT.ok);
    expect(fs.existsSync(out)).toBe(true);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
    expect(text).toContain('Số: 07/NQ-HĐND');
    expect(text).toContain('DỰ TOÁN CHI THƯỜNG XUYÊN THỰC HIỆN CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA NĂM 2024');
    expect(text).toMatch(/Phòng Giáo dục và Đào tạo 990,5/);
    // The long name wraps in its cell; the row's number and figures sit on its middle line.
    expect(text).toMatch(/Phòng Lao động - Thương binh và Xã\s*\n\s*2 900,0 900,0\s*\n\s*hội/);
    expect(text).toMatch(/TỔNG SỐ 1\.890,5 1\.800,5 90/);
  }, 60_000);
});
