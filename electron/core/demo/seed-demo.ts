import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { LineChange } from '../../../shared/api/decisions';
import type { RecipientInput } from '../../../shared/api/registers';
import type { DecisionIssuer, DecisionKind } from '../../../shared/api/decisions';
import type { DemoSeedResult } from '../../../shared/api/app';
import { documentNumberText } from '../../../shared/domain/documents';
import type { CoreContext } from '../context';
import { createSampleAssignments, organizationFinder, requireEmptyYear } from './sample-parts';
import { CoreError } from '../errors';
import { createDraft } from '../decisions/drafts';
import { issueDecision } from '../decisions/issue';
import { applyLineChanges } from '../decisions/lines';
import { getOffice, setupOffice } from '../office/office';
import { seedCommuneDemo } from './seed-demo-commune';
import { insertSigners, listSigners } from '../office/signers';
import { SIGNER_ROLE_BODY, type SignerRoleCode } from '../../../shared/domain/signers';
import { createNotice } from '../followup/notices';
import { createObstacle, escalateObstacle, replyToEscalation } from '../followup/obstacles';
import { createDelegation } from '../registers/delegations';
import { createProject } from '../registers/projects';
import { createExtension } from '../disbursement/deadlines';
import { saveEntries } from '../disbursement/entries';
import { monthEnd } from '../disbursement/figures';
import { createBenchmark, savePacing } from '../disbursement/pacing';

export const DEMO_YEAR = 2024;
const DEMO_DISTRICT = '180';
const DEMO_SIGNERS: { name: string; title: string; roleCode: SignerRoleCode }[] = [
  { name: 'Hoàng Văn Minh', title: 'Chủ tịch UBND huyện', roleCode: 'ubnd_chu_tich' },
  { name: 'Nông Thị Lan', title: 'Phó Chủ tịch UBND huyện', roleCode: 'ubnd_pho_chu_tich' },
  { name: 'Lương Văn Hải', title: 'Chủ tịch HĐND huyện', roleCode: 'hdnd_chu_tich' },
];

/**
 * The sample decisions of Tràng Định 2024, in the order they are issued: an allocation by the UBND, a pilot
 * move by the HĐND, then the HĐND's breakdown of the provincial counterpart of the recurrent estimate. The
 * breakdown is issued last so the first two keep ids 1 and 2; its number and date (19/NQ-HĐND, 25/7) still sit
 * before NQ 28 (20/9): numbers and the ledger go by number and date, not by id. Their lines are the rows of
 * demo-trang-dinh-2024-decisions.csv whose "decision" column is the number text (215/QĐ-UBND, 28/NQ-HĐND, 19/NQ-HĐND).
 */
const DEMO_DECISIONS: { kind: DecisionKind; issuer: DecisionIssuer; docDate: string; number: number; signer: string; summary: string; basis: string[] }[] = [
  {
    kind: 'phan_bo',
    issuer: 'UBND',
    docDate: '2024-03-15',
    number: 215,
    signer: 'Nông Thị Lan',
    summary: 'Về việc phân bổ chi tiết kế hoạch vốn và dự toán kinh phí thực hiện các chương trình mục tiêu quốc gia năm 2024 (dữ liệu mẫu)',
    basis: ['Quyết định số 2390/QĐ-UBND ngày 12/12/2023 của UBND tỉnh Lạng Sơn (mẫu)', 'Quyết định số 2391/QĐ-UBND ngày 12/12/2023 của UBND tỉnh Lạng Sơn (mẫu)'],
  },
  {
    kind: 'dieu_chinh',
    issuer: 'HDND',
    docDate: '2024-09-20',
    number: 28,
    signer: 'Lương Văn Hải',
    summary: 'Về việc điều chỉnh dự toán kinh phí sự nghiệp giữa các chương trình mục tiêu quốc gia năm 2024 theo cơ chế thí điểm phân cấp (dữ liệu mẫu)',
    basis: ['Nghị quyết số 111/2024/QH15 ngày 18/01/2024 của Quốc hội', 'Nghị quyết số 07/NQ-HĐND ngày 02/4/2024 của HĐND tỉnh Lạng Sơn'],
  },
  {
    kind: 'phan_bo',
    issuer: 'HDND',
    docDate: '2024-07-25',
    number: 19,
    signer: 'Lương Văn Hải',
    summary: 'Phân bổ chi tiết dự toán chi thường xuyên NS tỉnh đối ứng thực hiện các Chương trình MTQG năm 2024 (dữ liệu mẫu)',
    basis: [
      'Nghị quyết số 111/2024/QH15 ngày 18/01/2024 của Quốc hội',
      'Quyết định số 2391/QĐ-UBND ngày 12/12/2023 của UBND tỉnh Lạng Sơn (mẫu)',
      'Nghị quyết phân cấp ngày 10/7/2024 của HĐND tỉnh Lạng Sơn (mẫu)',
    ],
  },
];

