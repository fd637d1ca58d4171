/**
 * Succession (issue 21, point 4): a commune office of 1/7/2025 imports the former district's exchange package as
 * HISTORY. The package goes through the exchange package's own checks (container, manifest, SHA-256 of the data,
 * every row typed); then the district must be one the commune was formed from (the successor table), and the same
 * package again is a no-op. The decisions and their lines, and the district's disbursement (format 3 on), are
 * written to the history tables — never to the commune's decisions, ledger or disbursement, so they are never counted
 * in its plan — in one transaction with the audit row, each recipient mapped to the new commune when it was one of the
 * former communes. A package made before format 3 still imports; the history then says it carries no disbursement.
 */
import { formatInstantInVietnam } from '../../../shared/format/today';
import type { HistoryImportSummary } from '../../../shared/api/history';
import { formatDateVi } from '../../../shared/format/date';
import type { CoreContext } from '../context';
import { writeAudit } from '../context';
import type { Db } from '../db/database';
import { DeadlineBook } from '../disbursement/deadlines';
import { CoreError } from '../errors';
import { listDistricts, requireOffice } from '../office/office';
import { carriesDisbursement, DECISION_SHEET, LINE_SHEET, packageHash, toRecord } from '../exchange/package-format';
import { parseDisbursement } from '../exchange/package-disbursement';
import { parsePackage } from '../exchange/package-parse';
import { loadPackage, readPackageSheets, type LoadedPackage } from '../exchange/package-read';
import { formerUnitsOf, type FormerUnit } from './former-units';
import { writeHistoryDisbursement, writeHistoryLines } from './history-write';
import { openMoney } from './open-money';

const COMMAND = 'history.importPackage';

/** NQ 257/2025/QH15: the 2021–2025 money of the former districts may be disbursed until 31/12/2026. */
const NQ_257 = { number: 'Nghị quyết số 257/2025/QH15', date: '2025-12-11', deadline: '2026-12-31', from: 2021, to: 2025 } as const;

function districtName(db: Db, code: string): string {
  return listDistricts(db).find((d) => d.code === code)?.name ?? `Huyện mã ${code}`;
}

/** The program a component belongs to, from the catalog of its period (the code's prefix when the catalog lacks it). */
function programOf(db: Db): (periodCode: string, componentCode: string) => string {
  const find = db.prepare('SELECT program_code FROM component WHERE period_code = ? AND code = ?');
  return (periodCode, componentCode) => (find.get(periodCode, componentCode) as { program_code: string } | undefined)?.program_code ?? componentCode.split('.')[0]!;
}

/**
 * The NQ 257/2025/QH15 extension as an ordinary extension record, written once, when no record already gives the
 * 2021–2025 money of the history still open (allocated less disbursed) a deadline of 31/12/2026 or later: rule 13's
 * warnings then follow that money; when nothing is open, nothing is written.
 */
function ensureNq257Extension(ctx: CoreContext, successorCode: string): number | null {
  const { db } = ctx;
  const book = new DeadlineBook(db);
  // Only the money still open of the 2021–2025 origin years (allocated less disbursed, everything recorded counted).
  const scopes = openMoney(db, successorCode, '9999-12-31').filter((o) => o.openDong > 0 && o.originYear >= NQ_257.from && o.originYear <= NQ_257.to);
  if (scopes.length === 0) return null;
  const covered = scopes.every((s) => book.of({ originYear: s.originYear, programCode: s.programCode, sourceCode: s.sourceCode, capitalType: s.capitalType }).deadline >= NQ_257.deadline);
  if (covered) return null;
  const now = ctx.now();
  const note = 'Ghi khi nhập lịch sử của huyện cũ: vốn 2021–2025 được kéo dài thời gian giải ngân đến 31/12/2026 (NQ 257/2025/QH15).';
  const id = Number(
    db
      .prepare(
        `INSERT INTO extension (origin_year_from, origin_year_to, authority, decision_number, decision_date, new_deadline, note, created_at, updated_at)
         VALUES (?, ?, 'QH', ?, ?, ?, ?, ?, ?)`,
      )
      .run(NQ_257.from, NQ_257.to, NQ_257.number, NQ_257.date, NQ_257.deadline, note, now, now).lastInsertRowid,
  );
  writeAudit(ctx, COMMAND, 'extension', id, null, { originYearFrom: NQ_257.from, originYearTo: NQ_257.to, authority: 'QH', decisionNumber: NQ_257.number, newDeadline: NQ_257.deadline });
  return id;
}

