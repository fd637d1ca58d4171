// The allocation report read back by independent readers (LibreOffice for the numbers and their display,
// openpyxl for the page setup), against totals worked out by hand from the demo's figures
// (resources/seed/demo-trang-dinh-2024*.csv): assigned, allocated by QĐ 215 and NQ 19, re-planned by NQ 28.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import type { MoneyUnit } from '../../../shared/money/dong';
import { tempDir, testCore } from '../../support/helpers';
import { call } from '../../support/ledger-helpers';
import { LIBREOFFICE_TIMEOUT, sheetsAsCsv } from '../../support/libreoffice';

const M = 1_000_000;
const DTTS = 'Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2021 - 2030, giai đoạn I: từ năm 2021 đến năm 2025';
const GNBV = 'Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025';
const NTM = 'Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025';

// Assigned (triệu): DTTS 3.850 + 6.120 + 28.450 + 2.845 + 1.730 + 2.215,5 + 4.120 (vốn 2023) + 221,55 (NS tỉnh đối ứng SN) = 49.552,05;
// GNBV 9.870 + 1.540 + 1.120 + 450 + 154 (NS tỉnh đối ứng SN) = 13.134; NTM 7.650 + 765 + 980 + 98 (NS tỉnh đối ứng SN) = 9.493;
// in all 49.552,05 + 13.134 + 9.493 = 72.179,05.
const ASSIGNED = { DTTS: 49_552.05 * M, GNBV: 13_134 * M, NTM: 9_493 * M, total: 72_179.05 * M };
// QĐ 215 (15/3): DTTS 1.250 + 1.100 + 1.500 + 6.120 + 28.450 + 2.845 + 900 + 830 + 2.215,5 = 45.210,5;
// GNBV 9.870 + 1.540 + 1.120 + 450 = 12.980; NTM 7.650 + 765 + 480 + 500 = 9.395; in all 67.585,5.
// NQ 19 (25/7), NS tỉnh đối ứng SN to the units: DTTS 161,55 + 60 = 221,55; GNBV 104 + 50 = 154; NTM 58 + 40 = 98; in all 473,55.
// NQ 28 (20/9) moves 300 from GNBV.DA4.TDA2 (LĐTBXH) to DTTS.DA1.ND2 (xã Đào Viên): a re-plan between programs.
const ALLOCATED_JUNE = { DTTS: 45_210.5 * M, GNBV: 12_980 * M, NTM: 9_395 * M, total: 67_585.5 * M };
// DTTS 45.210,5 + 221,55 + 300 = 45.732,05; GNBV 12.980 + 154 − 300 = 12.834; NTM 9.395 + 98 = 9.493; in all 67.585,5 + 473,55 = 68.059,05.
const ALLOCATED_YEAR = { DTTS: 45_732.05 * M, GNBV: 12_834 * M, NTM: 9_493 * M, total: 68_059.05 * M };
// Remaining at the end of the year: 72.179,05 − 68.059,05 = 4.120, the 2023 money; on 30/6 (before NQ 19) also the
// NS tỉnh đối ứng SN: DTTS 4.120 + 221,55 = 4.341,55, GNBV 154, NTM 98, in all 72.179,05 − 67.585,5 = 4.593,55.
const REMAINING_JUNE = { DTTS: 4_341.55 * M, GNBV: 154 * M, NTM: 98 * M, total: 4_593.55 * M };

function seeded(): Core {
  const core = testCore();
  call(core, 'demo.seed', {});
  return core;
}

async function reportFile(core: Core, asOf: string, unit?: MoneyUnit): Promise<string> {
  const result = await core.invokeAsync('exchange.exportReport', { year: 2024, asOf, ...(unit ? { unit } : {}) });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  expect(result.value.fileName).toBe(`bao-cao-phan-bo-von-2024-den-${asOf}.xlsx`);
  const file = path.join(tempDir('sovon-report-'), result.value.fileName);
  fs.writeFileSync(file, Buffer.from(result.value.base64, 'base64'));
  return file;
}

/** The row whose column B (the label) is the text, as numbers from column `from` on. */
function numbersOf(sheet: string[][], label: string, from: number, occurrence = 0): number[] {
  const rows = sheet.filter((r) => r[1] === label);
  const row = rows[occurrence];
  if (!row) throw new Error(`no row "${label}"`);
  return row.slice(from).map((cell) => (cell === '' ? 0 : Number(cell)));
}

/** vi-VN "71.705,5" or, from a LibreOffice running in English, "71,705.5". */
const shownAs = (actual: string | undefined, vi: string): boolean => actual === vi || actual === vi.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));

