import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/database';
import { defaultResourcesDir } from '../../../electron/core/paths';
import { tempDir } from '../../support/helpers';
import { addLines, assign, call, draft, expectOk, issue, line, officeCore, SIGNER } from '../../support/ledger-helpers';

describe('signers managed after the first run (Cài đặt)', () => {
  it('roles are data: the UBND and HĐND chairs and vice-chairs', () => {
    const core = officeCore();
    const list = call(core, 'signers.list', {});
    expect(list.roles.map((r) => [r.code, r.body, r.defaultTitle])).toEqual([
      ['ubnd_chu_tich', 'UBND', 'Chủ tịch UBND huyện'],
      ['ubnd_pho_chu_tich', 'UBND', 'Phó Chủ tịch UBND huyện'],
      ['hdnd_chu_tich', 'HDND', 'Chủ tịch HĐND huyện'],
      ['hdnd_pho_chu_tich', 'HDND', 'Phó Chủ tịch HĐND huyện'],
    ]);
    // The titles given at setup name their roles.
    expect(list.signers.map((s) => s.roleCode)).toEqual(['ubnd_chu_tich', 'ubnd_pho_chu_tich', 'hdnd_chu_tich']);
  });

  it('add, change title, retire and bring back; an issued decision keeps the signer it was issued with', () => {
    const core = officeCore();
    assign(core, 2024, 'GNBV.DA2', 'NSTW', 'SN', 1_000);
    const id = draft(core);
    addLines(core, id, [line('GNBV.DA2', 400)]);
    expectOk(issue(core, id, '2024-03-15', SIGNER.ubndVice));

    const renamed = call(core, 'signers.update', { id: SIGNER.ubndVice, patch: { title: 'Chủ tịch UBND huyện', roleCode: 'ubnd_chu_tich' } });
    expect(renamed).toMatchObject({ name: 'Nông Thị Lan', title: 'Chủ tịch UBND huyện', roleCode: 'ubnd_chu_tich', retiredOn: null });
    expect(call(core, 'decisions.get', { id }).header).toMatchObject({ signerName: 'Nông Thị Lan', signerTitle: 'Phó Chủ tịch UBND huyện' });

    const added = call(core, 'signers.add', { name: 'Vi Văn Tuấn', title: 'Phó Chủ tịch HĐND huyện', roleCode: 'hdnd_pho_chu_tich' });
    expect(added).toMatchObject({ roleCode: 'hdnd_pho_chu_tich', sample: false, retiredOn: null });

    const retired = call(core, 'signers.retire', { id: SIGNER.ubndChair, retired: true });
    expect(retired.retiredOn).toBe('2024-03-01');
    expect(call(core, 'app.info', {}).office!.signers.map((s) => s.name)).toEqual(['Nông Thị Lan', 'Lương Văn Hải', 'Vi Văn Tuấn']);
    expect(call(core, 'signers.list', {}).signers.map((s) => s.name)).toContain('Hoàng Văn Minh');

    const next = draft(core, { docDate: '2024-04-01' });
    addLines(core, next, [line('GNBV.DA2', 100)]);
    const refused = issue(core, next, '2024-04-01', SIGNER.ubndChair);
    expect(refused).toMatchObject({ ok: false, error: { code: 'SIGNER_RETIRED' } });
    expect(!refused.ok && refused.error.message).toContain('Hoàng Văn Minh');
    call(core, 'signers.retire', { id: SIGNER.ubndChair, retired: false });
    expectOk(issue(core, next, '2024-04-01', SIGNER.ubndChair));

    const audit = core.db.prepare("SELECT command AS action FROM audit_log WHERE command LIKE 'signers.%' ORDER BY id").all() as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(['signers.update', 'signers.add', 'signers.retire', 'signers.reinstate']);
  });

  it('a signer changed to an unknown role is refused by the contract, nothing written', () => {
    const core = officeCore();
    expect(core.invoke('signers.update', { id: 1, patch: { roleCode: 'truong_phong' } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(core.invoke('signers.update', { id: 99, patch: { title: 'x' } })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_SIGNER' } });
  });
});

describe('signer matches issuer (issue 17, point 3)', () => {
  it('an NQ-HĐND signed by the UBND chair is refused at issue, the message naming the HĐND chair', () => {
    const core = officeCore();
    assign(core, 2024, 'GNBV.DA2', 'NSTW', 'SN', 1_000);
    const id = draft(core, { issuer: 'HDND' });
    addLines(core, id, [line('GNBV.DA2', 400)]);
    const refused = issue(core, id, '2024-03-15', SIGNER.ubndChair);
    expect(refused).toMatchObject({ ok: false, error: { code: 'SIGNER_NOT_FOR_ISSUER' } });
    expect(!refused.ok && refused.error.message).toContain('Chủ tịch HĐND huyện');
    expect(!refused.ok && refused.error.message).toContain('KT. CHỦ TỊCH');
    expect(call(core, 'decisions.get', { id }).header.status).toBe('draft');
    // The HĐND's vice-chair may sign for the chair (KT. CHỦ TỊCH); the breakdown needs the province's delegation (rule 7).
    call(core, 'delegations.create', { basisNumber: '12/2024/NQ-HĐND', basisDate: '2024-02-10', basisIssuer: 'HĐND tỉnh Lạng Sơn', firstYear: 2024, lastYear: 2024 });
    const vice = call(core, 'signers.add', { name: 'Vi Văn Tuấn', title: 'Phó Chủ tịch HĐND huyện', roleCode: 'hdnd_pho_chu_tich' });
    expect(issue(core, id, '2024-03-15', vice.id)).toMatchObject({ ok: true, value: { header: { signerName: 'Vi Văn Tuấn' } } });
  });

  it('a QĐ-UBND signed by the HĐND chair is refused, naming the UBND chair or a vice-chair; a UBND vice-chair signs it', () => {
    const core = officeCore();
    assign(core, 2024, 'GNBV.DA2', 'NSTW', 'SN', 1_000);
    const id = draft(core);
    addLines(core, id, [line('GNBV.DA2', 400)]);
    const refused = issue(core, id, '2024-03-15', SIGNER.hdndChair);
    expect(refused).toMatchObject({ ok: false, error: { code: 'SIGNER_NOT_FOR_ISSUER' } });
    expect(!refused.ok && refused.error.message).toContain('Chủ tịch UBND huyện');
    expectOk(issue(core, id, '2024-03-15', SIGNER.ubndVice));
  });

  it('a signer whose title names no role cannot sign until a role is given', () => {
    const core = officeCore();
    const clerk = call(core, 'signers.add', { name: 'Hà Thị Mai', title: 'Trưởng phòng TC-KH', roleCode: 'ubnd_pho_chu_tich' });
    // As migration 0007 leaves a signer whose old title named no role.
    core.db.prepare('UPDATE signer SET role_code = NULL WHERE id = ?').run(clerk.id);
    assign(core, 2024, 'GNBV.DA2', 'NSTW', 'SN', 1_000);
    const id = draft(core);
    addLines(core, id, [line('GNBV.DA2', 400)]);
    const refused = issue(core, id, '2024-03-15', clerk.id);
    expect(!refused.ok && refused.error.message).toContain('chưa được gán vai trò ký');
  });
});

describe('migration 0007_signer_roles', () => {
  it('gives the signers of an older file the role their title names; one naming none waits for a role', () => {
    const real = path.join(defaultResourcesDir(), 'migrations');
    const upTo = (version: number) => {
      const dir = tempDir('sovon-migrations-');
      for (const file of fs.readdirSync(real)) if (Number(file.slice(0, 4)) <= version) fs.copyFileSync(path.join(real, file), path.join(dir, file));
      return dir;
    };
    const dir = tempDir();
    const open = (migrationsDir: string) => openDatabase({ file: path.join(dir, 'db.sqlite'), migrationsDir, backupDir: path.join(dir, 'backups'), create: true });
    const v6 = open(upTo(6)).db;
    const titles = ['Chủ tịch UBND huyện', 'Phó Chủ tịch UBND huyện', 'Chủ tịch HĐND huyện', 'Phó Chủ tịch HĐND huyện', 'Trưởng phòng Tài chính - Kế hoạch'];
    titles.forEach((t, i) => v6.prepare('INSERT INTO signer (name, title, sort_order) VALUES (?, ?, ?)').run(`Người ${i}`, t, i));
    v6.close();
    const { db, migration } = open(upTo(7));
    expect(migration).toMatchObject({ from: 6, to: 7 });
    expect((db.prepare('SELECT role_code, sample, retired_on FROM signer ORDER BY id').all() as { role_code: string | null }[]).map((r) => r.role_code)).toEqual([
      'ubnd_chu_tich',
      'ubnd_pho_chu_tich',
      'hdnd_chu_tich',
      'hdnd_pho_chu_tich',
      null,
    ]);
    db.close();
  });
});
