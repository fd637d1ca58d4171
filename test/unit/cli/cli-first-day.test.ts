import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../electron/cli/cli';
import { tempDir } from '../../support/helpers';
import { cliRun as cli, cliRunAsync as cliAsync } from '../../support/cli-capture';


describe('the command line as a new user walks it (issue 15, point 1)', () => {
  it('init --office 180 without signers, then seed-demo: sample signers marked "mẫu", three issued decisions', () => {
    const data = tempDir();
    expect(cli(['init', '--office', '180', '--data', data]).code).toBe(EXIT.ok);
    const seeded = cli(['seed-demo', '--data', data]);
    expect(seeded.err).toBe('');
    expect(seeded.code).toBe(EXIT.ok);
    const info = cli(['info', '--data', data]);
    expect(info.out).toContain('Người ký số 3: Lương Văn Hải — Chủ tịch HĐND huyện (mẫu)');
    const shown = cli(['decision', 'show', '28/NQ-HĐND', '--data', data]);
    expect(shown.out).toContain('Người ký: Lương Văn Hải — Chủ tịch HĐND huyện');
  });

  it('seed-demo keeps the office\'s own signers and adds a sample one only for the body it lacks', () => {
    const data = tempDir();
    expect(cli(['init', '--office', '180', '--signer', 'Đinh Văn Tú|Chủ tịch UBND huyện', '--data', data]).code).toBe(EXIT.ok);
    expect(cli(['seed-demo', '--data', data]).code).toBe(EXIT.ok);
    expect(cli(['decision', 'show', '215/QĐ-UBND', '--data', data]).out).toContain('Người ký: Đinh Văn Tú — Chủ tịch UBND huyện');
    const info = cli(['info', '--data', data]).out;
    expect(info).toContain('Lương Văn Hải — Chủ tịch HĐND huyện (mẫu)');
    expect(info).not.toContain('Nông Thị Lan');
  });

  it('decisions list shows the id; decision show, check-draft and export annex take the id or the number text', async () => {
    const data = tempDir();
    expect(cli(['seed-demo', '--data', data]).code).toBe(EXIT.ok);
    const list = cli(['decisions', 'list', '--data', data]).out;
    const row = list.split('\n').find((l) => l.includes('215/QĐ-UBND'))!;
    const id = row.split('\t')[0]!;
    expect(id).toMatch(/^\d+$/);
    const byId = cli(['decision', 'show', id, '--data', data]).out;
    expect(cli(['decision', 'show', '215/QĐ-UBND', '--data', data]).out).toBe(byId);
    // As typed on a keyboard without Vietnamese input, or with the year.
    expect(cli(['decision', 'show', '215/qd-ubnd', '--data', data]).out).toBe(byId);
    expect(cli(['decision', 'show', '215/2024/QĐ-UBND', '--data', data]).out).toBe(byId);
    const missing = cli(['decision', 'show', '216/QĐ-UBND', '--data', data]);
    expect(missing.code).toBe(EXIT.validation);
    expect(missing.err).toContain('216/QĐ-UBND');
    expect(cli(['check-draft', '215/QĐ-UBND', '--data', data]).err).toContain('DECISION_ISSUED');
    const out = path.join(data, 'phu-luc.xlsx');
    const exported = await cliAsync(['export', 'annex', '--decision', '215/QĐ-UBND', '--format', 'xlsx', '--out', out, '--data', data]);
    expect(exported.err).toBe('');
    expect(exported.code).toBe(EXIT.ok);
    expect(fs.statSync(out).size).toBeGreaterThan(5_000);
    const unknown = await cliAsync(['export', 'annex', '--decision', '9/NQ-HĐND', '--format', 'xlsx', '--out', path.join(data, 'x.xlsx'), '--data', data]);
    expect(unknown.code).toBe(EXIT.validation);
    expect(unknown.err).toContain('NOT_FOUND');
  });

  it.each([
    ['188', 'Huyện Lộc Bình'],
    ['184', 'Huyện Văn Quan'],
  ])('seed-demo on office %s says it is Tràng Định\'s sample and how to make that office; nothing written', (district, name) => {
    const data = tempDir();
    expect(cli(['init', '--office', district, '--data', data]).code).toBe(EXIT.ok);
    const refused = cli(['seed-demo', '--data', data]);
    expect(refused.code).toBe(EXIT.validation);
    expect(refused.err).toContain('DEMO_WRONG_DISTRICT');
    expect(refused.err).toContain('Huyện Tràng Định (mã 180)');
    expect(refused.err).toContain(`${name} (mã ${district})`);
    expect(refused.err).toContain('init --office 180 --data');
    expect(refused.err).not.toMatch(/UNKNOWN_RECIPIENT|at .*\.ts:/);
    expect(cli(['decisions', 'list', '--data', data]).out).toContain('Chưa có quyết định nào.');
    expect(cli(['info', '--data', data]).out).toContain('Người ký: chưa có');
  });
});
