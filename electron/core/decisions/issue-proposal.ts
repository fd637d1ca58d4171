/**
 * What the issue dialog proposes for a draft's trích yếu and căn cứ, from the office's own data: the
 * province's assignment documents of the year, the delegation in force, the pilot resolution where the
 * district is a pilot, the decision an adjustment changes. Proposed only: the officer edits them, and
 * issuing requires both (issue.ts), whatever the caller.
 */
import type { DecisionKind } from '../../../shared/api/decisions';
import { documentNumberText } from '../../../shared/domain/documents';
import { formatDateVi } from '../../../shared/format/date';
import type { Db } from '../db/database';
import { requireOffice } from '../office/office';
import { getDecisionRow } from './store';

export interface IssueProposal {
  summary: string;
  basis: string[];
}

const KIND_SUMMARY: Record<DecisionKind, string> = {
  phan_bo: 'Về việc phân bổ chi tiết kế hoạch vốn thực hiện các Chương trình mục tiêu quốc gia năm',
  dieu_chinh: 'Về việc điều chỉnh kế hoạch vốn thực hiện các Chương trình mục tiêu quốc gia năm',
  bo_sung: 'Về việc bổ sung kế hoạch vốn thực hiện các Chương trình mục tiêu quốc gia năm',
  thu_hoi: 'Về việc thu hồi kế hoạch vốn thực hiện các Chương trình mục tiêu quốc gia năm',
  keo_dai: 'Về việc kéo dài thời gian thực hiện và giải ngân kế hoạch vốn các Chương trình mục tiêu quốc gia năm',
};

/** "Quyết định số 2390/QĐ-UBND ngày 12/12/2023 của UBND tỉnh Lạng Sơn" from a number that may or may not say its kind. */
function documentText(number: string, date: string | null, issuer: string): string {
  const kind = /NQ/i.test(number) ? 'Nghị quyết' : /QĐ/i.test(number) ? 'Quyết định' : 'Văn bản';
  return `${kind} số ${number}${date ? ` ngày ${formatDateVi(date)}` : ''}${issuer ? ` của ${issuer}` : ''}`;
}

export function issueProposal(db: Db, id: number): IssueProposal {
  const office = requireOffice(db);
  const draft = getDecisionRow(db, id);
  const basis: string[] = [];
  const add = (text: string) => {
    if (text.trim() !== '' && !basis.includes(text)) basis.push(text);
  };
  for (const text of JSON.parse(draft.basis_json) as string[]) add(text);
  if (office.pilot && draft.year >= 2024 && draft.year <= 2025) {
    add('Nghị quyết số 111/2024/QH15 ngày 18/01/2024 của Quốc hội về một số cơ chế, chính sách đặc thù trong tổ chức thực hiện các chương trình mục tiêu quốc gia');
    for (const designation of (office.pilotBasis ?? '').split('; ')) add(designation);
  }
  const assignments = db
    .prepare(
      `SELECT DISTINCT basis_number, basis_date, basis_issuer FROM assignment
       WHERE year = ? AND basis_number <> '' ORDER BY basis_date, basis_number`,
    )
    .all(draft.year) as { basis_number: string; basis_date: string | null; basis_issuer: string }[];
  for (const a of assignments) add(documentText(a.basis_number, a.basis_date, a.basis_issuer));
  const delegations = db
    .prepare('SELECT basis_number, basis_date, basis_issuer FROM delegation WHERE first_year <= ? AND last_year >= ? ORDER BY basis_date')
    .all(draft.year, draft.year) as { basis_number: string; basis_date: string; basis_issuer: string }[];
  for (const d of delegations) add(documentText(d.basis_number, d.basis_date, d.basis_issuer));
  if (draft.predecessor_id !== null) {
    const changed = getDecisionRow(db, draft.predecessor_id);
    if (changed.status === 'issued' && changed.number !== null) {
      const issuerName = changed.issuer === 'HDND' ? 'Hội đồng nhân dân' : 'Ủy ban nhân dân';
      add(`${changed.issuer === 'HDND' ? 'Nghị quyết' : 'Quyết định'} số ${documentNumberText(changed.number, changed.issuer)} ngày ${formatDateVi(changed.doc_date!)} của ${issuerName} ${office.districtName.replace(/^Huyện/, 'huyện')}`);
    }
  }
  const summary = draft.summary.trim() !== '' ? draft.summary : `${KIND_SUMMARY[draft.kind]} ${draft.year}`;
  return { summary, basis };
}