const DEMO_PROJECT = {
  code: 'TD-2024-01',
  name: 'Công trình nước sinh hoạt tập trung thôn Nà Lùng, xã Quốc Khánh (mẫu)',
  communeCode: '06004',
  totalInvestment: { dong: 6_500_000_000 },
  approvalNumber: '120/QĐ-UBND (mẫu)',
  approvalDate: '2024-02-20',
  specialMechanism: true,
  status: 'thuc_hien' as const,
};

type Row = Record<string, string>;
const readCsv = (seedDir: string, file: string) => parse(fs.readFileSync(path.join(seedDir, file), 'utf8'), { columns: true, bom: true }) as Row[];

/**
 * Fills the office with a sample year (Tràng Định 2024) so a newcomer can try every screen: the assignment,
 * an issued allocation decision, an issued HĐND adjustment under the pilot and an issued HĐND breakdown of the
 * NS tỉnh đối ứng recurrent estimate (after the province's delegation, which is recorded first: rule 7).
 * Everything runs in one transaction: a failure leaves the database as it was.
 */
export function seedDemo(ctx: CoreContext, seedDir: string): DemoSeedResult {
  const assignments = readCsv(seedDir, 'demo-trang-dinh-2024.csv');
  const decisionLines = readCsv(seedDir, 'demo-trang-dinh-2024-decisions.csv');
  const numberTexts = new Set(DEMO_DECISIONS.map((d) => documentNumberText(d.number, d.issuer)));
  const stray = decisionLines.find((r) => !numberTexts.has(r.decision!));
  if (stray) throw new CoreError('INTERNAL', `Dữ liệu mẫu: dòng quyết định "${stray.decision}" không thuộc quyết định mẫu nào.`);
  const { db } = ctx;
  // A commune/ward office (from 1/7/2025) gets the commune's sample year: 2026 under the merged program.
  if (getOffice(db)?.level === 'xa') return seedCommuneDemo(ctx, seedDir);
  return db.transaction(() => {
    const office = getOffice(db) ?? setupOffice(ctx, { districtCode: DEMO_DISTRICT, signers: [] });
    if (office.districtCode !== DEMO_DISTRICT) {
      // The sample's communes, project and investor are Tràng Định's: they cannot be written into another district's book.
      throw new CoreError(
        'DEMO_WRONG_DISTRICT',
        `Dữ liệu mẫu là của Huyện Tràng Định (mã ${DEMO_DISTRICT}), năm ${DEMO_YEAR}: các xã, dự án và đơn vị của mẫu thuộc huyện đó. Văn phòng trong thư mục dữ liệu này là ${office.districtName} (mã ${office.districtCode}), nên không thêm được số liệu mẫu. Để thử, hãy dùng một thư mục dữ liệu riêng: "npm run cli -- seed-demo --data <thư mục mới>" (tự tạo văn phòng Tràng Định), hoặc "npm run cli -- init --office ${DEMO_DISTRICT} --data <thư mục mới>" rồi seed-demo.`,
        { officeDistrict: office.districtCode, demoDistrict: DEMO_DISTRICT },
      );
    }
    requireEmptyYear(db, DEMO_YEAR);
    createSampleAssignments(ctx, DEMO_YEAR, assignments);
    const orgId = organizationFinder(ctx);
    const investor = orgId('investor', 'Ban Quản lý dự án đầu tư xây dựng huyện Tràng Định');
    if (!db.prepare('SELECT 1 FROM investment_project WHERE code = ?').get(DEMO_PROJECT.code)) createProject(ctx, { ...DEMO_PROJECT, investorId: investor });
    createDelegation(ctx, {
      basisNumber: 'Nghị quyết phân cấp của HĐND tỉnh Lạng Sơn (mẫu)',
      basisDate: '2024-07-10',
      basisIssuer: 'HĐND tỉnh Lạng Sơn',
      firstYear: 2024,
      lastYear: 2025,
      scope: 'Phân bổ chi tiết và điều chỉnh dự toán chi thường xuyên NSTW và NS tỉnh đối ứng giữa các dự án thành phần (dữ liệu mẫu)',
    });
    const signerId = demoSignerIds(ctx);
    const recipient = (kind: string, ref: string): RecipientInput =>
      kind === 'commune' ? { kind: 'commune', code: ref } : kind === 'district' ? { kind: 'district' } : { kind: kind as 'unit' | 'investor', id: orgId(kind as 'unit' | 'investor', ref) };
    let decisions = 0;
    for (const d of DEMO_DECISIONS) {
      const draft = createDraft(ctx, { year: DEMO_YEAR, kind: d.kind, issuer: d.issuer, docDate: d.docDate, summary: d.summary, basis: d.basis });
      const numberText = documentNumberText(d.number, d.issuer);
      const changes: LineChange[] = decisionLines
        .filter((r) => r.decision === numberText)
        .map((r) => ({
          op: 'add',
          line: {
            componentCode: r.component_code!,
            recipient: recipient(r.recipient_kind!, r.recipient_ref!),
            projectCode: r.project_code ? r.project_code : null,
            sourceCode: r.source_code!,
            capitalType: r.capital_type as 'DTPT' | 'SN',
            originYear: Number(r.origin_year),
            amount: { dong: Number(r.amount_dong) },
            reasonCode: r.reason_code ? r.reason_code : null,
            note: r.note ?? '',
          },
        }));
      applyLineChanges(ctx, { decisionId: draft.header.id, changes });
      issueDecision(ctx, { id: draft.header.id, docDate: d.docDate, signerId: signerId(d.signer), number: d.number });
      decisions += 1;
    }
    seedFollowup(ctx);
    const disbursementEntries = seedDisbursement(ctx, readCsv(seedDir, 'demo-trang-dinh-2024-disbursement.csv'));
    return { office: getOffice(db)!, year: DEMO_YEAR, assignmentLines: assignments.length, decisions, disbursementEntries };
  })();
}