function refuseNotCommune(fileName: string): never {
  throw new CoreError(
    'HISTORY_NOT_COMMUNE',
    `Tệp "${fileName}": chỉ văn phòng cấp xã (từ 01/07/2025) mới nhập gói của huyện cũ làm lịch sử. Văn phòng cấp huyện nhập gói cùng huyện bằng lệnh "import-package". Không có gì được ghi.`,
  );
}

export function importHistoryLoaded(ctx: CoreContext, fileName: string, loaded: LoadedPackage, beforeCommit: () => void = () => {}): HistoryImportSummary {
  const { db } = ctx;
  const office = requireOffice(db);
  if (office.level !== 'xa') refuseNotCommune(fileName);
  const { manifest } = loaded;
  const former = formerUnitsOf(db, office.districtCode);
  const fromDistricts = [...new Set(former.map((u) => u.districtCode))];
  const name = districtName(db, manifest.districtCode);
  if (!fromDistricts.includes(manifest.districtCode)) {
    const formed = former.map((u) => `${u.name} (${u.districtName})`).join(', ');
    throw new CoreError(
      'HISTORY_WRONG_DISTRICT',
      `Gói "${fileName}" là số liệu của ${name} (mã ${manifest.districtCode}), nhưng ${office.districtName} được hình thành từ ${formed || 'không đơn vị nào trong bảng kế thừa'}, không từ xã nào của huyện đó. Không có gì được ghi; hãy nhập gói của ${fromDistricts.map((c) => `${districtName(db, c)} (mã ${c})`).join(', ') || 'huyện cũ'}.`,
      { packageDistrict: manifest.districtCode, formedFromDistricts: fromDistricts },
    );
  }
  const sheets = readPackageSheets(loaded);
  const sha256 = packageHash({ districtCode: manifest.districtCode, year: manifest.year }, sheets.grid, manifest.version);
  if (sha256 !== manifest.sha256) {
    throw new CoreError(
      'PACKAGE_TAMPERED',
      `Số liệu trong gói "${fileName}" đã bị sửa sau khi xuất (mã kiểm tra toàn vẹn không khớp), nên không được nhập làm lịch sử; không có gì được ghi. Hãy xin lại tệp gốc từ nơi đã xuất gói, không sửa tệp trước khi nhập.`,
      { expected: manifest.sha256, actual: sha256 },
    );
  }
  const earlier = db.prepare('SELECT id, file_name, imported_at FROM history_package WHERE sha256 = ?').get(sha256) as { id: number; file_name: string; imported_at: string } | undefined;
  const base = { districtCode: manifest.districtCode, districtName: name, year: manifest.year, sha256 };
  if (earlier) {
    const counts = db
      .prepare('SELECT (SELECT COUNT(*) FROM history_decision WHERE package_id = ?) AS d, (SELECT COUNT(*) FROM history_line l JOIN history_decision d ON d.id = l.decision_id WHERE d.package_id = ?) AS l')
      .get(earlier.id, earlier.id) as { d: number; l: number };
    return {
      ...base,
      noop: true,
      packageId: earlier.id,
      decisions: counts.d,
      lines: counts.l,
      linesOfThisCommune: 0,
      extensionId: null,
      carriesDisbursement: carriesDisbursement(manifest.version),
      disbursementEntries: (db.prepare('SELECT COUNT(*) AS n FROM history_disbursement WHERE package_id = ?').get(earlier.id) as { n: number }).n,
      disbursementEntriesOfThisCommune: 0,
      message: `Gói này (${name}, năm ${manifest.year}) đã được nhập làm lịch sử lúc ${formatInstantInVietnam(earlier.imported_at)} từ tệp "${earlier.file_name}"; không ghi gì thêm.`,
    };
  }
  const { data, problems } = parsePackage(sheets);
  const disbursement = parseDisbursement(sheets, problems);
  const carries = carriesDisbursement(manifest.version);
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new CoreError('IMPORT_HAS_ERRORS', `Gói có ${problems.length} chỗ không đọc được; không có gì được ghi. Trước hết, ô ${first.cell}: ${first.message}`, { problems: problems.slice(0, 100) });
  }
  // Names as the district wrote them (the typed rows keep codes; the sheet rows keep the names, row for row).
  const lineRows = (sheets.grid[LINE_SHEET.name] ?? []).map((row) => toRecord(LINE_SHEET, row));
  const decisionRows = (sheets.grid[DECISION_SHEET.name] ?? []).map((row) => toRecord(DECISION_SHEET, row));
  if (lineRows.length !== data.lines.length || decisionRows.length !== data.decisions.length) {
    throw new CoreError('PACKAGE_INVALID', `Gói "${fileName}" có số dòng không khớp giữa các trang; tệp đã bị sửa hoặc hỏng. Không có gì được ghi.`);
  }
  const successorOf = new Map(former.map((u): [string, FormerUnit] => [`${u.dataset}|${u.code}`, u]));
  const program = programOf(db);
  beforeCommit();
  return db.transaction(() => {
    const now = ctx.now();
    const packageId = Number(
      db
        .prepare(
          'INSERT INTO history_package (sha256, district_code, district_name, office_name, year, file_name, exported_at, imported_at, imported_by, carries_disbursement) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(sha256, manifest.districtCode, name, manifest.officeName, manifest.year, fileName, manifest.createdAt, now, ctx.actor, carries ? 1 : 0).lastInsertRowid,
    );
    const insertDecision = db.prepare(
      'INSERT INTO history_decision (package_id, ref, kind, issuer, number, number_year, doc_date, summary, basis_json, signer_name, signer_title) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const decisionIds = new Map<string, number>();
    for (const d of data.decisions) {
      decisionIds.set(d.ref, Number(insertDecision.run(packageId, d.ref, d.kind, d.issuer, d.number, d.numberYear, d.docDate, d.summary, JSON.stringify(d.basis), d.signerName, d.signerTitle).lastInsertRowid));
    }
    const ours = writeHistoryLines(db, data.lines, lineRows, decisionIds, successorOf, program);
    const disbursedOurs = writeHistoryDisbursement(db, packageId, manifest.year, disbursement, successorOf, program);
    const extensionId = ensureNq257Extension(ctx, office.districtCode);
    const formerNames = [...new Set(former.filter((u) => u.districtCode === manifest.districtCode).map((u) => u.name))].join(', ');
    const message = [
      `Đã nhập gói năm ${manifest.year} của ${name} từ tệp "${fileName}" làm lịch sử (chỉ đọc, không tính vào kế hoạch của xã): ${data.decisions.length} quyết định, nghị quyết đã ban hành với ${data.lines.length} dòng;`,
      `${ours} dòng giao cho các xã cũ nay thuộc ${office.districtName} (${formerNames}).`,
      carries
        ? `Số giải ngân của huyện: ${disbursement.length} dòng (mọi kỳ số liệu), ${disbursedOurs} dòng của các xã cũ; số còn phải giải ngân = số đã phân bổ − số đã giải ngân.`
        : `Gói định dạng ${manifest.version} (tạo trước định dạng 3) không mang số giải ngân của huyện: số còn phải giải ngân của các xã cũ là số huyện đã phân bổ, chưa trừ số đã giải ngân.`,
      extensionId !== null ? `Đã ghi quyết định kéo dài theo ${NQ_257.number}: vốn 2021–2025 giải ngân đến ${formatDateVi(NQ_257.deadline)}.` : '',
    ]
      .filter((s) => s !== '')
      .join(' ');
    const summary: HistoryImportSummary = {
      ...base,
      noop: false,
      packageId,
      decisions: data.decisions.length,
      lines: data.lines.length,
      linesOfThisCommune: ours,
      extensionId,
      carriesDisbursement: carries,
      disbursementEntries: disbursement.length,
      disbursementEntriesOfThisCommune: disbursedOurs,
      message,
    };
    writeAudit(ctx, COMMAND, 'history_package', packageId, null, {
      fileName,
      ...base,
      decisions: summary.decisions,
      lines: summary.lines,
      linesOfThisCommune: ours,
      extensionId,
      carriesDisbursement: carries,
      disbursementEntries: disbursement.length,
    });
    return summary;
  })();
}

export async function importHistory(ctx: CoreContext, fileName: string, base64: string, beforeCommit?: () => void): Promise<HistoryImportSummary> {
  return importHistoryLoaded(ctx, fileName, await loadPackage(base64, fileName), beforeCommit);
}
