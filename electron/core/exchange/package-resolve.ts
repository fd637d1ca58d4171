/**
 * Matching a package's rows to this office's database: catalog components by (period, code), administrative
 * units by (dataset, code), organizations by (kind, name), projects by code, decisions by issuer, year and
 * number. What cannot be matched is a problem named by its cell; nothing is written here.
 */
import type { Db } from '../db/database';
import { decisionRef } from './package-format';
import type { PackageAssignment, PackageData, PackageDecision, PackageLine, PackageOrganization, PackageProject, Problem, UnitRef } from './package-parse';

export interface ResolvedOrganization {
  pkg: PackageOrganization;
  /** The same organization already in this office's register, reused as it is. */
  existingId: number | null;
}

export interface ResolvedProject {
  pkg: PackageProject;
  existingId: number | null;
  communeUnitId: number | null;
}

export interface ResolvedLine {
  pkg: PackageLine;
  componentId: number;
  unitId: number | null;
}

export interface ResolvedDecision {
  pkg: PackageDecision;
  signerId: number | null;
  /** The decision it adjusts: another decision of the package, one already in this office, or none found. */
  predecessor: { ref: string } | { id: number } | null;
  /** The resolution it implements, the same way. */
  implements: { ref: string } | { id: number } | null;
}

export interface ImportPlan {
  organizations: ResolvedOrganization[];
  projects: ResolvedProject[];
  assignments: { pkg: PackageAssignment; componentId: number }[];
  decisions: ResolvedDecision[];
  lines: ResolvedLine[];
  /** Not blocking, said in the result message (a predecessor of another year this office does not hold). */
  warnings: string[];
}

const REF = /^(\d+)\/(QĐ-UBND|NQ-HĐND) \((\d{4})\)$/;

class Lookups {
  private readonly components = new Map<string, { id: number; allowed: string } | null>();
  private readonly units = new Map<string, number | null>();
  readonly sources: Set<string>;
  readonly reasons: Set<string>;

  constructor(private readonly db: Db) {
    this.sources = new Set((db.prepare('SELECT code FROM funding_source').all() as { code: string }[]).map((r) => r.code));
    this.reasons = new Set((db.prepare('SELECT code FROM reason_code').all() as { code: string }[]).map((r) => r.code));
  }

  component(periodCode: string, code: string): { id: number; allowed: string } | null {
    const key = `${periodCode}|${code}`;
    if (!this.components.has(key)) {
      const row = this.db.prepare('SELECT id, allowed_capital_types AS allowed FROM component WHERE period_code = ? AND code = ?').get(periodCode, code) as
        | { id: number; allowed: string }
        | undefined;
      this.components.set(key, row ?? null);
    }
    return this.components.get(key)!;
  }

  unit(ref: UnitRef): number | null {
    const key = `${ref.dataset}|${ref.code}`;
    if (!this.units.has(key)) {
      const row = this.db.prepare('SELECT id FROM admin_unit WHERE dataset = ? AND code = ?').get(ref.dataset, ref.code) as { id: number } | undefined;
      this.units.set(key, row?.id ?? null);
    }
    return this.units.get(key)!;
  }
}

function problem(problems: Problem[], cell: string, code: Problem['code'], message: string): void {
  problems.push({ cell, code, message });
}

function resolveOrganizations(db: Db, data: PackageData, problems: Problem[]): ResolvedOrganization[] {
  const refs = new Set<string>();
  const names = new Set<string>();
  const existing = db.prepare('SELECT id FROM organization WHERE kind = ? AND name = ?');
  return data.organizations.map((o) => {
    if (refs.has(o.ref)) problem(problems, o.cell, 'DUPLICATE_CODE', `Tham chiếu "${o.ref}" lặp lại.`);
    if (names.has(`${o.kind}|${o.name}`)) problem(problems, o.cell, 'DUPLICATE_CODE', `"${o.name}" lặp lại.`);
    refs.add(o.ref);
    names.add(`${o.kind}|${o.name}`);
    return { pkg: o, existingId: (existing.get(o.kind, o.name) as { id: number } | undefined)?.id ?? null };
  });
}

