/**
 * Chuyển nhiệm vụ 2021–2025 sang nội dung 2026–2030 (NQ 257/2025/QH15, Điều 1 khoản 7 điểm b). What the text
 * says is checked and refuses (E): approval with its basis, a date on or after the resolution, a 2021–2025 key,
 * a valid content of the 2026–2035 catalog with the capital type it allows, no more than is still open on the key.
 * What the text does not settle only warns (W), each naming its basis and certainty ([?] not found, [I] our
 * inference): who may approve, a change of capital type, counterpart money. Recorded decisions are immutable.
 */
import type { ContentTransfer, TransferCheck, TransferFinding, TransferReason } from '../../../shared/api/transfers';
import { TRANSFER_REASON_LABELS, transferInputSchema } from '../../../shared/api/transfers';
import type { CapitalTypeCode } from '../../../shared/api/schemas';
import { SEVERITY_ORDER } from '../../../shared/api/findings';
import { formatDateVi } from '../../../shared/format/date';
import { formatAmount, toDong, type Dong } from '../../../shared/money/dong';
import type { z } from 'zod';
import type { CoreContext } from '../context';
import { writeAudit } from '../context';
import type { Db } from '../db/database';
import { CoreError } from '../errors';
import { amountFromInput } from '../money-input';
import { movedOnKey, writeMovementLegs } from './movements';

type TransferInput = z.output<typeof transferInputSchema>;

const NQ_257 = 'NQ 257/2025/QH15 ngày 11/12/2025, Điều 1 khoản 7 điểm b';
const NQ_257_DATE = '2025-12-11';
const dong = (n: number) => `${formatAmount(toDong(n), 'dong')} đồng`;

interface ComponentRow {
  id: number;
  code: string;
  period_code: string;
  level: string;
  name_vi: string;
  allowed_capital_types: string;
}

function component(db: Db, code: string): ComponentRow | undefined {
  return db.prepare('SELECT id, code, period_code, level, name_vi, allowed_capital_types FROM component WHERE code = ? ORDER BY period_code').get(code) as ComponentRow | undefined;
}

/**
 * What is still open on a 2021–2025 key of a plan year at a date: assigned − max(allocated, disbursed) − moved
 * already (the negative legs of earlier transfers in `assignment_movement`).
 */
export function openOnKey(db: Db, year: number, componentId: number, sourceCode: string, capitalType: CapitalTypeCode, originYear: number, asOf: string): Dong {
  const key = [year, componentId, sourceCode, capitalType, originYear] as const;
  const assigned = (db.prepare('SELECT COALESCE(SUM(amount_dong), 0) AS n FROM assignment WHERE year = ? AND component_id = ? AND source_code = ? AND capital_type = ? AND origin_year = ?').get(...key) as { n: number }).n;
  const allocated = (
    db
      .prepare(
        `SELECT COALESCE(SUM(l.amount_dong), 0) AS n FROM decision_line l JOIN decision d ON d.id = l.decision_id
         WHERE d.status = 'issued' AND d.year = ? AND l.component_id = ? AND l.source_code = ? AND l.capital_type = ? AND l.origin_year = ? AND d.doc_date <= ?`,
      )
      .get(...key, asOf) as { n: number }
  ).n;
  // The latest cumulative of each sub-key (project × commune) up to the date.
  const disbursed = (
    db
      .prepare(
        `SELECT COALESCE(SUM(x.cumulative_dong), 0) AS n FROM disbursement x
         WHERE x.year = ? AND x.component_id = ? AND x.source_code = ? AND x.capital_type = ? AND x.origin_year = ? AND x.cutoff_date <= ?
           AND x.cutoff_date = (SELECT MAX(y.cutoff_date) FROM disbursement y WHERE y.year = x.year AND y.component_id = x.component_id
             AND COALESCE(y.project_id, 0) = COALESCE(x.project_id, 0) AND COALESCE(y.commune_unit_id, 0) = COALESCE(x.commune_unit_id, 0)
             AND y.source_code = x.source_code AND y.capital_type = x.capital_type AND y.origin_year = x.origin_year AND y.cutoff_date <= ?)`,
      )
      .get(...key, asOf, asOf) as { n: number }
  ).n;
  return toDong(assigned + movedOnKey(db, ...key) - Math.max(allocated, disbursed));
}

interface Evaluated extends TransferCheck {
  from: ComponentRow | undefined;
  to: ComponentRow | undefined;
  toCapitalType: CapitalTypeCode;
}