/**
 * Who signs the sample decisions: the office's own signers where it has one of the right body (an NQ-HĐND by
 * the HĐND, a QĐ-UBND by the UBND), else a sample signer added for the role and marked "mẫu" (Cài đặt shows
 * it, and the officer can rename or retire it).
 */
function demoSignerIds(ctx: CoreContext): (name: string) => number {
  const { db } = ctx;
  const own = listSigners(db, { includeRetired: false });
  const missing = DEMO_SIGNERS.filter((d) => !own.some((s) => s.roleCode !== null && SIGNER_ROLE_BODY[s.roleCode] === SIGNER_ROLE_BODY[d.roleCode]));
  // An office with no signer at all gets the three sample signers; one lacking a body gets that body's.
  insertSigners(db, own.length === 0 ? DEMO_SIGNERS : missing, { sample: true });
  const signers = listSigners(db, { includeRetired: false });
  return (name) => {
    const wanted = DEMO_SIGNERS.find((d) => d.name === name)!;
    const body = SIGNER_ROLE_BODY[wanted.roleCode];
    const sameBody = signers.filter((s) => s.roleCode !== null && SIGNER_ROLE_BODY[s.roleCode] === body);
    return (sameBody.find((s) => s.name === name) ?? sameBody.find((s) => s.roleCode === wanted.roleCode) ?? sameBody[0]!).id;
  };
}

/**
 * The province's conclusion notice of 11/7/2024 with its tasks 2.1–2.6, and obstacles at every level. A task keeps the
 * deadline its notice gives: 2.1, 2.2 and 2.4 give none ("không ghi thời hạn"), 2.3 "tháng 8 và tháng 9/2024", 2.5
 * "trong tháng 7/2024", 2.6 "trước ngày 15/7/2024".
 */
