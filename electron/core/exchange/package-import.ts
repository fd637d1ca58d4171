/**
 * Import of an exchange package into an empty year of an office of the same district. In order: the manifest
 * (format, version), the office, the integrity of the data (SHA-256), an earlier import of the same data (a
 * no-op), an empty target year, every row matched to this office; then, after a backup, one transaction writes
 * the history row and its audit row, the registers, the assignments and the issued decisions exactly as they
 * were — inserted as drafts with their lines and their frozen wording (format 2) and then marked issued, so the database's own trigger folds them
 * into the ledger as issuing does.
 */
import { formatInstantInVietnam } from '../../../shared/format/today';
import type { PackageImportSummary } from '../../../shared/api/exchange';
import { formatDateVi } from '../../../shared/format/date';
import { formatAmount, toDong } from '../../../shared/money/dong';
import type { CoreContext } from '../context';
import type { Db } from '../db/database';
import { CoreError } from '../errors';
import type { RuleCheck } from '../../../shared/api/rules';
import { getDecisionRow } from '../decisions/store';
import { listDistricts, requireOffice } from '../office/office';
import { checkDraft } from '../rules/evaluate';
import { committedPackageImport, recordExchange } from './exchange-log';
import { packageHash } from './package-format';
import { parsePackage, type Problem } from './package-parse';
import { parseWordings } from './package-wording';
import { loadPackage, readPackageSheets, type LoadedPackage } from './package-read';
import { resolvePackage, type ImportPlan } from './package-resolve';

const COMMAND = 'exchange.importPackage';

const dong = (value: number) => `${formatAmount(toDong(value), 'dong')} đồng`;
const when = (iso: string) => formatInstantInVietnam(iso);

function districtLabel(db: Db, code: string): string {
  const district = listDistricts(db).find((d) => d.code === code);
  return district ? `${district.name} (mã ${code})` : `huyện mã ${code}`;
}

function ensureYearEmpty(db: Db, year: number): void {
  const { a, d } = db
    .prepare("SELECT (SELECT COUNT(*) FROM assignment WHERE year = ?) AS a, (SELECT COUNT(*) FROM decision WHERE year = ? AND status = 'issued') AS d")
    .get(year, year) as { a: number; d: number };
  if (a > 0 || d > 0) {
    throw new CoreError(
      'PACKAGE_TARGET_NOT_EMPTY',
      `Năm ${year} của văn phòng này đã có ${a} dòng vốn được giao và ${d} quyết định đã ban hành; gói chỉ được nhập vào năm chưa có số liệu, để không ghi trùng. Không có gì được ghi. Hãy nhập gói vào tệp dữ liệu của văn phòng chưa có năm ${year}.`,
      { year, assignments: a, issuedDecisions: d },
    );
  }
}

function refuseProblems(problems: Problem[]): never {
  const first = problems[0]!;
  throw new CoreError(
    'IMPORT_HAS_ERRORS',
    `Gói có ${problems.length} chỗ không nhập được vào văn phòng này; không có gì được ghi. Trước hết, ô ${first.cell}: ${first.message}`,
    { problems: problems.slice(0, 100) },
  );
}

/**
 * The rules a package's own data can be judged by: the sums against the assignments and the ledger (1–6) and what
 * the catalog allows (15, 16). Who may decide (7–10) rests on registers the package does not carry (the province's
 * delegation records): the issuing office checked those.
 */
const PACKAGE_RULES: ReadonlySet<number> = new Set([1, 2, 3, 4, 5, 6, 15, 16]);

/** A decision of the package that the rules refuse: the whole import is rolled back, with the findings. */
function refuseBrokenRules(d: ImportPlan['decisions'][number]['pkg'], check: RuleCheck): never {
  const errors = check.findings.filter((f) => f.severity === 'E' && PACKAGE_RULES.has(f.ruleId));
  const name = `${d.issuer === 'HDND' ? 'Nghị quyết' : 'Quyết định'} số ${d.number}/${d.numberYear} ngày ${formatDateVi(d.docDate)}`;
  throw new CoreError(
    'PACKAGE_BREAKS_RULES',
    `Gói không được nhập: ${name} trong gói vi phạm ${errors.length} quy tắc mà văn phòng đã kiểm tra khi ban hành (quy tắc ${[...new Set(errors.map((f) => f.ruleId))].join(', ')}). Trước hết (quy tắc ${errors[0]!.ruleId}): ${errors[0]!.message} Số liệu trong gói có thể đã bị sửa; không có gì được ghi. Hãy xin lại gói gốc từ nơi đã xuất.`,
    { decision: d.ref, findings: errors.slice(0, 100), evaluatedOn: check.evaluatedOn },
  );
}

interface Written {
  organizations: number;
  projects: number;
}

