/** Issuing: the number, the date, the signer; refused while an E finding stands; locked forever afterwards. */
import type { CommandArgs } from '../../../shared/api/contract';
import type { DecisionDocument, DecisionIssuer } from '../../../shared/api/decisions';
import type { RuleCheck } from '../../../shared/api/rules';
import { documentNumberText } from '../../../shared/domain/documents';
import { formatDateVi, isValidIsoDate } from '../../../shared/format/date';
import type { CoreContext } from '../context';
import { writeAudit } from '../context';
import type { Db } from '../db/database';
import { CoreError } from '../errors';
import { freezeWording } from '../print/wording-store';
import { checkDraft } from '../rules/evaluate';
import { signerForIssue } from '../office/signers';
import { getDecisionRow, getDocument, getDraftRow } from './store';
import type { DecisionRow } from './rows';

export function nextNumber(db: Db, issuer: DecisionIssuer, docDate: string, normative = false): { number: number; numberText: string } {
  const year = Number(docDate.slice(0, 4));
  const { max } = db.prepare('SELECT MAX(number) AS max FROM decision WHERE issuer = ? AND number_year = ?').get(issuer, year) as { max: number | null };
  const number = (max ?? 0) + 1;
  return { number, numberText: documentNumberText(number, issuer, normative ? year : null) };
}

export function checkDecision(ctx: CoreContext, id: number): RuleCheck {
  const row = getDecisionRow(ctx.db, id);
  if (row.status !== 'draft') {
    throw new CoreError('DECISION_ISSUED', `Quyết định ${documentNumberText(row.number!, row.issuer)} đã ban hành và đã được kiểm tra khi ban hành; quy tắc chỉ kiểm tra dự thảo.`, { id });
  }
  const check = checkDraft(ctx.db, row, ctx.now());
  return { ...check, blockers: issueBlockers(ctx.db, row) };
}

/** What issuing refuses before it reads the rules, for the panel that would otherwise say "no errors". */
function issueBlockers(db: Db, row: DecisionRow): string[] {
  const lines = (db.prepare('SELECT COUNT(*) AS n FROM decision_line WHERE decision_id = ?').get(row.id) as { n: number }).n;
  return lines === 0 && row.implements_id === null ? [EMPTY_DRAFT_MESSAGE] : [];
}

const EMPTY_DRAFT_MESSAGE = 'Dự thảo chưa có dòng nào; không thể ban hành quyết định trống. Nhập hoặc dán các dòng phân bổ vào bảng.';

/**
 * An issued document is read by others for years: it must say what it is about (trích yếu) and on what
 * it rests (căn cứ). Checked here, not only in the dialog, so the CLI and any other caller are held to it.
 */
function requireSummaryAndBasis(draft: DecisionRow, args: CommandArgs<'decisions.issue'>): void {
  const what = draft.issuer === 'HDND' ? 'nghị quyết' : 'quyết định';
  const summary = (args.summary ?? draft.summary).trim();
  if (summary === '') {
    throw new CoreError(
      'DECISION_SUMMARY_REQUIRED',
      `Chưa thể ban hành: ${what} chưa có trích yếu. Nhập trích yếu (ví dụ "Về việc phân bổ chi tiết kế hoạch vốn … năm ${draft.year}") ở hộp Ban hành hoặc ở đầu dự thảo.`,
      { field: 'summary' },
    );
  }
  const basis = (args.basis ?? (JSON.parse(draft.basis_json) as string[])).filter((b) => b.trim() !== '');
  if (basis.length === 0) {
    throw new CoreError(
      'DECISION_BASIS_REQUIRED',
      `Chưa thể ban hành: ${what} chưa có căn cứ nào. Nhập ít nhất một căn cứ (mỗi dòng một văn bản, ví dụ quyết định giao vốn của UBND tỉnh) ở hộp Ban hành.`,
      { field: 'basis' },
    );
  }
}