export function checkTransfer(db: Db, args: TransferInput): Evaluated {
  const amount = amountFromInput(args.amount, 'amount', 'Số tiền chuyển');
  if (amount <= 0) throw new CoreError('INVALID_AMOUNT', 'Số tiền chuyển phải lớn hơn 0 đồng.', { field: 'amount' });
  const findings: TransferFinding[] = [];
  const add = (f: TransferFinding) => findings.push(f);
  const toCapitalType = args.toCapitalType ?? args.capitalType;

  if (args.approvalBasis === '' || args.approvedBy === '') {
    add({
      severity: 'E',
      code: 'TRANSFER_NO_BASIS',
      message: `Thiếu ${args.approvedBy === '' ? 'cơ quan chấp thuận' : 'căn cứ chấp thuận'}: việc chuyển nhiệm vụ 2021–2025 sang nội dung 2026–2030 chỉ được làm khi được cấp có thẩm quyền chấp thuận. Hãy ghi cơ quan và văn bản chấp thuận (số, ngày).`,
      basis: NQ_257,
      certainty: 'V',
    });
  }
  if (args.docDate < NQ_257_DATE) {
    add({ severity: 'E', code: 'TRANSFER_BEFORE_RESOLUTION', message: `Ngày quyết định ${formatDateVi(args.docDate)} trước ngày ${formatDateVi(NQ_257_DATE)} của Nghị quyết 257/2025/QH15 cho phép việc chuyển này. Hãy kiểm tra ngày.`, basis: NQ_257, certainty: 'V' });
  }
  const from = component(db, args.fromComponentCode);
  if (!from || from.period_code !== '2021-2025' || from.level === 'program' || args.originYear < 2021 || args.originYear > 2025) {
    add({
      severity: 'E',
      code: 'TRANSFER_FROM_NOT_2021_2025',
      message: !from
        ? `Nhiệm vụ chuyển đi: không có mã "${args.fromComponentCode}" trong danh mục. Hãy chọn một dự án, nội dung của giai đoạn 2021–2025.`
        : from.period_code !== '2021-2025' || from.level === 'program'
          ? `Nhiệm vụ chuyển đi "${from.code}" không phải dự án, nội dung của giai đoạn 2021–2025. Hãy chọn nhiệm vụ 2021–2025 còn vốn.`
          : `Vốn năm ${args.originYear} không phải vốn giai đoạn 2021–2025; chỉ vốn năm 2021–2025 được chuyển theo khoản này.`,
      basis: NQ_257,
      certainty: 'V',
    });
  }
  const to = component(db, args.toComponentCode);
  if (!to || to.period_code !== '2026-2035' || to.level === 'program' || to.level === 'project') {
    add({
      severity: 'E',
      code: 'TRANSFER_TO_NOT_2026_2035',
      message: !to
        ? `Nội dung nhận: không có mã "${args.toComponentCode}" trong danh mục 2026–2035. Hãy chọn một nội dung thành phần của Chương trình 2026–2035.`
        : `"${to.code} ${to.name_vi}" không phải nội dung thành phần của Chương trình 2026–2035 (là ${to.level === 'program' ? 'chương trình' : to.level === 'project' ? 'hợp phần' : `mục giai đoạn ${to.period_code}`}). Hãy chọn nội dung thành phần.`,
      basis: `${NQ_257}; danh mục 2026–2035 theo TT 60/2026/TT-BTC`,
      certainty: 'V',
    });
  } else if (!to.allowed_capital_types.split(',').includes(toCapitalType)) {
    add({
      severity: 'E',
      code: 'TRANSFER_CAPITAL_TYPE_NOT_ALLOWED',
      message: `Nội dung "${to.code} ${to.name_vi}" không dùng vốn ${toCapitalType === 'DTPT' ? 'đầu tư phát triển' : 'sự nghiệp'} (chỉ ${to.allowed_capital_types}). Hãy chọn loại vốn hoặc nội dung khác.`,
      basis: 'Danh mục 2026–2035 (programs-2026-2035.csv)',
      certainty: 'V',
    });
  }
  const openDong = from ? openOnKey(db, args.year, from.id, args.sourceCode, args.capitalType, args.originYear, args.docDate) : toDong(0);
  if (from && amount > openDong) {
    add({
      severity: 'E',
      code: 'TRANSFER_OVER_OPEN',
      message: `Số chuyển ${dong(amount)} vượt số còn lại ${dong(openDong)} của ${from.code} (${args.sourceCode}, ${args.capitalType}, vốn năm ${args.originYear}) trong năm ${args.year} — đã trừ số đã phân bổ hoặc đã giải ngân (số lớn hơn) và số đã chuyển trước. Hãy giảm số chuyển.`,
      basis: `${NQ_257}: chỉ phần nhiệm vụ không còn nhu cầu, không thể thực hiện`,
      certainty: 'V',
    });
  }
  if (!/tỉnh/i.test(args.approvedBy) && args.approvedBy !== '') {
    add({
      severity: 'W',
      code: 'TRANSFER_APPROVER_UNCONFIRMED',
      message: `Cơ quan chấp thuận "${args.approvedBy}" không phải cấp tỉnh. Nghị quyết chỉ ghi "cấp có thẩm quyền"; chưa xác định được cấp nào được chấp thuận (NĐ 358/2025/NĐ-CP phân cấp cho tỉnh và xã). Hãy kiểm tra văn bản hướng dẫn của tỉnh trước khi ghi.`,
      basis: `${NQ_257}; NĐ 358/2025/NĐ-CP (chưa đọc được quy định cụ thể)`,
      certainty: '?',
    });
  }
  if (toCapitalType !== args.capitalType) {
    add({
      severity: 'W',
      code: 'TRANSFER_CAPITAL_TYPE_CHANGE',
      message: `Chuyển từ vốn ${args.capitalType} sang ${toCapitalType}: nghị quyết không nói việc chuyển có được đổi loại vốn (đầu tư phát triển ↔ sự nghiệp) hay không. Hãy đối chiếu văn bản chấp thuận.`,
      basis: `${NQ_257} (không quy định loại vốn)`,
      certainty: '?',
    });
  }
  if (args.sourceCode !== 'NSTW') {
    add({
      severity: 'W',
      code: 'TRANSFER_SOURCE_SHARE_UNKNOWN',
      message: `Nguồn ${args.sourceCode}: không tìm thấy quy định riêng cho vốn đối ứng của địa phương khi chuyển nhiệm vụ; ứng dụng áp dụng như vốn NSTW. Hãy kiểm tra nghị quyết của HĐND về vốn đối ứng.`,
      basis: `${NQ_257} (nói chung về vốn 2021–2025); suy luận của nhóm`,
      certainty: 'I',
    });
  }
  // Where the law is silent, the app makes one choice and says so with every transfer (recorded with it):
  // the moved money keeps its 2021–2025 origin year, so it is its own ceiling on the receiving content and the
  // deadline of that origin year (31/12/2026 under the NQ 257 extension) keeps applying to it. That is the cautious
  // reading: it never lets moved money outlive the 2021–2025 deadline nor take room under the 2026–2030 ceilings.
  add({
    severity: 'W',
    code: 'TRANSFER_DEADLINE_UNSETTLED',
    message: `Nghị quyết không nói số vốn năm ${args.originYear} đã chuyển sang nội dung 2026–2030 còn phải giải ngân trước 31/12/2026 (hạn kéo dài của vốn 2021–2025) hay theo thời hạn của kế hoạch 2026–2030. Ứng dụng giữ năm nguồn vốn ${args.originYear} cho số chuyển, nên hạn của vốn năm ${args.originYear} (31/12/2026) vẫn áp dụng. Hãy xin ý kiến cơ quan tài chính cấp tỉnh về thời hạn.`,
    basis: `${NQ_257} (không quy định thời hạn sau khi chuyển); lựa chọn thận trọng của ứng dụng`,
    certainty: '?',
  });
  add({
    severity: 'W',
    code: 'TRANSFER_CEILING_UNSETTLED',
    message: `Chưa xác định số chuyển tính vào trần nào: kế hoạch vốn 2021–2025 đã giao hay kế hoạch trung hạn 2026–2030 (NQ 27/2026/QH16). Ứng dụng tính riêng: nội dung nhận có một dòng "vốn năm ${args.originYear}" với trần đúng bằng số chuyển, không cộng vào vốn năm ${args.year} được giao, và nhiệm vụ 2021–2025 giảm đúng số đó. Hãy đối chiếu văn bản hướng dẫn của tỉnh.`,
    basis: `${NQ_257}; NQ 27/2026/QH16 (không quy định); lựa chọn của ứng dụng`,
    certainty: '?',
  });
  add({
    severity: 'I',
    code: 'TRANSFER_RULES_AFTER_MOVE',
    message: `Sau khi chuyển, số vốn thực hiện theo cơ chế 2026–2030 (kinh phí sự nghiệp theo TT 60/2026/TT-BTC); nhiệm vụ giữ lại trên vốn 2021–2025 kéo dài đến 31/12/2026 vẫn theo TT 55/2023/TT-BTC.`,
    basis: `${NQ_257}; TT 60/2026/TT-BTC`,
    certainty: 'V',
  });
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return { openDong, amountDong: amount, findings, from, to, toCapitalType };
}