function seedFollowup(ctx: CoreContext): void {
  createNotice(ctx, {
    number: '…/TB-UBND (11/7/2024)',
    noticeDate: '2024-07-11',
    issuer: 'UBND tỉnh Lạng Sơn',
    signer: 'TL. Chủ tịch - Chánh Văn phòng',
    summary: 'Kết luận của Chủ tịch UBND tỉnh tại Hội nghị sơ kết tình hình thực hiện các Chương trình MTQG 06 tháng đầu năm 2024',
    tasks: [
      { item: '2.1', text: 'Chủ động tổ chức triển khai các nhiệm vụ, giải pháp nêu trong Báo cáo chung 06 tháng đầu năm 2024', owner: 'UBND huyện; các phòng, ban chuyên môn', deadline: null },
      { item: '2.2', text: 'Nắm tình hình, hướng dẫn cấp huyện, cấp xã; kịp thời tháo gỡ khó khăn, vướng mắc phát sinh', owner: 'Các cơ quan chủ trì chương trình', deadline: null },
      { item: '2.3', text: 'Kiểm tra thực tế việc thực hiện các Chương trình MTQG tại các xã trong tháng 8 và tháng 9/2024', owner: 'Sở NN&PTNT, Sở LĐTBXH, Ban Dân tộc (phối hợp: UBND huyện)', deadline: '2024-09-30' },
      { item: '2.4', text: 'Lãnh đạo, chỉ đạo, kiểm tra, đôn đốc tiến độ thực hiện các Chương trình MTQG trên địa bàn huyện', owner: 'Huyện ủy, HĐND huyện', deadline: null },
      { item: '2.5', text: 'Khởi công các công trình, dự án, triển khai các mô hình phát triển sản xuất trong tháng 7/2024; huyện thí điểm thực hiện ngay cơ chế đặc thù NQ 111', owner: 'UBND huyện Tràng Định', deadline: '2024-07-31' },
      { item: '2.6', text: 'Ban hành văn bản giải đáp, hướng dẫn tháo gỡ khó khăn, vướng mắc đã tổng hợp tại Báo cáo chung và ý kiến tại Hội nghị', owner: 'Các sở, ban, ngành liên quan', deadline: '2024-07-15' },
    ],
  });
  const obstacle = (args: Parameters<typeof createObstacle>[1]) => createObstacle(ctx, args);
  obstacle({ description: 'Một số hộ trong danh sách hỗ trợ nhà ở đã tự làm nhà hoặc chuyển đi, không còn nhu cầu hỗ trợ (dữ liệu mẫu)', programCode: 'DTTS', componentCode: 'DTTS.DA1.ND2', communeCode: '06043', amountAtRisk: { dong: 150_000_000 }, category: 'doi_tuong', raisedBy: 'UBND xã Đào Viên', raisedOn: '2024-06-20', resolvingLevel: 'xa', responsible: 'UBND xã Đào Viên', proposal: 'Rà soát, bổ sung đối tượng thay thế', dueDate: '2024-08-15' });
  obstacle({ description: 'Chậm giải phóng mặt bằng công trình nước sinh hoạt tập trung thôn Nà Lùng (dữ liệu mẫu)', programCode: 'DTTS', projectCode: 'TD-2024-01', communeCode: '06004', amountAtRisk: { dong: 1_200_000_000 }, category: 'mat_bang', raisedBy: 'Ban QLDA huyện', raisedOn: '2024-06-25', resolvingLevel: 'huyen', responsible: 'UBND huyện Tràng Định', proposal: 'Thành lập tổ công tác vận động hiến đất', dueDate: '2024-07-31', status: 'dang_xu_ly' });
  const norm = obstacle({ description: 'Chưa có định mức hỗ trợ dự án phát triển sản xuất cộng đồng của tỉnh (dữ liệu mẫu)', programCode: 'GNBV', componentCode: 'GNBV.DA2', amountAtRisk: { dong: 540_000_000 }, category: 'phap_ly', raisedBy: 'Phòng NN&PTNT', raisedOn: '2024-05-10', resolvingLevel: 'tinh', responsible: 'Sở Nông nghiệp và PTNT', proposal: 'Đề nghị tỉnh ban hành định mức', dueDate: '2024-07-15' });
  const escalated = escalateObstacle(ctx, { id: norm.id, toLevel: 'tinh', toBody: 'Sở Nông nghiệp và PTNT; Sở Tài chính', document: 'Công văn …/UBND-TCKH (mẫu)', sentOn: '2024-06-05' });
  replyToEscalation(ctx, { escalationId: escalated.escalations[0]!.id, reply: 'Sở đang dự thảo quyết định định mức, trình UBND tỉnh trong tháng 8/2024 (mẫu)', replyOn: '2024-07-20' });
  obstacle({ description: 'Tiểu dự án hỗ trợ người lao động đi làm việc ở nước ngoài không còn đối tượng đăng ký (dữ liệu mẫu)', programCode: 'GNBV', componentCode: 'GNBV.DA4.TDA2', amountAtRisk: { dong: 300_000_000 }, category: 'doi_tuong', raisedBy: 'Phòng LĐTBXH', raisedOn: '2024-06-15', resolvingLevel: 'trung_uong', responsible: 'Bộ LĐTBXH', proposal: 'Đề nghị cho điều chỉnh nội dung hỗ trợ', dueDate: '2024-09-30' });
  obstacle({ description: 'Thiếu cán bộ chuyên trách theo dõi các chương trình ở cấp xã (dữ liệu mẫu)', category: 'nang_luc', raisedBy: 'Phòng Nội vụ', raisedOn: '2024-04-01', resolvingLevel: 'huyen', responsible: 'UBND huyện Tràng Định', proposal: 'Phân công cán bộ kiêm nhiệm', status: 'da_giai_quyet' });
}