/** Writes the registers, assignments and decisions of a resolved package; runs inside the import's transaction. */
function writePlan(ctx: CoreContext, year: number, plan: ImportPlan, wordings: ReadonlyMap<string, string>, exchangeId: number): Written {
  const { db } = ctx;
  const now = ctx.now();
  const orgIds = new Map<string, number>();
  const insertOrg = db.prepare('INSERT INTO organization (kind, name, valid_from, valid_to, note, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  for (const o of plan.organizations) {
    orgIds.set(o.pkg.ref, o.existingId ?? Number(insertOrg.run(o.pkg.kind, o.pkg.name, o.pkg.validFrom, o.pkg.validTo, o.pkg.note, now).lastInsertRowid));
  }
  const projectIds = new Map<string, number>();
  const insertProject = db.prepare(
    `INSERT INTO investment_project (code, name, commune_unit_id, investor_org_id, total_investment_dong, approval_number, approval_date, special_mechanism, status, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const p of plan.projects) {
    const { pkg } = p;
    const id =
      p.existingId ??
      Number(
        insertProject.run(pkg.code, pkg.name, p.communeUnitId, pkg.investorRef === null ? null : orgIds.get(pkg.investorRef)!, pkg.totalInvestmentDong, pkg.approvalNumber, pkg.approvalDate, pkg.specialMechanism ? 1 : 0, pkg.status, pkg.note, now, now)
          .lastInsertRowid,
      );
    projectIds.set(pkg.code, id);
  }
  const insertAssignment = db.prepare(
    `INSERT INTO assignment (year, component_id, source_code, capital_type, origin_year, amount_dong, basis_number, basis_date, basis_issuer, note, created_at, updated_at, exchange_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const { pkg: a, componentId } of plan.assignments) {
    insertAssignment.run(year, componentId, a.sourceCode, a.capitalType, a.originYear, a.amountDong, a.basisNumber, a.basisDate, a.basisIssuer, a.note, now, now, exchangeId);
  }
  // Decisions go in as drafts (the triggers refuse lines on an issued decision), get their lines, then are
  // marked issued in the order they were issued: the issue trigger folds each into ledger_fold.
  const decisionIds = new Map<string, number>();
  const insertDecision = db.prepare(
    `INSERT INTO decision (year, kind, issuer, doc_date, summary, basis_json, declared_total_dong, signer_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const { pkg: d, signerId } of plan.decisions) {
    decisionIds.set(d.ref, Number(insertDecision.run(year, d.kind, d.issuer, d.docDate, d.summary, JSON.stringify(d.basis), d.declaredTotalDong, signerId, now, now).lastInsertRowid));
  }
  const setPredecessor = db.prepare('UPDATE decision SET predecessor_id = ? WHERE id = ?');
  const setImplements = db.prepare('UPDATE decision SET implements_id = ? WHERE id = ?');
  for (const { pkg: d, predecessor, implements: implemented } of plan.decisions) {
    if (predecessor) setPredecessor.run('id' in predecessor ? predecessor.id : decisionIds.get(predecessor.ref)!, decisionIds.get(d.ref)!);
    if (implemented) setImplements.run('id' in implemented ? implemented.id : decisionIds.get(implemented.ref)!, decisionIds.get(d.ref)!);
  }
  const insertLine = db.prepare(
    `INSERT INTO decision_line (decision_id, position, component_id, recipient_unit_id, recipient_org_id, project_id, source_code, capital_type, origin_year, amount_dong, before_dong, reason_code, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // A line may name a project this office already has without the package listing it.
  const projectHere = db.prepare('SELECT id FROM investment_project WHERE code = ?');
  for (const { pkg: l, componentId, unitId } of plan.lines) {
    const orgId = l.recipient && 'orgRef' in l.recipient ? orgIds.get(l.recipient.orgRef)! : null;
    const projectId = l.projectCode === null ? null : (projectIds.get(l.projectCode) ?? (projectHere.get(l.projectCode) as { id: number }).id);
    insertLine.run(decisionIds.get(l.decisionRef)!, l.position, componentId, unitId, orgId, projectId, l.sourceCode, l.capitalType, l.originYear, l.amountDong, l.beforeDong, l.reasonCode, l.note);
  }
  // The wording frozen at issue goes in while the decision is still a draft (the triggers refuse it afterwards).
  const insertWording = db.prepare('INSERT INTO decision_wording (decision_id, wording_json, updated_at) VALUES (?, ?, ?)');
  for (const [ref, wordingJson] of wordings) insertWording.run(decisionIds.get(ref)!, wordingJson, now);
  const markIssued = db.prepare(
    `UPDATE decision SET status = 'issued', number = ?, number_year = ?, signer_name = ?, signer_title = ?, issued_at = ?, issued_by = ?, updated_at = ? WHERE id = ?`,
  );
  for (const { pkg: d } of plan.decisions) {
    const id = decisionIds.get(d.ref)!;
    // A package is data, not trust (its checksum has no key): each decision is checked against the rules as this
    // office would have checked it before issuing, on the ledger of the ones before it; an error refuses the package.
    const check = checkDraft(db, getDecisionRow(db, id), now);
    if (check.findings.some((f) => f.severity === 'E' && PACKAGE_RULES.has(f.ruleId))) refuseBrokenRules(d, check);
    markIssued.run(d.number, d.numberYear, d.signerName, d.signerTitle, d.issuedAt, d.issuedBy, now, id);
  }
  return {
    organizations: plan.organizations.filter((o) => o.existingId === null).length,
    projects: plan.projects.filter((p) => p.existingId === null).length,
  };
}

/**
 * Imports a loaded package. `beforeCommit` runs once every check has passed, just before the transaction
 * (the handler takes a backup there).
 */
export function importLoadedPackage(ctx: CoreContext, fileName: string, loaded: LoadedPackage, beforeCommit: () => void = () => {}): PackageImportSummary {
  const { db } = ctx;
  const office = requireOffice(db);
  const { manifest } = loaded;
  const year = manifest.year;
  if (manifest.districtCode !== office.districtCode) {
    throw new CoreError(
      'IMPORT_WRONG_OFFICE',
      `Gói "${fileName}" là số liệu của ${districtLabel(db, manifest.districtCode)}${manifest.officeName ? ` (${manifest.officeName})` : ''}, còn văn phòng đang mở là ${office.districtName} (mã ${office.districtCode}). Không có gì được ghi; hãy mở tệp dữ liệu của đúng huyện rồi nhập lại.`,
      { packageDistrict: manifest.districtCode, officeDistrict: office.districtCode },
    );
  }
  const sheets = readPackageSheets(loaded);
  const sha256 = packageHash({ districtCode: manifest.districtCode, year }, sheets.grid, manifest.version);
  if (sha256 !== manifest.sha256) {
    throw new CoreError(
      'PACKAGE_TAMPERED',
      `Số liệu trong gói "${fileName}" đã bị sửa sau khi xuất (mã kiểm tra toàn vẹn không khớp), nên không được nhập; không có gì được ghi. Hãy xin lại tệp gốc từ nơi đã xuất gói, không sửa tệp trước khi nhập.`,
      { expected: manifest.sha256, actual: sha256 },
    );
  }
  const counts = { assignments: 0, decisions: 0, decisionLines: 0, projects: 0, organizations: 0 };
  const earlier = committedPackageImport(db, sha256);
  if (earlier) {
    const message = `Gói này (cùng số liệu năm ${year}) đã được nhập lúc ${when(earlier.at)} từ tệp "${earlier.fileName}"; không ghi gì thêm.`;
    const row = db.transaction(() =>
      recordExchange(ctx, COMMAND, { direction: 'import', kind: 'package', fileName, sha256, year, lineCount: 0, totalDong: 0, result: 'noop', message }),
    )();
    return { year, fileName, sha256, noop: true, message, counts, totalDong: toDong(0), exchangeId: row.id };
  }
  ensureYearEmpty(db, year);
  const { data, problems } = parsePackage(sheets);
  const plan = resolvePackage(db, year, data, problems);
  const wordings = parseWordings(sheets, new Set(data.decisions.map((d) => d.ref)), problems);
  if (problems.length > 0) refuseProblems(problems);

  const totalDong = data.assignments.reduce((sum, a) => sum + a.amountDong, 0);
  const newOrganizations = plan.organizations.filter((o) => o.existingId === null).length;
  const newProjects = plan.projects.filter((p) => p.existingId === null).length;
  const message = [
    `Đã nhập gói năm ${year} từ tệp "${fileName}"${manifest.createdAt ? ` (xuất lúc ${when(manifest.createdAt)})` : ''}: ${data.assignments.length} dòng vốn được giao, tổng ${dong(totalDong)}; ${data.decisions.length} quyết định, nghị quyết đã ban hành với ${data.lines.length} dòng; thêm ${newProjects} dự án và ${newOrganizations} đơn vị, chủ đầu tư vào danh mục.`,
    ...plan.warnings,
  ].join(' ');
  beforeCommit();
  const written = db.transaction(() => {
    ensureYearEmpty(db, year);
    const row = recordExchange(ctx, COMMAND, {
      direction: 'import',
      kind: 'package',
      fileName,
      sha256,
      year,
      lineCount: data.assignments.length,
      totalDong,
      result: 'committed',
      message,
    });
    return { row, ...writePlan(ctx, year, plan, wordings, row.id) };
  })();
  return {
    year,
    fileName,
    sha256,
    noop: false,
    message,
    counts: { assignments: data.assignments.length, decisions: data.decisions.length, decisionLines: data.lines.length, projects: written.projects, organizations: written.organizations },
    totalDong: toDong(totalDong),
    exchangeId: written.row.id,
  };
}

/** Reads the workbook (asynchronously) and imports it. */
export async function importPackage(ctx: CoreContext, fileName: string, base64: string, beforeCommit?: () => void): Promise<PackageImportSummary> {
  return importLoadedPackage(ctx, fileName, await loadPackage(base64, fileName), beforeCommit);
}