export function issueDecision(ctx: CoreContext, args: CommandArgs<'decisions.issue'>): DecisionDocument {
  const { db } = ctx;
  if (!isValidIsoDate(args.docDate)) {
    throw new CoreError('INVALID_DATE', `Ngày ban hành: "${args.docDate}" không phải ngày có thật trên lịch.`, { field: 'docDate', value: args.docDate });
  }
  return db.transaction(() => {
    const draft = getDraftRow(db, args.id);
    const lines = (db.prepare('SELECT COUNT(*) AS n FROM decision_line WHERE decision_id = ?').get(draft.id) as { n: number }).n;
    // A decision implementing an HĐND resolution carries the resolution's lines, not its own.
    if (lines === 0 && draft.implements_id === null) throw new CoreError('DECISION_EMPTY', EMPTY_DRAFT_MESSAGE);
    if (draft.implements_id !== null) {
      const resolution = db.prepare('SELECT doc_date, number FROM decision WHERE id = ?').get(draft.implements_id) as { doc_date: string; number: number };
      if (args.docDate < resolution.doc_date) {
        throw new CoreError('INVALID_DATE', `Ngày ban hành: quyết định giao dự toán không thể trước Nghị quyết ${documentNumberText(resolution.number, 'HDND')} (${formatDateVi(resolution.doc_date)}) mà nó thực hiện.`, {
          field: 'docDate',
          value: args.docDate,
        });
      }
    }
    requireSummaryAndBasis(draft, args);
    // Signer matches issuer: an NQ-HĐND by the HĐND's chair or vice-chair, a QĐ-UBND by the UBND's.
    const signer = signerForIssue(db, args.signerId, draft.issuer);
    const numberYear = Number(args.docDate.slice(0, 4));
    const number = args.number ?? nextNumber(db, draft.issuer, args.docDate).number;
    const taken = db.prepare('SELECT id FROM decision WHERE issuer = ? AND number_year = ? AND number = ?').get(draft.issuer, numberYear, number) as { id: number } | undefined;
    if (taken) {
      const free = nextNumber(db, draft.issuer, args.docDate);
      throw new CoreError(
        'DECISION_NUMBER_TAKEN',
        `Số ${documentNumberText(number, draft.issuer)} năm ${numberYear} đã dùng cho một văn bản khác. Số tiếp theo còn trống là ${free.numberText}.`,
        { field: 'number', value: number, suggested: free.number },
      );
    }
    // The date, summary and basis are part of what the rules judge: set them, evaluate, and roll back on refusal.
    db.prepare('UPDATE decision SET doc_date = ?, signer_id = ?, summary = COALESCE(?, summary), basis_json = COALESCE(?, basis_json) WHERE id = ?').run(
      args.docDate,
      args.signerId,
      args.summary ?? null,
      args.basis ? JSON.stringify(args.basis) : null,
      draft.id,
    );
    const check = checkDraft(db, getDecisionRow(db, draft.id), ctx.now());
    if (check.errors > 0) {
      const first = check.findings.find((f) => f.severity === 'E')!;
      throw new CoreError(
        'RULES_BLOCK_ISSUE',
        `Chưa thể ban hành: còn ${check.errors} lỗi phải sửa (quy tắc ${[...new Set(check.findings.filter((f) => f.severity === 'E').map((f) => f.ruleId))].join(', ')}). Trước hết (quy tắc ${first.ruleId}): ${first.message}`,
        { findings: check.findings, evaluatedOn: formatDateVi(check.evaluatedOn) },
      );
    }
    // The wording in effect is written with the decision before it locks: what was signed never changes.
    freezeWording(ctx, draft.id);
    const now = ctx.now();
    db.prepare(
      `UPDATE decision SET status = 'issued', number = ?, number_year = ?, signer_name = ?, signer_title = ?, issued_at = ?, issued_by = ?, updated_at = ?
       WHERE id = ?`,
    ).run(number, numberYear, signer.name, signer.title, now, ctx.actor, now, draft.id);
    db.prepare('DELETE FROM draft_edit WHERE decision_id = ?').run(draft.id);
    const issued = getDecisionRow(db, draft.id);
    writeAudit(ctx, 'decisions.issue', 'decision', draft.id, { status: 'draft' }, { ...issued, findings: check.findings });
    return getDocument(db, draft.id);
  })();
}
