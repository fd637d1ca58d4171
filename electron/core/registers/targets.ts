/** Targets (chỉ tiêu) of a component for a year; their complete flags are rule 7's precondition. */
import type { CommandArgs } from '../../../shared/api/contract';
import type { ComponentTarget } from '../../../shared/api/registers';
import type { CoreContext } from '../context';
import { writeAudit } from '../context';
import type { Db } from '../db/database';
import { CoreError } from '../errors';
import { findComponentForYear } from '../reference/catalog';

const SELECT = `SELECT t.id, t.year, c.code AS componentCode, c.name_vi AS componentName, t.indicator, t.unit,
  t.target_value AS targetValue, t.actual_value AS actualValue, t.complete
  FROM component_target t JOIN component c ON c.id = t.component_id`;

type TargetRow = Omit<ComponentTarget, 'complete'> & { complete: number };
const toTarget = (r: TargetRow): ComponentTarget => ({ ...r, complete: r.complete === 1 });

export function listTargets(db: Db, year: number): ComponentTarget[] {
  return (db.prepare(`${SELECT} WHERE t.year = ? ORDER BY c.sort_order, t.id`).all(year) as TargetRow[]).map(toTarget);
}

export function saveTarget(ctx: CoreContext, args: CommandArgs<'targets.save'>): ComponentTarget {
  const { db } = ctx;
  const component = findComponentForYear(db, args.componentCode, args.year);
  if (!component) {
    throw new CoreError('UNKNOWN_COMPONENT', `Hạng mục: không có mã "${args.componentCode}" trong danh mục năm ${args.year}.`, { field: 'componentCode', value: args.componentCode });
  }
  return db.transaction(() => {
    const now = ctx.now();
    const values = {
      year: args.year,
      component_id: component.id,
      indicator: args.indicator,
      unit: args.unit ?? '',
      target_value: args.targetValue ?? '',
      actual_value: args.actualValue ?? '',
      complete: args.complete ? 1 : 0,
      now,
    };
    let id = args.id;
    let before: ComponentTarget | null = null;
    if (id === undefined) {
      id = Number(
        db
          .prepare(
            `INSERT INTO component_target (year, component_id, indicator, unit, target_value, actual_value, complete, created_at, updated_at)
             VALUES (@year, @component_id, @indicator, @unit, @target_value, @actual_value, @complete, @now, @now)`,
          )
          .run(values).lastInsertRowid,
      );
    } else {
      const row = db.prepare(`${SELECT} WHERE t.id = ?`).get(id) as TargetRow | undefined;
      if (!row) throw new CoreError('NOT_FOUND', `Không tìm thấy chỉ tiêu số ${id}.`, { id });
      before = toTarget(row);
      db.prepare(
        `UPDATE component_target SET year = @year, component_id = @component_id, indicator = @indicator, unit = @unit, target_value = @target_value,
           actual_value = @actual_value, complete = @complete, updated_at = @now WHERE id = @id`,
      ).run({ ...values, id });
    }
    const after = toTarget(db.prepare(`${SELECT} WHERE t.id = ?`).get(id) as TargetRow);
    writeAudit(ctx, 'targets.save', 'component_target', id, before, after);
    return after;
  })();
}
