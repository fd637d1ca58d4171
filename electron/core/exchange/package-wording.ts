/**
 * The "Lời văn" sheet of the exchange package (format 2): each issued decision's wording as frozen at issue
 * (decision_wording), written out by the export and restored by the import, so that the importing office prints the
 * decision with the text that was signed. A package of format 1 has no such sheet: its decisions print with the
 * importing office's templates, as before.
 */
import { wordingSchema } from '../../../shared/api/print';
import type { Db } from '../db/database';
import { cellText, WORDING_SHEET, type DecisionRecord, type WordingRecord } from './package-format';
import type { PackageSheets } from './package-read';
import { rowsOf, type Problem } from './package-parse';

/** One row per decision that has a frozen wording, in the order of the decision sheet. */
export function wordingRecords(db: Db, decisions: readonly { id: number }[], decisionRecs: DecisionRecord[]): WordingRecord[] {
  const frozen = db.prepare('SELECT wording_json FROM decision_wording WHERE decision_id = ?');
  return decisions.flatMap((d, i) => {
    const row = frozen.get(d.id) as { wording_json: string } | undefined;
    return row ? [{ decisionRef: decisionRecs[i]!.ref, wordingJson: cellText(row.wording_json) }] : [];
  });
}

/**
 * The wording of each decision of the package by its reference, checked against the same schema as an office's own
 * wording; a row naming no decision of the package, a second row for one, or text that is not a wording is a problem.
 */
export function parseWordings(sheets: PackageSheets, decisionRefs: ReadonlySet<string>, problems: Problem[]): Map<string, string> {
  const byRef = new Map<string, string>();
  for (const r of rowsOf(sheets, WORDING_SHEET, problems)) {
    const ref = r.requiredText('decisionRef');
    const text = r.requiredText('wordingJson');
    if (ref === '' || text === '') continue;
    if (!decisionRefs.has(ref)) {
      r.problem('decisionRef', 'INVALID_INPUT', `"${ref}" không phải quyết định nào trên trang "Quyết định" của gói.`);
      continue;
    }
    if (byRef.has(ref)) {
      r.problem('decisionRef', 'INVALID_INPUT', `quyết định "${ref}" đã có lời văn ở dòng trước; mỗi quyết định chỉ một dòng.`);
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      r.problem('wordingJson', 'INVALID_INPUT', 'không đọc được (không phải JSON); tệp đã bị sửa hoặc hỏng.');
      continue;
    }
    const wording = wordingSchema.safeParse(parsed);
    if (!wording.success) {
      r.problem('wordingJson', 'INVALID_INPUT', `không phải lời văn hợp lệ (${wording.error.issues[0]?.path.join('.') ?? ''}: ${wording.error.issues[0]?.message ?? ''}).`);
      continue;
    }
    byRef.set(ref, JSON.stringify(wording.data));
  }
  return byRef;
}
