// Background jobs (issue 20): the registry's status, cancellation and the events it pushes to the hosts, then the
// treasury statement (KBNN) import, which had neither progress nor cancel: both, and a cancelled commit writes nothing.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { JobEvent } from '../../../shared/api/jobs';
import { createJobRegistry, runAsJob } from '../../../electron/core/jobs/registry';
import { count, tempDir, testCore } from '../../support/helpers';
import { call } from '../../support/ledger-helpers';

describe('job registry', () => {
  it('reports a job while it runs, pushes each change to its listeners and forgets the job once it ended', () => {
    const jobs = createJobRegistry();
    const seen: JobEvent[] = [];
    const stop = jobs.subscribe((event) => seen.push(event));
    const job = jobs.begin('nhap-1', 'Đọc tệp Excel');
    job.report(10, 40);
    job.report(10, 40); // the same figures again are not pushed twice
    job.report(40, 40);
    expect(jobs.status('nhap-1')).toEqual({ jobId: 'nhap-1', label: 'Đọc tệp Excel', done: 40, total: 40, cancelled: false });
    expect(jobs.active().map((j) => j.jobId)).toEqual(['nhap-1']);
    job.end();
    expect(jobs.status('nhap-1')).toBeNull();
    expect(jobs.active()).toEqual([]);
    expect(seen.map((e) => [e.done, e.total, e.ended])).toEqual([
      [0, null, false],
      [10, 40, false],
      [40, 40, false],
      [40, 40, true],
    ]);
    stop();
    jobs.begin('nhap-2', 'Đọc tệp Excel').end();
    expect(seen).toHaveLength(4);
  });

  it('cancels a running job: its signal aborts, the next step throws CANCELLED, the listeners hear of it; an unknown job is not cancelled', async () => {
    const jobs = createJobRegistry();
    const seen: JobEvent[] = [];
    jobs.subscribe((event) => seen.push(event));
    const running = runAsJob(jobs, 'nhap-1', 'Nhập tệp Excel', async (job) => {
      job.report(1, 100);
      await new Promise((resolve) => setImmediate(resolve));
      job.throwIfCancelled();
      return 'đã ghi';
    });
    expect(jobs.cancel('khong-co')).toBe(false);
    expect(jobs.cancel('nhap-1')).toBe(true);
    expect(jobs.status('nhap-1')?.cancelled).toBe(true);
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED', message: 'Đã huỷ: Nhập tệp Excel. Không có gì được ghi.' });
    expect(jobs.status('nhap-1')).toBeNull();
    expect(seen.some((e) => e.cancelled && !e.ended)).toBe(true);
    expect(seen.at(-1)).toMatchObject({ jobId: 'nhap-1', ended: true });
  });

  it('drops a listener that throws (a closed page) and goes on with the job', () => {
    const jobs = createJobRegistry();
    const seen: number[] = [];
    jobs.subscribe(() => {
      throw new Error('trang đã đóng');
    });
    jobs.subscribe((event) => seen.push(event.done));
    const job = jobs.begin(undefined, 'Đọc sao kê KBNN');
    job.report(5, 10);
    job.end();
    expect(seen).toEqual([0, 5, 5]);
  });
});

/** A small treasury statement of the demo office's July figures. */
async function statement(): Promise<{ fileName: string; base64: string }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sao kê');
  ws.addRow(['KHO BẠC NHÀ NƯỚC TRÀNG ĐỊNH']);
  ws.addRow(['BẢNG SAO KÊ TÌNH HÌNH GIẢI NGÂN VỐN CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA']);
  ws.addRow(['Đơn vị: đồng']);
  ws.addRow([]);
  ws.addRow(['STT', 'Mã dự án', 'Tên dự án, nội dung', 'Nguồn vốn', 'Loại vốn', 'Năm nguồn vốn', 'Lũy kế giải ngân đến ngày 31/07/2024']);
  ws.addRow([1, 'TD-2024-01', 'Công trình nước sinh hoạt tập trung thôn Nà Lùng', 'NSTW', 'ĐTPT', '2024', 2_100_000_000]);
  ws.addRow([2, 'DTTS.DA4.TDA1', 'Đầu tư cơ sở hạ tầng thiết yếu', 'Ngân sách trung ương', 'Đầu tư phát triển', '2024', 5_900_000_000]);
  const file = path.join(tempDir(), 'sao-ke-07-2024.xlsx');
  await wb.xlsx.writeFile(file);
  return { fileName: 'sao-ke-07-2024.xlsx', base64: fs.readFileSync(file).toString('base64') };
}

describe('KBNN statement import as a job', () => {
  it('pushes its progress under the job id the page gave', async () => {
    const core = testCore();
    call(core, 'demo.seed', {});
    const seen: JobEvent[] = [];
    core.onJobEvent((event) => seen.push(event));
    const analyzed = await core.invokeAsync('disbursement.analyze', { ...(await statement()), jobId: 'kbnn-1' });
    expect(analyzed.ok).toBe(true);
    const mine = seen.filter((e) => e.jobId === 'kbnn-1');
    expect(mine[0]).toMatchObject({ label: 'Đọc sao kê KBNN', done: 0, ended: false });
    expect(mine.some((e) => e.total !== null && e.total > 0 && e.done === e.total)).toBe(true);
    expect(mine.at(-1)?.ended).toBe(true);
  });

  it('is cancelled through jobs.cancel while it reads: CANCELLED, and nothing is written', async () => {
    const core = testCore();
    call(core, 'demo.seed', {});
    const file = await statement();
    const preview = await core.invokeAsync('disbursement.analyze', file);
    if (!preview.ok) throw new Error(preview.error.message);
    const before = { entries: count(core, 'disbursement'), imports: count(core, 'disbursement_import'), audit: count(core, 'audit_log') };
    // The officer presses Huỷ as soon as the reading reports its size.
    core.onJobEvent((event) => {
      if (event.jobId === 'kbnn-2' && event.total !== null && !event.cancelled) core.invoke('jobs.cancel', { jobId: 'kbnn-2' });
    });
    const committed = await core.invokeAsync('disbursement.commit', { ...file, expectedSha256: preview.value.sha256, jobId: 'kbnn-2' });
    expect(committed).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: 'Đã huỷ: Nhập sao kê KBNN. Không có gì được ghi.' } });
    expect({ entries: count(core, 'disbursement'), imports: count(core, 'disbursement_import'), audit: count(core, 'audit_log') }).toEqual(before);
    expect(core.invoke('jobs.status', { jobId: 'kbnn-2' })).toEqual({ ok: true, value: null });
    // Not cancelled, the same statement is written.
    expect((await core.invokeAsync('disbursement.commit', { ...file, expectedSha256: preview.value.sha256 })).ok).toBe(true);
    expect(count(core, 'disbursement_import')).toBe(before.imports + 1);
  });
});