function resolveProjects(db: Db, data: PackageData, orgRefs: Set<string>, lookups: Lookups, problems: Problem[]): ResolvedProject[] {
  const codes = new Set<string>();
  const existing = db.prepare('SELECT id FROM investment_project WHERE code = ?');
  return data.projects.map((p) => {
    if (codes.has(p.code)) problem(problems, p.cell, 'DUPLICATE_CODE', `Mã dự án "${p.code}" lặp lại.`);
    codes.add(p.code);
    const communeUnitId = p.commune ? lookups.unit(p.commune) : null;
    if (p.commune && communeUnitId === null) problem(problems, p.cell, 'UNKNOWN_RECIPIENT', `Không có xã mã ${p.commune.code} (bộ mã ${p.commune.dataset}) trong danh mục đơn vị hành chính của máy này.`);
    if (p.investorRef !== null && !orgRefs.has(p.investorRef)) problem(problems, p.cell, 'UNKNOWN_RECIPIENT', `Chủ đầu tư "${p.investorRef}" không có trên trang "Đơn vị, chủ đầu tư".`);
    return { pkg: p, existingId: (existing.get(p.code) as { id: number } | undefined)?.id ?? null, communeUnitId };
  });
}

function checkOriginYear(problems: Problem[], cell: string, originYear: number, year: number): void {
  if (originYear > year || originYear < year - 10) problem(problems, cell, 'INVALID_ORIGIN_YEAR', `Vốn năm ${originYear} phải từ ${year - 10} đến ${year}.`);
}

function resolveDecisions(db: Db, data: PackageData, problems: Problem[], warnings: string[]): ResolvedDecision[] {
  const refs = new Set<string>();
  const signer = db.prepare('SELECT id FROM signer WHERE name = ? AND title = ? ORDER BY sort_order, id LIMIT 1');
  const taken = db.prepare('SELECT id FROM decision WHERE issuer = ? AND number_year = ? AND number = ?');
  const issued = db.prepare("SELECT id FROM decision WHERE issuer = ? AND number_year = ? AND number = ? AND status = 'issued'");
  for (const d of data.decisions) refs.add(d.ref);
  const seen = new Set<string>();
  return data.decisions.map((d) => {
    if (seen.has(d.ref)) problem(problems, d.cell, 'DUPLICATE_CODE', `Tham chiếu "${d.ref}" lặp lại.`);
    seen.add(d.ref);
    if (d.ref !== decisionRef(d.issuer, d.number, d.numberYear)) problem(problems, d.cell, 'INVALID_INPUT', `Tham chiếu "${d.ref}" không khớp số ${d.number}, năm ${d.numberYear} của văn bản.`);
    if (taken.get(d.issuer, d.numberYear, d.number)) {
      problem(problems, d.cell, 'DECISION_NUMBER_TAKEN', `Số ${d.ref} đã có trong dữ liệu của văn phòng này; không thể có hai văn bản cùng số.`);
    }
    let predecessor: ResolvedDecision['predecessor'] = null;
    if (d.predecessorRef !== null) {
      const m = REF.exec(d.predecessorRef);
      const here = m ? (issued.get(m[2] === 'QĐ-UBND' ? 'UBND' : 'HDND', Number(m[3]), Number(m[1])) as { id: number } | undefined) : undefined;
      if (refs.has(d.predecessorRef)) predecessor = { ref: d.predecessorRef };
      else if (here) predecessor = { id: here.id };
      else warnings.push(`Văn bản được ${d.ref} điều chỉnh (${d.predecessorRef}) không có trong gói và trong dữ liệu này; liên kết được bỏ trống.`);
    }
    let implementsLink: ResolvedDecision['implements'] = null;
    if (d.implementsRef !== null) {
      const m = REF.exec(d.implementsRef);
      const here = m ? (issued.get(m[2] === 'QĐ-UBND' ? 'UBND' : 'HDND', Number(m[3]), Number(m[1])) as { id: number } | undefined) : undefined;
      if (refs.has(d.implementsRef)) implementsLink = { ref: d.implementsRef };
      else if (here) implementsLink = { id: here.id };
      // Without its resolution, a decision of no lines of its own would print nothing: the package is refused.
      else problem(problems, d.cell, 'INVALID_INPUT', `${d.ref} thực hiện nghị quyết ${d.implementsRef}, không có trong gói và trong dữ liệu này.`);
    }
    const signerId = (signer.get(d.signerName, d.signerTitle) as { id: number } | undefined)?.id ?? null;
    return { pkg: d, signerId, predecessor, implements: implementsLink };
  });
}