describe('allocation report (exchange.exportReport)', () => {
  it(
    'LibreOffice reads totals per program, component and commune equal to the figures worked out from the demo',
    async () => {
      const core = seeded();
      const values = sheetsAsCsv(await reportFile(core, '2024-12-31', 'trieu'), false);
      expect([...values.keys()].sort()).toEqual(['Theo chương trình', 'Theo hợp phần', 'Theo xã']);

      // Theo chương trình: assigned, HĐND re-plan, allocated, remaining, rate (columns E…I).
      const programs = values.get('Theo chương trình')!;
      expect(programs[4]!.slice(0, 5)).toEqual(['STT', 'Chương trình, nguồn vốn', 'Loại vốn', 'Vốn năm', 'Vốn được giao']);
      expect(numbersOf(programs, 'TỔNG CỘNG', 4).slice(0, 4)).toEqual([ASSIGNED.total, 0, ALLOCATED_YEAR.total, 4_120 * M]);
      // The rate is allocated ÷ assigned: 68.059,05 ÷ 72.179,05 = 94,2919…%.
      expect(programs[5]![8]).toMatch(/^94\.2919\d*%$/);
      expect(numbersOf(programs, DTTS, 4).slice(0, 4)).toEqual([ASSIGNED.DTTS, 300 * M, ALLOCATED_YEAR.DTTS, 4_120 * M]);
      expect(numbersOf(programs, GNBV, 4).slice(0, 4)).toEqual([ASSIGNED.GNBV, -300 * M, ALLOCATED_YEAR.GNBV, 0]);
      expect(numbersOf(programs, NTM, 4).slice(0, 4)).toEqual([ASSIGNED.NTM, 0, ALLOCATED_YEAR.NTM, 0]);
      // DTTS, NSTW SN 2024: 3.850 + 1.730 + 2.215,5 assigned, 300 more by NQ 28; the 2023 money is not allocated.
      const dttsSn = programs.find((r) => r[1] === 'Ngân sách trung ương' && r[2] === 'SN' && r[3] === '2024')!;
      expect(dttsSn.slice(4, 8).map(Number)).toEqual([7_795.5 * M, 300 * M, 8_095.5 * M, 0]);
      // DTTS, NS tỉnh đối ứng SN 2024: 221,55 assigned, all of it broken down by NQ 19.
      const dttsCounterpartSn = programs.find((r) => r[1] === 'Ngân sách tỉnh đối ứng' && r[2] === 'SN' && r[3] === '2024')!;
      expect(dttsCounterpartSn.slice(4, 8).map(Number)).toEqual([221.55 * M, 0, 221.55 * M, 0]);
      const carried = programs.find((r) => r[3] === '2023')!;
      expect(carried.slice(4, 8).map(Number)).toEqual([4_120 * M, 0, 0, 4_120 * M]);

      // Theo hợp phần: the tree sums to the same totals; the moved 300 shows on both components.
      const components = values.get('Theo hợp phần')!;
      expect(numbersOf(components, 'TỔNG CỘNG', 2).slice(0, 4)).toEqual([ASSIGNED.total, 0, ALLOCATED_YEAR.total, 4_120 * M]);
      const component = (code: string) => components.find((r) => r[0] === code)!.slice(2, 6).map(Number);
      expect(component('DTTS')).toEqual([ASSIGNED.DTTS, 300 * M, ALLOCATED_YEAR.DTTS, 4_120 * M]);
      expect(component('DTTS.DA1.ND2')).toEqual([3_850 * M, 300 * M, 4_150 * M, 0]);
      expect(component('GNBV.DA4.TDA2')).toEqual([450 * M, -300 * M, 150 * M, 0]);
      expect(component('DTTS.DA4.TDA1')).toEqual([37_145 * M, 0, 33_025 * M, 4_120 * M]);
      // DTTS.DA5.TDA1: NSTW 2.215,5 + NS tỉnh đối ứng 221,55 = 2.437,05, all allocated (QĐ 215, NQ 19).
      expect(component('DTTS.DA5.TDA1')).toEqual([2_437.05 * M, 0, 2_437.05 * M, 0]);

      // Theo xã: communes × programs; communes 1.250 + 1.100 + 1.800 + 900 + 830 + 480 + 500 = 6.860; the rest goes to
      // units and investors: 68.059,05 − 6.860 = 61.199,05 (DTTS 45.732,05 − 5.880 = 39.852,05, GNBV 12.834, NTM 9.493 − 980 = 8.513).
      const communes = values.get('Theo xã')!;
      expect(communes[4]!.slice(2)).toEqual(['Tổng cộng', DTTS, GNBV, NTM]);
      expect(numbersOf(communes, 'TỔNG CỘNG', 2)).toEqual([ALLOCATED_YEAR.total, ALLOCATED_YEAR.DTTS, ALLOCATED_YEAR.GNBV, ALLOCATED_YEAR.NTM]);
      expect(numbersOf(communes, 'Các xã, thị trấn', 2)).toEqual([6_860 * M, 5_880 * M, 0, 980 * M]);
      expect(numbersOf(communes, 'Cấp huyện, các đơn vị và chủ đầu tư', 2)).toEqual([61_199.05 * M, 39_852.05 * M, 12_834 * M, 8_513 * M]);
      expect(numbersOf(communes, 'Xã Đào Viên', 2)).toEqual([1_800 * M, 1_800 * M, 0, 0]);
      expect(numbersOf(communes, 'Thị trấn Thất Khê', 2)).toEqual([480 * M, 0, 0, 480 * M]);
      // LĐTBXH: GNBV.DA4.TDA2 450 − 300 (NQ 28) + GNBV.DA2 NS tỉnh đối ứng 50 (NQ 19) = 200.
      expect(numbersOf(communes, 'Phòng Lao động - Thương binh và Xã hội huyện Tràng Định', 2)).toEqual([200 * M, 0, 200 * M, 0]);

      // The ledger's own numbers agree with the hand-worked ones.
      const balance = call(core, 'ledger.balance', { year: 2024, asOf: '2024-12-31' });
      // Each money year on its own: the 2024 money fully allocated, the 2023 money carried over left as the province assigned it.
      const own = balance.groups.find((g) => g.originYear === 2024)!;
      const carriedOver = balance.groups.find((g) => g.originYear === 2023)!;
      expect([own.assignedDong + carriedOver.assignedDong, own.allocatedDong + carriedOver.allocatedDong, own.remainingDong + carriedOver.remainingDong]).toEqual([ASSIGNED.total, ALLOCATED_YEAR.total, 4_120 * M]);
      expect([own.remainingDong, carriedOver.remainingDong]).toEqual([0, 4_120 * M]);
    },
    LIBREOFFICE_TIMEOUT,
  );

  it(
    'as of 30/6/2024 (before NQ 19 and NQ 28) nothing is re-planned, the NS tỉnh đối ứng SN is not broken down yet and the 300 is still with LĐTBXH',
    async () => {
      const values = sheetsAsCsv(await reportFile(seeded(), '2024-06-30'), false);
      const programs = values.get('Theo chương trình')!;
      expect(numbersOf(programs, 'TỔNG CỘNG', 4).slice(0, 4)).toEqual([ASSIGNED.total, 0, ALLOCATED_JUNE.total, REMAINING_JUNE.total]);
      expect(numbersOf(programs, DTTS, 4).slice(0, 4)).toEqual([ASSIGNED.DTTS, 0, ALLOCATED_JUNE.DTTS, REMAINING_JUNE.DTTS]);
      expect(numbersOf(programs, GNBV, 4).slice(0, 4)).toEqual([ASSIGNED.GNBV, 0, ALLOCATED_JUNE.GNBV, REMAINING_JUNE.GNBV]);
      expect(numbersOf(programs, NTM, 4).slice(0, 4)).toEqual([ASSIGNED.NTM, 0, ALLOCATED_JUNE.NTM, REMAINING_JUNE.NTM]);
      const communes = values.get('Theo xã')!;
      expect(numbersOf(communes, 'TỔNG CỘNG', 2)).toEqual([ALLOCATED_JUNE.total, ALLOCATED_JUNE.DTTS, ALLOCATED_JUNE.GNBV, ALLOCATED_JUNE.NTM]);
      expect(numbersOf(communes, 'Xã Đào Viên', 2)).toEqual([1_500 * M, 1_500 * M, 0, 0]);
      expect(numbersOf(communes, 'Phòng Lao động - Thương binh và Xã hội huyện Tràng Định', 2)).toEqual([450 * M, 0, 450 * M, 0]);
    },
    LIBREOFFICE_TIMEOUT,
  );

  it(
    'shows the amounts in the chosen unit (triệu with the decimals needed, nghìn, đồng) while the cells hold exact đồng',
    async () => {
      const core = seeded();
      const expectations: Record<MoneyUnit, { total: string; dttsSn: string }> = {
        trieu: { total: '72.179,05', dttsSn: '7.795,5' },
        nghin: { total: '72.179.050', dttsSn: '7.795.500' },
        dong: { total: '72.179.050.000', dttsSn: '7.795.500.000' },
      };
      for (const unit of ['trieu', 'nghin', 'dong'] as const) {
        const shown = sheetsAsCsv(await reportFile(core, '2024-12-31', unit), true).get('Theo chương trình')!;
        expect(shown[3]![0]).toBe(`Đơn vị tính: ${{ trieu: 'triệu đồng', nghin: 'nghìn đồng', dong: 'đồng' }[unit]}`);
        const total = shown.find((r) => r[1] === 'TỔNG CỘNG')!;
        expect(shownAs(total[4], expectations[unit].total), `${unit}: ${total[4]}`).toBe(true);
        expect(total[5]).toBe(''); // zero shows blank
        // 68.059,05 ÷ 72.179,05 = 94,29…% to one decimal.
        expect(shownAs(total[8], '94,3%'), `${unit}: ${total[8]}`).toBe(true);
        const dttsSn = shown.find((r) => r[1] === 'Ngân sách trung ương' && r[2] === 'SN' && r[3] === '2024')!;
        expect(shownAs(dttsSn[4], expectations[unit].dttsSn), `${unit}: ${dttsSn[4]}`).toBe(true);
      }
    },
    LIBREOFFICE_TIMEOUT * 2,
  );

  it('says below the table when an amount shows rounded in the unit (triệu to three decimals), and only then', async () => {
    const core = seeded();
    const notes = async (unit: MoneyUnit) => {
      const result = await core.invokeAsync('exchange.exportReport', { year: 2024, asOf: '2024-12-31', unit });
      if (!result.ok) throw new Error(result.error.message);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(result.value.base64, 'base64') as unknown as ExcelJS.Buffer);
      return wb.worksheets.map((ws) => ws.getSheetValues().flat().some((v) => typeof v === 'string' && v.startsWith('Ghi chú: số liệu hiển thị làm tròn')));
    };
    expect(await notes('trieu')).toEqual([false, false, false]);
    call(core, 'assignments.create', { year: 2024, componentCode: 'NTM.ND05', sourceCode: 'NSTW', capitalType: 'SN', amount: { dong: 1_234_567 } });
    // Only assignments changed: the commune sheet (allocations) stays exact.
    expect(await notes('trieu')).toEqual([true, true, false]);
    expect(await notes('dong')).toEqual([false, false, false]);
  });

  it('openpyxl reads the page setup: A4 landscape fitted to the width, header frozen and repeated, title rows; the export is in the history', async () => {
    const core = seeded();
    const file = await reportFile(core, '2024-12-31', 'trieu');
    const script = `import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps([{"name": ws.title, "freeze": ws.freeze_panes, "titles": ws.print_title_rows, "orientation": ws.page_setup.orientation,
  "paper": ws.page_setup.paperSize, "fitWidth": ws.page_setup.fitToWidth, "fitHeight": ws.page_setup.fitToHeight, "fit": ws.sheet_properties.pageSetUpPr.fitToPage,
  "title": ws.cell(2, 1).value, "unit": ws.cell(4, 1).value, "total": [ws.cell(6, c).value for c in range(1, ws.max_column + 1)],
  "formats": sorted(set(ws.cell(r, c).number_format for r in range(6, ws.max_row + 1) for c in range(1, ws.max_column + 1) if isinstance(ws.cell(r, c).value, int)))}
  for ws in wb.worksheets], ensure_ascii=False))`;
    const sheets = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' })) as {
      name: string;
      freeze: string;
      titles: string;
      orientation: string;
      paper: number;
      fitWidth: number;
      fitHeight: number;
      fit: boolean;
      title: string;
      unit: string;
      total: (string | number | null)[];
      formats: string[];
    }[];
    for (const s of sheets) {
      expect(s).toMatchObject({ freeze: 'A6', titles: '$5:$5', orientation: 'landscape', paper: 9, fitWidth: 1, fitHeight: 0, fit: true, unit: 'Đơn vị tính: triệu đồng' });
      expect(s.title).toContain('NĂM 2024');
      expect(s.total).toContain('TỔNG CỘNG');
      // Integer cells are whole đồng shown in triệu (up to three decimals), plain numbers and years, or a rate of 0 or 100 %.
      for (const f of s.formats) expect(f, `${s.name}: ${f}`).toMatch(/^(General|0\.0%|#,##0(\.0{1,3})?,,;-#,##0(\.0{1,3})?,,;"")$/);
    }
    expect(sheets.map((s) => s.name)).toEqual(['Theo chương trình', 'Theo hợp phần', 'Theo xã']);
    expect(call(core, 'exchange.history', { year: 2024 })).toEqual([
      expect.objectContaining({ direction: 'export', kind: 'report', result: 'exported', totalDong: ALLOCATED_YEAR.total, fileName: 'bao-cao-phan-bo-von-2024-den-2024-12-31.xlsx' }),
    ]);
  });
});
