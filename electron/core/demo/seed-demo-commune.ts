/**
 * The sample year of a commune office after 1/7/2025 (Xã Tràng Định, 06046, formed from Đề Thám, Hùng Sơn and
 * Hùng Việt): the province's 2026 allocation under the merged 2026–2035 program, the commune's own counterpart,
 * the carried-over 2021–2025 money of its former communes (extended to 31/12/2026, its own origin year) and the
 * commune UBND's allocation decision, issued. Everything is marked "(dữ liệu mẫu)" / "mẫu".
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { LineChange } from '../../../shared/api/decisions';
import type { DemoSeedResult } from '../../../shared/api/app';
import type { SignerRoleCode } from '../../../shared/domain/signers';
import { SIGNER_ROLE_BODY } from '../../../shared/domain/signers';
import type { CoreContext } from '../context';
import { createSampleAssignments, organizationFinder, requireEmptyYear } from './sample-parts';
import { createDraft } from '../decisions/drafts';
import { issueDecision } from '../decisions/issue';
import { applyLineChanges } from '../decisions/lines';
import { createExtension, listExtensions } from '../disbursement/deadlines';
import { CoreError } from '../errors';
import { getOffice } from '../office/office';
import { insertSigners, listSigners } from '../office/signers';

export const COMMUNE_DEMO_YEAR = 2026;
export const COMMUNE_DEMO_UNIT = '06046';

const SIGNERS: { name: string; title: string; roleCode: SignerRoleCode }[] = [
  { name: 'Hoàng Văn Thắng', title: 'Chủ tịch UBND xã', roleCode: 'ubnd_chu_tich' },
  { name: 'Triệu Thị Hoa', title: 'Phó Chủ tịch UBND xã', roleCode: 'ubnd_pho_chu_tich' },
  { name: 'Lý Văn Quân', title: 'Chủ tịch HĐND xã', roleCode: 'hdnd_chu_tich' },
];

const DECISION = {
  number: 25,
  numberText: '25/QĐ-UBND',
  docDate: '2026-02-20',
  summary: 'Về việc phân bổ chi tiết kế hoạch vốn và dự toán kinh phí thực hiện Chương trình mục tiêu quốc gia giai đoạn 2026 - 2035 năm 2026 (dữ liệu mẫu)',
  basis: [
    'Nghị quyết số 257/2025/QH15 ngày 11/12/2025 của Quốc hội',
    'Quyết định số 1850/QĐ-UBND và số 1851/QĐ-UBND ngày 20/12/2025 của UBND tỉnh Lạng Sơn (mẫu)',
  ],
};

type Row = Record<string, string>;
const readCsv = (seedDir: string, file: string) => parse(fs.readFileSync(path.join(seedDir, file), 'utf8'), { columns: true, bom: true }) as Row[];

export function seedCommuneDemo(ctx: CoreContext, seedDir: string): DemoSeedResult {
  const assignments = readCsv(seedDir, 'demo-trang-dinh-xa-2026.csv');
  const lines = readCsv(seedDir, 'demo-trang-dinh-xa-2026-decisions.csv');
  const { db } = ctx;
  return db.transaction(() => {
    const office = getOffice(db)!;
    if (office.districtCode !== COMMUNE_DEMO_UNIT) {
      throw new CoreError(
        'DEMO_WRONG_DISTRICT',
        `Dữ liệu mẫu của cấp xã là của Xã Tràng Định (mã ${COMMUNE_DEMO_UNIT}), năm ${COMMUNE_DEMO_YEAR}. Văn phòng trong thư mục dữ liệu này là ${office.districtName} (mã ${office.districtCode}), nên không thêm được số liệu mẫu. Để thử, hãy tạo văn phòng trong một thư mục riêng: "npm run cli -- init --office ${COMMUNE_DEMO_UNIT} --data <thư mục mới>" rồi seed-demo.`,
        { officeDistrict: office.districtCode, demoDistrict: COMMUNE_DEMO_UNIT },
      );
    }
    requireEmptyYear(db, COMMUNE_DEMO_YEAR);
    createSampleAssignments(ctx, COMMUNE_DEMO_YEAR, assignments);
    // The carried-over 2021–2025 money may be disbursed until 31/12/2026 (NQ 257/2025/QH15): without the extension record
    // rule 13 would refuse every figure of it after 31/01/2026 and Giải ngân would give it no row to type into.
    if (!listExtensions(db).some((e) => e.originYearFrom <= 2021 && e.originYearTo >= 2025 && e.newDeadline >= '2026-12-31' && e.programCode === null && e.sourceCode === null && e.capitalType === null)) {
      createExtension(ctx, {
        originYearFrom: 2021,
        originYearTo: 2025,
        authority: 'QH',
        decisionNumber: 'Nghị quyết số 257/2025/QH15',
        decisionDate: '2025-12-11',
        newDeadline: '2026-12-31',
        note: 'Vốn 2021–2025 được kéo dài thời gian giải ngân đến 31/12/2026 (NQ 257/2025/QH15); ghi khi tạo dữ liệu mẫu của xã.',
      });
    }
    const orgId = organizationFinder(ctx);
    const own = listSigners(db, { includeRetired: false });
    if (!own.some((s) => s.roleCode !== null && SIGNER_ROLE_BODY[s.roleCode] === 'UBND')) insertSigners(db, own.length === 0 ? SIGNERS : SIGNERS.filter((s) => SIGNER_ROLE_BODY[s.roleCode] === 'UBND'), { sample: true });
    const signer = listSigners(db, { includeRetired: false }).find((s) => s.roleCode === 'ubnd_chu_tich') ?? listSigners(db, { includeRetired: false }).find((s) => s.roleCode !== null && SIGNER_ROLE_BODY[s.roleCode] === 'UBND')!;

    const draft = createDraft(ctx, { year: COMMUNE_DEMO_YEAR, kind: 'phan_bo', issuer: 'UBND', docDate: DECISION.docDate, summary: DECISION.summary, basis: DECISION.basis });
    const changes: LineChange[] = lines
      .filter((r) => r.decision === DECISION.numberText)
      .map((r) => ({
        op: 'add',
        line: {
          componentCode: r.component_code!,
          recipient: { kind: r.recipient_kind as 'unit' | 'investor', id: orgId(r.recipient_kind as 'unit' | 'investor', r.recipient_ref!) },
          projectCode: null,
          sourceCode: r.source_code!,
          capitalType: r.capital_type as 'DTPT' | 'SN',
          originYear: Number(r.origin_year),
          amount: { dong: Number(r.amount_dong) },
          reasonCode: null,
          note: r.note ?? '',
        },
      }));
    applyLineChanges(ctx, { decisionId: draft.header.id, changes });
    issueDecision(ctx, { id: draft.header.id, docDate: DECISION.docDate, signerId: signer.id, number: DECISION.number });
    return { office: getOffice(db)!, year: COMMUNE_DEMO_YEAR, assignmentLines: assignments.length, decisions: 1, disbursementEntries: 0 };
  })();
}
