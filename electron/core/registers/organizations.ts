/** Departments, public service units and investors that receive money. */
import type { CommandArgs } from '../../../shared/api/contract';
import type { Organization } from '../../../shared/api/registers';
import type { CoreContext } from '../context';
import { writeAudit } from '../context';
import type { Db } from '../db/database';
import { CoreError } from '../errors';

export function listOrganizations(db: Db): Organization[] {
  return db.prepare('SELECT id, kind, name, note FROM organization ORDER BY kind DESC, name').all() as Organization[];
}

export function createOrganization(ctx: CoreContext, args: CommandArgs<'organizations.create'>): Organization {
  const { db } = ctx;
  return db.transaction(() => {
    if (db.prepare('SELECT 1 FROM organization WHERE kind = ? AND name = ?').get(args.kind, args.name)) {
      throw new CoreError('DUPLICATE_CODE', `Tên đơn vị: "${args.name}" đã có trong danh mục.`, { field: 'name', value: args.name });
    }
    const { lastInsertRowid } = db
      .prepare('INSERT INTO organization (kind, name, note, created_at) VALUES (?, ?, ?, ?)')
      .run(args.kind, args.name, args.note ?? '', ctx.now());
    const created = db.prepare('SELECT id, kind, name, note FROM organization WHERE id = ?').get(lastInsertRowid) as Organization;
    writeAudit(ctx, 'organizations.create', 'organization', created.id, null, created);
    return created;
  })();
}