interface TransferRow {
  id: number;
  year: number;
  number: string;
  doc_date: string;
  approved_by: string;
  approval_basis: string;
  reason: TransferReason;
  from_code: string;
  source_code: string;
  capital_type: CapitalTypeCode;
  origin_year: number;
  to_code: string;
  to_capital_type: CapitalTypeCode;
  amount_dong: number;
  warnings_json: string;
  note: string;
}

const SELECT = `SELECT t.*, f.code AS from_code, c.code AS to_code FROM content_transfer t
  JOIN component f ON f.id = t.from_component_id JOIN component c ON c.id = t.to_component_id`;

function toTransfer(r: TransferRow): ContentTransfer {
  return {
    id: r.id,
    year: r.year,
    number: r.number,
    docDate: r.doc_date,
    approvedBy: r.approved_by,
    approvalBasis: r.approval_basis,
    reason: r.reason,
    fromComponentCode: r.from_code,
    sourceCode: r.source_code,
    capitalType: r.capital_type,
    originYear: r.origin_year,
    toComponentCode: r.to_code,
    toCapitalType: r.to_capital_type,
    amountDong: toDong(r.amount_dong),
    warnings: JSON.parse(r.warnings_json) as TransferFinding[],
    note: r.note,
  };
}

export function listTransfers(db: Db, year: number): ContentTransfer[] {
  return (db.prepare(`${SELECT} WHERE t.year = ? ORDER BY t.doc_date, t.id`).all(year) as TransferRow[]).map(toTransfer);
}