function resolveLines(db: Db, year: number, data: PackageData, orgRefs: Set<string>, lookups: Lookups, problems: Problem[]): ResolvedLine[] {
  const decisionRefs = new Set(data.decisions.map((d) => d.ref));
  const projectCodes = new Set(data.projects.map((p) => p.code));
  const existingProject = db.prepare('SELECT 1 FROM investment_project WHERE code = ?');
  return data.lines.map((l) => {
    if (!decisionRefs.has(l.decisionRef)) problem(problems, l.cell, 'NOT_FOUND', `Quyết định "${l.decisionRef}" không có trên trang "Quyết định".`);
    const component = lookups.component(l.periodCode, l.componentCode);
    if (!component) problem(problems, l.cell, 'UNKNOWN_COMPONENT', `Không có hợp phần ${l.componentCode} (giai đoạn ${l.periodCode}) trong danh mục của máy này; hãy cập nhật ứng dụng.`);
    let unitId: number | null = null;
    if (l.recipient && 'unit' in l.recipient) {
      unitId = lookups.unit(l.recipient.unit);
      if (unitId === null) problem(problems, l.cell, 'UNKNOWN_RECIPIENT', `Không có đơn vị hành chính mã ${l.recipient.unit.code} (bộ mã ${l.recipient.unit.dataset}) trong danh mục của máy này.`);
    }
    if (l.recipient && 'orgRef' in l.recipient && !orgRefs.has(l.recipient.orgRef)) {
      problem(problems, l.cell, 'UNKNOWN_RECIPIENT', `Đơn vị nhận "${l.recipient.orgRef}" không có trên trang "Đơn vị, chủ đầu tư".`);
    }
    if (l.projectCode !== null && !projectCodes.has(l.projectCode) && !existingProject.get(l.projectCode)) {
      problem(problems, l.cell, 'UNKNOWN_PROJECT', `Dự án "${l.projectCode}" không có trên trang "Dự án" và trong danh mục dự án của văn phòng.`);
    }
    if (!lookups.sources.has(l.sourceCode)) problem(problems, l.cell, 'UNKNOWN_FUNDING_SOURCE', `Không có nguồn vốn "${l.sourceCode}" trong danh mục.`);
    if (l.reasonCode !== null && !lookups.reasons.has(l.reasonCode)) problem(problems, l.cell, 'UNKNOWN_REASON', `Không có mã lý do "${l.reasonCode}" trong danh mục.`);
    checkOriginYear(problems, l.cell, l.originYear, year);
    return { pkg: l, componentId: component?.id ?? 0, unitId };
  });
}

/** Matches every row of the package to this office; problems are collected, not thrown. */
export function resolvePackage(db: Db, year: number, data: PackageData, problems: Problem[]): ImportPlan {
  const lookups = new Lookups(db);
  const warnings: string[] = [];
  const organizations = resolveOrganizations(db, data, problems);
  const orgRefs = new Set(data.organizations.map((o) => o.ref));
  const projects = resolveProjects(db, data, orgRefs, lookups, problems);
  const assignments = data.assignments.map((a) => {
    const component = lookups.component(a.periodCode, a.componentCode);
    if (!component) problem(problems, a.cell, 'UNKNOWN_COMPONENT', `Không có hợp phần ${a.componentCode} (giai đoạn ${a.periodCode}) trong danh mục của máy này; hãy cập nhật ứng dụng.`);
    else if (!component.allowed.split(',').includes(a.capitalType)) problem(problems, a.cell, 'CAPITAL_TYPE_NOT_ALLOWED', `Hợp phần ${a.componentCode} không nhận loại vốn ${a.capitalType}.`);
    if (!lookups.sources.has(a.sourceCode)) problem(problems, a.cell, 'UNKNOWN_FUNDING_SOURCE', `Không có nguồn vốn "${a.sourceCode}" trong danh mục.`);
    checkOriginYear(problems, a.cell, a.originYear, year);
    return { pkg: a, componentId: component?.id ?? 0 };
  });
  const decisions = resolveDecisions(db, data, problems, warnings);
  const lines = resolveLines(db, year, data, orgRefs, lookups, problems);
  return { organizations, projects, assignments, decisions, lines, warnings };
}
