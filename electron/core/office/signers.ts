/**
 * The office's signers, managed after the first run (Cài đặt): added, given a new title or role, retired or
 * brought back; never deleted, since issued decisions point at them. An issued decision keeps the name and
 * title it was issued with (decision.signer_name, signer_title), so nothing here rewrites what was issued.
 */
import { unitNameParts } from '../../../shared/domain/office-level';
import type { CommandArgs } from '../../../shared/api/contract';
import type { DecisionIssuer } from '../../../shared/api/decisions';
import type { Signer, SignerList, SignerRole } from '../../../shared/api/office';
import { EXPECTED_SIGNER_VI, roleFromTitle, SIGNER_ROLE_BODY, type SignerRoleCode } from '../../../shared/domain/signers';
import { vietnamDate } from '../../../shared/format/today';
import type { CoreContext } from '../context';
import { writeAudit } from '../context';
import type { Db } from '../db/database';
import { CoreError } from '../errors';

interface SignerRow {
  id: number;
  name: string;
  title: string;
  role_code: SignerRoleCode | null;
  sample: number;
  retired_on: string | null;
}

const SIGNER_COLUMNS = 'id, name, title, role_code, sample, retired_on';

const toSigner = (r: SignerRow): Signer => ({ id: r.id, name: r.name, title: r.title, roleCode: r.role_code, sample: r.sample === 1, retiredOn: r.retired_on });

export function listSigners(db: Db, options: { includeRetired: boolean }): Signer[] {
  const where = options.includeRetired ? '' : 'WHERE retired_on IS NULL';
  return (db.prepare(`SELECT ${SIGNER_COLUMNS} FROM signer ${where} ORDER BY retired_on IS NOT NULL, sort_order, id`).all() as SignerRow[]).map(toSigner);
}

export function listSignerRoles(db: Db): SignerRole[] {
  return (db.prepare('SELECT code, body, rank, name_vi, default_title FROM signer_role ORDER BY sort_order').all() as {
    code: SignerRoleCode;
    body: 'UBND' | 'HDND';
    rank: 'chu_tich' | 'pho_chu_tich';
    name_vi: string;
    default_title: string;
  }[]).map((r) => ({ code: r.code, body: r.body, rank: r.rank, name: r.name_vi, defaultTitle: r.default_title }));
}

export function signerList(db: Db): SignerList {
  return { signers: listSigners(db, { includeRetired: true }), roles: listSignerRoles(db) };
}

function getSigner(db: Db, id: number): SignerRow {
  const row = db.prepare(`SELECT ${SIGNER_COLUMNS} FROM signer WHERE id = ?`).get(id) as SignerRow | undefined;
  if (!row) throw new CoreError('UNKNOWN_SIGNER', `Người ký: không có người ký số ${id}. Chọn người ký trong danh sách của văn phòng (Cài đặt).`, { field: 'signerId' });
  return row;
}

/** Inserts signers (inside the caller's transaction); a signer given without a role takes the one its title names. */
export function insertSigners(db: Db, signers: { name: string; title: string; roleCode?: SignerRoleCode | undefined }[], options: { sample: boolean }): void {
  const { next } = db.prepare('SELECT COALESCE(MAX(sort_order) + 1, 0) AS next FROM signer').get() as { next: number };
  const insert = db.prepare('INSERT INTO signer (name, title, sort_order, role_code, sample) VALUES (?, ?, ?, ?, ?)');
  signers.forEach((s, i) => insert.run(s.name, s.title, next + i, s.roleCode ?? roleFromTitle(s.title), options.sample ? 1 : 0));
}

export function addSigner(ctx: CoreContext, args: CommandArgs<'signers.add'>): Signer {
  const { db } = ctx;
  return db.transaction(() => {
    insertSigners(db, [args], { sample: false });
    const { id } = db.prepare('SELECT MAX(id) AS id FROM signer').get() as { id: number };
    const created = toSigner(getSigner(db, id));
    writeAudit(ctx, 'signers.add', 'signer', id, null, created);
    return created;
  })();
}

export function updateSigner(ctx: CoreContext, args: CommandArgs<'signers.update'>): Signer {
  const { db } = ctx;
  return db.transaction(() => {
    const before = getSigner(db, args.id);
    const { name = before.name, title = before.title, roleCode = before.role_code } = args.patch;
    // A sample signer given a real name or title is the office's own from then on.
    const sample = args.patch.name !== undefined || args.patch.title !== undefined ? 0 : before.sample;
    db.prepare('UPDATE signer SET name = ?, title = ?, role_code = ?, sample = ? WHERE id = ?').run(name, title, roleCode, sample, args.id);
    const after = toSigner(getSigner(db, args.id));
    writeAudit(ctx, 'signers.update', 'signer', args.id, toSigner(before), after);
    return after;
  })();
}

export function retireSigner(ctx: CoreContext, args: CommandArgs<'signers.retire'>): Signer {
  const { db } = ctx;
  return db.transaction(() => {
    const before = getSigner(db, args.id);
    db.prepare('UPDATE signer SET retired_on = ? WHERE id = ?').run(args.retired ? (before.retired_on ?? vietnamDate(ctx.now())) : null, args.id);
    const after = toSigner(getSigner(db, args.id));
    writeAudit(ctx, args.retired ? 'signers.retire' : 'signers.reinstate', 'signer', args.id, toSigner(before), after);
    return after;
  })();
}

/**
 * The signer of a document about to be issued: known, not retired, and holding a role of the issuing body
 * (an NQ-HĐND by the HĐND's chair or vice-chair, a QĐ-UBND by the UBND's). The error names who is expected.
 */
export function signerForIssue(db: Db, signerId: number, issuer: DecisionIssuer): { name: string; title: string } {
  const signer = getSigner(db, signerId);
  if (signer.retired_on !== null) {
    throw new CoreError('SIGNER_RETIRED', `Người ký: ${signer.name} (${signer.title}) đã thôi ký từ ngày ${signer.retired_on.split('-').reverse().join('/')}. Chọn người ký khác, hoặc cho ký lại ở Cài đặt.`, {
      field: 'signerId',
    });
  }
  if (signer.role_code === null || SIGNER_ROLE_BODY[signer.role_code] !== issuer) {
    const level = db.prepare('SELECT u.name_vi FROM office o JOIN admin_unit u ON u.id = o.district_unit_id WHERE o.id = 1').get() as { name_vi: string } | undefined;
    const word = level ? unitNameParts(level.name_vi).word : 'huyện';
    const document = issuer === 'HDND' ? `Nghị quyết của HĐND ${word}` : `Quyết định của UBND ${word}`;
    const held = signer.role_code === null ? 'chưa được gán vai trò ký' : `ký văn bản của ${SIGNER_ROLE_BODY[signer.role_code] === 'HDND' ? 'HĐND' : 'UBND'}`;
    throw new CoreError(
      'SIGNER_NOT_FOR_ISSUER',
      `Người ký: ${document} phải do ${EXPECTED_SIGNER_VI[issuer].replaceAll("huyện", word)} ký; ${signer.name} (${signer.title}) ${held}. Chọn người ký đúng, hoặc thêm người ký ở Cài đặt.`,
      { field: 'signerId', expectedBody: issuer },
    );
  }
  return { name: signer.name, title: signer.title };
}