export function recordTransfer(ctx: CoreContext, args: TransferInput): ContentTransfer {
  const { db } = ctx;
  return db.transaction(() => {
    const checked = checkTransfer(db, args);
    const errors = checked.findings.filter((f) => f.severity === 'E');
    if (errors.length > 0) {
      throw new CoreError('TRANSFER_REFUSED', `Không ghi được quyết định chuyển nhiệm vụ ${args.number}: ${errors.map((e) => e.message).join(' ')}`, { findings: checked.findings });
    }
    if (db.prepare('SELECT 1 FROM content_transfer WHERE year = ? AND number = ?').get(args.year, args.number)) {
      throw new CoreError('TRANSFER_REFUSED', `Quyết định chuyển nhiệm vụ số ${args.number} năm ${args.year} đã được ghi; mỗi số chỉ ghi một lần.`, { field: 'number' });
    }
    const warnings = checked.findings.filter((f) => f.severity !== 'E');
    const id = Number(
      db
        .prepare(
          `INSERT INTO content_transfer (year, number, doc_date, approved_by, approval_basis, reason, from_component_id, source_code, capital_type, origin_year, to_component_id, to_capital_type, amount_dong, warnings_json, note, created_at, created_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(args.year, args.number, args.docDate, args.approvedBy, args.approvalBasis, args.reason, checked.from!.id, args.sourceCode, args.capitalType, args.originYear, checked.to!.id, checked.toCapitalType, checked.amountDong, JSON.stringify(warnings), args.note ?? `${TRANSFER_REASON_LABELS[args.reason]}`, ctx.now(), ctx.actor)
        .lastInsertRowid,
    );
    // The money moves in the ledger with the record: the 2021–2025 key gives it, the content receives it, both
    // under the money's origin year (see the migration 0014 and TRANSFER_CEILING_UNSETTLED for why).
    writeMovementLegs(
      db,
      id,
      args.year,
      { componentId: checked.from!.id, sourceCode: args.sourceCode, capitalType: args.capitalType, originYear: args.originYear },
      { componentId: checked.to!.id, sourceCode: args.sourceCode, capitalType: checked.toCapitalType, originYear: args.originYear },
      checked.amountDong,
    );
    const recorded = toTransfer(db.prepare(`${SELECT} WHERE t.id = ?`).get(id) as TransferRow);
    // The audit row names the ledger legs too, so the log alone says where the money went.
    const legs = db.prepare('SELECT id, leg, component_id, source_code, capital_type, origin_year, amount_dong FROM assignment_movement WHERE transfer_id = ? ORDER BY id').all(id);
    writeAudit(ctx, 'transfers.record', 'content_transfer', id, null, { ...recorded, legs });
    return recorded;
  })();
}
