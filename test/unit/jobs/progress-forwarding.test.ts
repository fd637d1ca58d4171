// The desktop shell pushes the jobs' progress to its window (electron/main cannot run here: its pure part is tested).
import { describe, expect, it } from 'vitest';
import { forwardJobEvents, type ProgressTarget } from '../../../electron/main/ipc-router';
import { createJobRegistry } from '../../../electron/core/jobs/registry';
import { API_PROGRESS_CHANNEL } from '../../../shared/api/channels';
import type { JobEvent } from '../../../shared/api/jobs';

const APP = 'file:///C:/Program%20Files/Sovon/resources/app.asar/dist/index.html';

function window(url: string) {
  const sent: [string, JobEvent][] = [];
  const target: ProgressTarget & { url: string; destroyed: boolean; sent: typeof sent } = {
    url,
    destroyed: false,
    sent,
    isDestroyed: () => target.destroyed,
    getURL: () => target.url,
    send: (channel, event) => sent.push([channel, event]),
  };
  return target;
}

describe('forwardJobEvents', () => {
  it('sends each job event to the app page on the progress channel, not to a page that navigated away, and stops with the window', () => {
    const jobs = createJobRegistry();
    const target = window(`${APP}#/trao-doi`);
    forwardJobEvents(jobs.subscribe, target, APP);
    const job = jobs.begin('nhap-1', 'Đọc tệp Excel');
    job.report(3, 9);
    expect(target.sent.map(([channel, e]) => [channel, e.jobId, e.done, e.total])).toEqual([
      [API_PROGRESS_CHANNEL, 'nhap-1', 0, null],
      [API_PROGRESS_CHANNEL, 'nhap-1', 3, 9],
    ]);
    target.url = 'https://example.com/';
    job.report(6, 9);
    expect(target.sent).toHaveLength(2);
    target.url = APP;
    target.destroyed = true;
    job.report(9, 9);
    target.destroyed = false;
    job.end();
    // Once the window was found destroyed, the subscription ended.
    expect(target.sent).toHaveLength(2);
  });
});
