// Issue 21, points 1, 2 and 8: a commune office after 1/7/2025 walked through the command line, as a new user
// would: init on Xã Tràng Định (06046), the sample 2026 year, the plan with the carried-over 2021–2025 money on
// rows of its own, the commune UBND's issued decision, and its printed header read back from the PDF by poppler.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../electron/cli/cli';
import { tempDir } from '../../support/helpers';
import { cliRun as cli, cliRunAsync as cliAsync } from '../../support/cli-capture';


const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

describe('a commune office from 1/7/2025 on the command line (issue 21)', () => {
  it('init --office 06046, seed-demo, info, plan 2026, decisions list 2026, export decision and annex', async () => {
    const data = tempDir();
    const init = cli(['init', '--office', '06046', '--data', data]);
    expect(init.err).toBe('');
    expect(init.code).toBe(EXIT.ok);
    expect(init.out).toContain('Văn phòng: Phòng Kinh tế xã Tràng Định');

    const seeded = cli(['seed-demo', '--data', data]);
    expect(seeded.err).toBe('');
    expect(seeded.code).toBe(EXIT.ok);
    expect(seeded.out).toContain('Xã Tràng Định, năm 2026');

    const info = cli(['info', '--data', data]).out;
    expect(info).toContain('Xã: Xã Tràng Định (mã 06046), Tỉnh Lạng Sơn');
    expect(info).toContain('Cấp: Cấp xã (xa), hiệu lực từ 01/07/2025');
    // What the commune was formed from comes from the successor table (old commune → new commune).
    expect(info).toContain('Hình thành từ: Xã Đề Thám (06046), Xã Hùng Sơn (06055), Xã Hùng Việt (06061)');
    expect(info).not.toContain('Thí điểm phân cấp');
    expect(info).toContain('Chủ tịch UBND xã (mẫu)');
    expect(info).toMatch(/2026-2035: 1 chương trình, 20 dòng/);

    const plan = cli(['plan', '--year', '2026', '--json', '--data', data]);
    expect(plan.code).toBe(EXIT.ok);
    const json = JSON.parse(plan.out) as {
      rows: { originYear: number; programCode: string; sourceCode: string; capitalType: string; assignedDong: number }[];
      groups: { originYear: number; carriedOver: boolean; assignedDong: number }[];
    };
    const own = json.rows.filter((r) => r.originYear === 2026);
    const carried = json.rows.filter((r) => r.originYear === 2025);
    expect(new Set(own.map((r) => r.programCode))).toEqual(new Set(['MTQG2635']));
    expect(own.find((r) => r.sourceCode === 'NSX' && r.capitalType === 'DTPT')?.assignedDong).toBe(250_000_000);
    // The former communes' 2021–2025 money stays under its own programs and origin year, never mixed into 2026's.
    expect(carried.map((r) => r.programCode).sort()).toEqual(['DTTS', 'GNBV', 'NTM']);
    expect(json.groups.map((g) => [g.originYear, g.carriedOver, g.assignedDong])).toEqual([
      [2026, false, 11_205_000_000],
      [2025, true, 1_915_000_000],
    ]);

    const list = cli(['decisions', 'list', '--year', '2026', '--data', data]).out;
    expect(list).toMatch(/25\/QĐ-UBND\t20\/02\/2026\tPhân bổ\tĐã ban hành/);

    const decisionPdf = path.join(data, 'qd-25.pdf');
    const exported = await cliAsync(['export', 'decision', '--decision', '25/QĐ-UBND', '--format', 'pdf', '--out', decisionPdf, '--data', data]);
    expect(exported.err).toBe('');
    expect(exported.code).toBe(EXIT.ok);
    const decision = pdfText(decisionPdf);
    expect(decision).toMatch(/ỦY BAN NHÂN DÂN\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\s+XÃ TRÀNG ĐỊNH/);
    expect(decision).toContain('Tràng Định, ngày 20 tháng 02 năm 2026');
    expect(decision).toContain('ỦY BAN NHÂN DÂN XÃ TRÀNG ĐỊNH');
    expect(decision).not.toMatch(/HUYỆN|huyện/);

    const annexPdf = path.join(data, 'pl-25.pdf');
    expect((await cliAsync(['export', 'annex', '--decision', '25/QĐ-UBND', '--format', 'pdf', '--out', annexPdf, '--data', data])).code).toBe(EXIT.ok);
    const annex = pdfText(annexPdf);
    expect(annex).toMatch(/ỦY BAN NHÂN DÂN\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\s+XÃ TRÀNG ĐỊNH/);
    expect(annex).toContain('của Ủy ban nhân dân xã Tràng Định)');
    expect(fs.statSync(annexPdf).size).toBeGreaterThan(0);
  }, 180_000);

  it('an unknown code names the communes and the districts it accepts; a commune office refuses the district sample', () => {
    const wrong = cli(['init', '--office', '06999', '--data', tempDir()]);
    expect(wrong.code).toBe(EXIT.validation);
    expect(wrong.err).toContain('06046 (Xã Tràng Định)');
    expect(wrong.err).toContain('180 (Huyện Tràng Định)');
    const other = tempDir();
    expect(cli(['init', '--office', '06040', '--data', other]).out).toContain('Xã: Xã Thất Khê (mã 06040)');
    const refused = cli(['seed-demo', '--data', other]);
    expect(refused.code).toBe(EXIT.validation);
    expect(refused.err).toContain('init --office 06046');
  });
});
