import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger } from '../../../electron/core/log';
import { createMainErrorReporter, mainErrorDialog } from '../../../electron/main/crash-report';
import { describeThrown, formatCrashDetails, isBenignError, type CrashReport } from '../../../renderer/app/crash-details';
import { tempDir } from '../../support/helpers';

const report = (over: Partial<CrashReport> = {}): CrashReport => ({
  kind: 'error',
  message: 'TypeError: x is undefined',
  stack: 'TypeError: x is undefined\n    at onClick (index.js:1:2)',
  componentStack: null,
  at: '2024-03-01T08:00:00.000Z',
  screen: '#/cai-dat',
  ...over,
});

describe('renderer error details ("Sao chép chi tiết")', () => {
  it('gives message, stack, time, version and screen of the first error, then the others', () => {
    const text = formatCrashDetails([report(), report({ kind: 'unhandledrejection', message: 'Error: mất kết nối', at: '2024-03-01T08:00:05.000Z' })], {
      appVersion: '0.1.0',
      userAgent: 'Chromium',
      screenLabel: 'Cài đặt & sao lưu',
    });
    expect(text).toContain('Phiên bản: 0.1.0');
    expect(text).toContain('Thời điểm: 2024-03-01T08:00:00.000Z');
    expect(text).toContain('Màn hình: Cài đặt & sao lưu (#/cai-dat)');
    expect(text).toContain('Thông báo: TypeError: x is undefined');
    expect(text).toContain('Stack:\nTypeError: x is undefined\n    at onClick (index.js:1:2)');
    expect(text).toContain('Các lỗi tiếp theo (1):\n- 2024-03-01T08:00:05.000Z Promise bị từ chối mà không được xử lý (unhandledrejection): Error: mất kết nối');
    expect(formatCrashDetails([report({ kind: 'render', componentStack: '\n    at Screen\n    at App' })], { appVersion: '1', userAgent: '', screenLabel: null })).toContain(
      'Component stack:\nat Screen\n    at App',
    );
    expect(formatCrashDetails([], { appVersion: '1', userAgent: '', screenLabel: null })).toBe('');
  });

  it('describes anything thrown; ignores the layout notices Chromium reports as errors', () => {
    expect(describeThrown(new RangeError('quá lớn'))).toMatchObject({ message: 'RangeError: quá lớn' });
    expect(describeThrown('chuỗi')).toEqual({ message: 'chuỗi', stack: null });
    expect(describeThrown({ code: 42 })).toEqual({ message: '{"code":42}', stack: null });
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(describeThrown(circular).message).toBe('[object Object]');
    expect(describeThrown(undefined).message).toBe('(không có thông tin lỗi)');
    expect(isBenignError('ResizeObserver loop completed with undelivered notifications.')).toBe(true);
    expect(isBenignError('Uncaught ResizeObserver loop limit exceeded')).toBe(true);
    expect(isBenignError('TypeError: ResizeObserver loop')).toBe(false);
  });
});

describe('main-process error net', () => {
  it('logs the stack to the log file and shows a Vietnamese dialog, at most once in the quiet interval', () => {
    const dir = tempDir();
    const shown: { title: string; content: string }[] = [];
    let clock = 1_000;
    const report = createMainErrorReporter({
      log: createFileLogger(dir),
      showErrorBox: (title, content) => shown.push({ title, content }),
      logFolder: dir,
      quietMs: 10_000,
      now: () => clock,
    });
    expect(report('uncaughtException', new TypeError('đọc thuộc tính của undefined'))).toBe(true);
    clock += 2_000;
    expect(report('unhandledRejection', 'từ chối không lý do')).toBe(false);
    clock += 10_000;
    expect(report('unhandledRejection', { code: 'EPERM' })).toBe(true);

    expect(shown).toHaveLength(2);
    expect(shown[0]!.title).toBe('Sổ vốn MTQG — đã xảy ra lỗi');
    expect(shown[0]!.content).toContain('Dữ liệu đã ghi vẫn an toàn');
    expect(shown[0]!.content).toContain('mở lại Sổ vốn MTQG');
    expect(shown[0]!.content).toContain(dir);
    expect(shown[0]!.content).toContain('Chi tiết kỹ thuật: đọc thuộc tính của undefined');
    expect(shown[0]!.content).not.toContain('    at ');
    const logged = fs.readFileSync(path.join(dir, 'so-von.log'), 'utf8');
    expect(logged).toMatch(/ERROR Lỗi chưa được xử lý trong tiến trình chính \(uncaughtException\)\nTypeError: đọc thuộc tính của undefined\n\s+at /);
    expect(logged).toContain('(unhandledRejection)\nError: từ chối không lý do');
    expect(logged).toContain('Error: {"code":"EPERM"}');
  });

  it('a dialog that cannot be shown is logged, not thrown', () => {
    const dir = tempDir();
    const report = createMainErrorReporter({
      log: createFileLogger(dir),
      showErrorBox: () => {
        throw new Error('chưa sẵn sàng');
      },
      logFolder: dir,
    });
    expect(report('uncaughtException', new Error('gốc'))).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'so-von.log'), 'utf8')).toContain('Không hiện được hộp thoại lỗi\nError: chưa sẵn sàng');
    expect(mainErrorDialog(new Error('x'.repeat(500)), dir).content).toContain(`Chi tiết kỹ thuật: ${'x'.repeat(200)}\n`.trimEnd());
  });
});

describe('log file rotation', () => {
  it('rotates past the size limit and keeps the configured number of old files', () => {
    const dir = tempDir();
    const log = createFileLogger(dir, { maxBytes: 1_000, kept: 3 });
    for (let i = 0; i < 200; i++) log.info(`dòng ${String(i).padStart(3, '0')} ${'x'.repeat(60)}`);
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual(['so-von.1.log', 'so-von.2.log', 'so-von.3.log', 'so-von.log']);
    for (const file of files) expect(fs.statSync(path.join(dir, file)).size).toBeLessThan(1_000 + 200);
    // The newest lines are in so-von.log, the ones before in so-von.1.log, and so on.
    const current = fs.readFileSync(path.join(dir, 'so-von.log'), 'utf8');
    const previous = fs.readFileSync(path.join(dir, 'so-von.1.log'), 'utf8');
    expect(current).toContain('dòng 199');
    const firstOf = (text: string) => Number(/dòng (\d{3})/.exec(text)![1]);
    expect(firstOf(previous)).toBeLessThan(firstOf(current));
    expect(firstOf(fs.readFileSync(path.join(dir, 'so-von.3.log'), 'utf8'))).toBeLessThan(firstOf(previous));
  });

  it('writes the default limit of 2 MB before rotating', () => {
    const dir = tempDir();
    const log = createFileLogger(dir);
    const line = 'y'.repeat(1_000);
    for (let i = 0; i < 2_000; i++) log.info(line);
    expect(fs.readdirSync(dir)).toEqual(['so-von.log']);
    for (let i = 0; i < 200; i++) log.info(line);
    expect(fs.readdirSync(dir).sort()).toEqual(['so-von.1.log', 'so-von.log']);
  });
});