/** Share of the June cumulative reached at each month end, January to June (a slow start, as in 2024). */
const DEMO_CURVE = [0.08, 0.15, 0.3, 0.5, 0.72, 1];

/**
 * Monthly disbursement January–June 2024 matching the Lạng Sơn picture at end of June (TB 11/7/2024): 25,0% of the
 * whole-year plan (17.014,763 of 68.059,05 triệu), 22,3% for the DTTS program and 22,1% for GNBV; the extension of
 * the 2023 money it needs, the province's pacing scenario and the benchmark rates of the notice (province, nation,
 * same period 2023). The whole-year plan includes the NS tỉnh đối ứng SN assigned in December 2023, but that money is
 * allocated to the units only by NQ 19 of 25/7, so none of it is disbursed by June: the June figures of the other
 * lines carry the rates (worked out in test/unit/disbursement/disbursement.test.ts).
 */
function seedDisbursement(ctx: CoreContext, rows: Row[]): number {
  createExtension(ctx, {
    originYearFrom: 2023,
    originYearTo: 2023,
    sourceCode: 'NSTW',
    capitalType: 'DTPT',
    authority: 'TTG',
    decisionNumber: 'Quyết định số 123/QĐ-TTg (mẫu)',
    decisionDate: '2024-01-20',
    newDeadline: '2024-12-31',
    note: 'Kéo dài thời gian thực hiện và giải ngân kế hoạch vốn NSTW năm 2023 sang năm 2024 (dữ liệu mẫu)',
  });
  let count = 0;
  DEMO_CURVE.forEach((share, i) => {
    const entries = rows.map((r) => {
      const june = Number(r.june_cumulative_dong);
      // Whole million đồng before June; June is the exact figure.
      const value = share === 1 ? june : Math.floor((june * share) / 1_000_000) * 1_000_000;
      return {
        key: {
          componentCode: r.component_code!,
          projectCode: r.project_code ? r.project_code : null,
          communeCode: r.commune_code ? r.commune_code : null,
          sourceCode: r.source_code!,
          capitalType: r.capital_type as 'DTPT' | 'SN',
          originYear: Number(r.origin_year),
        },
        cumulative: { dong: value },
        note: r.note ?? '',
      };
    });
    count += saveEntries(ctx, { year: DEMO_YEAR, cutoffDate: monthEnd(DEMO_YEAR, i + 1), entries }).saved;
  });
  const targets = [300, 600, 1000, 1500, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9500];
  savePacing(ctx, { year: DEMO_YEAR, months: targets.map((targetBp, i) => ({ month: i + 1, targetBp })), source: 'Kịch bản giải ngân năm 2024 của UBND tỉnh (mẫu)' }, '2024-06-30');
  const notice = 'Thông báo kết luận của Chủ tịch UBND tỉnh Lạng Sơn ngày 11/7/2024';
  createBenchmark(ctx, { year: DEMO_YEAR, asOf: '2024-06-30', scope: 'tinh', rateBp: 2500, source: notice });
  createBenchmark(ctx, { year: DEMO_YEAR, asOf: '2024-06-30', scope: 'ca_nuoc', rateBp: 3500, source: `${notice} (thấp hơn bình quân cả nước 10%)` });
  createBenchmark(ctx, { year: DEMO_YEAR, asOf: '2024-06-30', scope: 'cung_ky', rateBp: 1980, source: `${notice} (tăng 5,2% so với cùng kỳ 2023)` });
  for (const [districtCode, rateBp] of [['188', 2740], ['184', 2310], ['181', 2190], ['187', 2620]] as const) {
    createBenchmark(ctx, { year: DEMO_YEAR, asOf: '2024-06-30', scope: 'huyen', districtCode, rateBp, source: 'Báo cáo tổng hợp của Sở Tài chính (dữ liệu mẫu)' });
  }
  return count;
}
