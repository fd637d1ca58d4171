import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../../electron/cli/cli';
import { tempDir } from './helpers';

function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('CLI', () => {
  it('init --office 180 then info --json: the office is a pilot, with schema version and catalog counts', () => {
    const data = tempDir();
    const init = cli(['init', '--office', '180', '--data', data, '--json']);
    expect(init.code).toBe(EXIT.ok);
    expect(JSON.parse(init.out)).toMatchObject({ districtCode: '180', pilot: true });
    const info = cli(['info', '--data', data, '--json']);
    expect(info.code).toBe(EXIT.ok);
    const value = JSON.parse(info.out);
    expect(value.office).toMatchObject({ districtCode: '180', districtName: 'Huyện Tràng Định', pilot: true });
    expect(value.schemaVersion).toBe(2);
    expect(value.catalog).toEqual([
      expect.objectContaining({ periodCode: '2021-2025', programs: 3, rows: 62 }),
      expect.objectContaining({ periodCode: '2026-2035', programs: 1, rows: 3 }),
    ]);
    expect(value.units).toEqual([expect.objectContaining({ dataset: '2024-11', count: 212 }), expect.objectContaining({ dataset: '2025-07', count: 65 })]);
  });

  it('init --office 184 (Văn Quan) is not a pilot', () => {
    const data = tempDir();
    expect(cli(['init', '--office', '184', '--data', data]).code).toBe(EXIT.ok);
    expect(JSON.parse(cli(['info', '--data', data, '--json']).out).office.pilot).toBe(false);
  });

  it('an unknown district code exits 1 with a clear message and leaves no database', () => {
    const data = tempDir();
    const result = cli(['init', '--office', '999', '--data', data]);
    expect(result.code).toBe(EXIT.validation);
    expect(result.err).toContain('Mã huyện: "999" không có trong danh mục');
    expect(fs.existsSync(path.join(data, 'so-von.sqlite'))).toBe(false);
  });

  it('usage errors exit 2; info before init exits 1', () => {
    expect(cli([]).code).toBe(EXIT.usage);
    expect(cli(['frobnicate']).code).toBe(EXIT.usage);
    expect(cli(['init']).code).toBe(EXIT.usage);
    expect(cli(['assignments', 'list', '--data', tempDir()]).code).toBe(EXIT.usage);
    expect(cli(['init', '--bogus-flag']).code).toBe(EXIT.usage);
    const info = cli(['info', '--data', tempDir()]);
    expect(info.code).toBe(EXIT.validation);
    expect(info.err).toContain('OFFICE_NOT_INITIALIZED');
  });

  it('seed-demo then assignments list --year 2024 prints the lines', () => {
    const data = tempDir();
    expect(cli(['seed-demo', '--data', data]).code).toBe(EXIT.ok);
    const list = cli(['assignments', 'list', '--year', '2024', '--data', data, '--json']);
    expect(list.code).toBe(EXIT.ok);
    const sheet = JSON.parse(list.out);
    expect(sheet.lines.length).toBeGreaterThan(10);
    expect(sheet.totals.grandDong).toBe(sheet.lines.reduce((a: number, l: { amountDong: number }) => a + l.amountDong, 0));
    expect(cli(['assignments', 'list', '--year', '2024', '--data', data]).out).toContain('Tổng cộng:');
  });

  it('refuses a database from a newer version with its error code', async () => {
    const data = tempDir();
    expect(cli(['init', '--office', '180', '--data', data]).code).toBe(EXIT.ok);
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path.join(data, 'so-von.sqlite'));
    db.pragma('user_version = 99');
    db.close();
    const result = cli(['info', '--data', data, '--json']);
    expect(result.code).toBe(EXIT.validation);
    expect(JSON.parse(result.out).error.code).toBe('DB_FROM_FUTURE');
  });
});
