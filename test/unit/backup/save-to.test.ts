// Issue 20: `backup --out` copied the database itself in the CLI; the copy to a named file is now the core's
// `backups.saveTo`, refused where the host does not let the core write local files (the web host).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/core';
import { tempDir } from '../../support/helpers';

function officeCore(readsFilePaths: boolean) {
  const dataDir = tempDir();
  const core = openCore({ dataDir, actor: 'test', readsFilePaths });
  const setup = core.invoke('office.setup', { districtCode: '180', signers: [{ name: 'Hoàng Văn Minh', title: 'Chủ tịch UBND huyện' }] });
  if (!setup.ok) throw new Error(setup.error.message);
  return { core, dataDir };
}

describe('backups.saveTo', () => {
  it('writes a consistent copy of the data to the file named, and nothing beside it', () => {
    const { core } = officeCore(true);
    const dir = tempDir();
    const file = path.join(dir, 'ban-sao.sqlite');
    const saved = core.invoke('backups.saveTo', { file });
    core.close();
    expect(saved.ok && saved.value).toMatchObject({ file, reason: 'thu-cong', sizeBytes: fs.statSync(file).size });
    expect(fs.readdirSync(dir)).toEqual(['ban-sao.sqlite']);
    const copy = new Database(file, { readonly: true });
    try {
      expect((copy.prepare('SELECT u.code FROM office o JOIN admin_unit u ON u.id = o.district_unit_id').get() as { code: string }).code).toBe('180');
    } finally {
      copy.close();
    }
  });

  it('is refused on a host that does not write local files, and for a folder that does not exist', () => {
    const web = officeCore(false).core;
    const file = path.join(tempDir(), 'x.sqlite');
    const refused = web.invoke('backups.saveTo', { file });
    web.close();
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
    expect(fs.existsSync(file)).toBe(false);
    const local = officeCore(true).core;
    const missing = local.invoke('backups.saveTo', { file: path.join(tempDir(), 'khong-co', 'x.sqlite') });
    local.close();
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');
  });
});
