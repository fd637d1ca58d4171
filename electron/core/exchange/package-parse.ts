/**
 * The values of a package's sheets turned into typed rows. The hash already proved the file is as exported;
 * these checks catch a package this office cannot hold (a newer catalog, a hand-made file with a matching hash),
 * each problem named by sheet and cell.
 */
import type { ErrorCode } from '../../../shared/api/result';
import type { DecisionIssuer, DecisionKind } from '../../../shared/api/decisions';
import type { ProjectStatus } from '../../../shared/api/registers';
import type { CapitalTypeCode } from '../../../shared/api/schemas';
import { isValidIsoDate } from '../../../shared/format/date';
import {
  ASSIGNMENT_SHEET,
  DECISION_SHEET,
  LINE_SHEET,
  ORGANIZATION_SHEET,
  PROJECT_SHEET,
  toRecord,
  type CellValue,
  type SheetSpec,
} from './package-format';
import { codeOf, ISSUER_WORDS, KIND_WORDS, ORGANIZATION_KIND_WORDS, PROJECT_STATUS_WORDS, UNIT_RECIPIENT_WORDS, YES_NO_WORDS } from './package-labels';
import type { PackageSheets } from './package-read';

export interface Problem {
  cell: string;
  code: ErrorCode;
  message: string;
}

/** An administrative unit as the package names it: the dataset of the catalog and the code in it. */
export interface UnitRef {
  dataset: string;
  code: string;
}

export interface PackageAssignment {
  periodCode: string;
  componentCode: string;
  sourceCode: string;
  capitalType: CapitalTypeCode;
  originYear: number;
  amountDong: number;
  basisNumber: string;
  basisDate: string | null;
  basisIssuer: string;
  note: string;
  cell: string;
}

export interface PackageDecision {
  ref: string;
  kind: DecisionKind;
  issuer: DecisionIssuer;
  number: number;
  numberYear: number;
  docDate: string;
  summary: string;
  basis: string[];
  declaredTotalDong: number | null;
  signerName: string;
  signerTitle: string;
  predecessorRef: string | null;
  /** The HĐND resolution a UBND decision implements (giao dự toán); absent in packages written before it existed. */
  implementsRef: string | null;
  issuedAt: string | null;
  issuedBy: string | null;
  cell: string;
}

export type PackageRecipient = { unit: UnitRef } | { orgRef: string } | null;

export interface PackageLine {
  decisionRef: string;
  position: number;
  periodCode: string;
  componentCode: string;
  recipient: PackageRecipient;
  projectCode: string | null;
  sourceCode: string;
  capitalType: CapitalTypeCode;
  originYear: number;
  amountDong: number;
  beforeDong: number | null;
  reasonCode: string | null;
  note: string;
  cell: string;
}

export interface PackageProject {
  code: string;
  name: string;
  commune: UnitRef | null;
  investorRef: string | null;
  totalInvestmentDong: number;
  approvalNumber: string;
  approvalDate: string | null;
  specialMechanism: boolean;
  status: ProjectStatus;
  note: string;
  cell: string;
}

export interface PackageOrganization {
  ref: string;
  kind: 'unit' | 'investor';
  name: string;
  validFrom: string | null;
  validTo: string | null;
  note: string;
  cell: string;
}

export interface PackageData {
  assignments: PackageAssignment[];
  decisions: PackageDecision[];
  lines: PackageLine[];
  projects: PackageProject[];
  organizations: PackageOrganization[];
}

const MAX_DONG = 999_999_999_999_999;
const CAPITAL_TYPES: Record<CapitalTypeCode, string> = { DTPT: 'DTPT', SN: 'SN' };

/** Reads the fields of one row, collecting what is wrong instead of stopping at the first problem. */
export class RowReader {
  constructor(
    private readonly spec: SheetSpec,
    private readonly record: Record<string, CellValue>,
    private readonly row: number,
    private readonly problems: Problem[],
  ) {}

  cell(key: string): string {
    const index = this.spec.columns.findIndex((c) => c.key === key);
    let letters = '';
    for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    return `${this.spec.name}!${letters}${this.row}`;
  }

  get where(): string {
    return `${this.spec.name}!${this.row}`;
  }

  problem(key: string, code: ErrorCode, message: string): void {
    const header = this.spec.columns.find((c) => c.key === key)?.header ?? key;
    this.problems.push({ cell: this.cell(key), code, message: `${header}: ${message}` });
  }

  optionalText(key: string): string | null {
    const v = this.record[key] ?? null;
    if (v === null) return null;
    if (typeof v !== 'string') {
      this.problem(key, 'INVALID_INPUT', `phải là chữ, không phải số ${v}.`);
      return null;
    }
    return v;
  }

  text(key: string): string {
    return this.optionalText(key) ?? '';
  }

  requiredText(key: string): string {
    const v = this.optionalText(key);
    if (v === null && this.record[key] === null) this.problem(key, 'INVALID_INPUT', 'không được để trống.');
    return v ?? '';
  }

  optionalInteger(key: string, min = -MAX_DONG): number | null {
    const v = this.record[key] ?? null;
    if (v === null) return null;
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || Math.abs(v) > MAX_DONG || v < min) {
      this.problem(key, 'INVALID_AMOUNT', `"${v}" phải là số nguyên${min >= 0 ? ' không âm' : ''}.`);
      return null;
    }
    return v;
  }

  integer(key: string, min?: number): number {
    const v = this.optionalInteger(key, min);
    if (v === null && this.record[key] === null) this.problem(key, 'INVALID_INPUT', 'không được để trống.');
    return v ?? 0;
  }

  optionalDate(key: string): string | null {
    const v = this.optionalText(key);
    if (v !== null && !isValidIsoDate(v)) {
      this.problem(key, 'INVALID_DATE', `"${v}" không phải ngày có thật.`);
      return null;
    }
    return v;
  }

  date(key: string): string {
    const v = this.optionalDate(key);
    if (v === null && this.record[key] === null) this.problem(key, 'INVALID_DATE', 'không được để trống.');
    return v ?? '';
  }

  word<C extends string>(key: string, words: Record<C, string>, fallback: C): C {
    const v = this.requiredText(key);
    const code = codeOf(words, v);
    if (code === null) {
      if (v !== '') this.problem(key, 'INVALID_INPUT', `"${v}" không phải một trong: ${Object.values<string>(words).join(', ')}.`);
      return fallback;
    }
    return code;
  }
}

export function rowsOf<S extends SheetSpec>(sheets: PackageSheets, spec: S, problems: Problem[]): RowReader[] {
  const rows = sheets.grid[spec.name] ?? [];
  const numbers = sheets.rowNumbers[spec.name] ?? [];
  return rows.map((row, i) => new RowReader(spec, toRecord(spec, row) as Record<string, CellValue>, numbers[i] ?? 0, problems));
}

function unitRef(r: RowReader, datasetKey: string, codeKey: string): UnitRef | null {
  const dataset = r.optionalText(datasetKey);
  const code = r.optionalText(codeKey);
  if (dataset === null && code === null) return null;
  if (dataset === null || code === null) {
    r.problem(dataset === null ? datasetKey : codeKey, 'INVALID_INPUT', 'cần cả bộ mã và mã đơn vị hành chính.');
    return null;
  }
  return { dataset, code };
}

/** The typed rows of every sheet and the problems found; nothing is looked up in the database here. */
export function parsePackage(sheets: PackageSheets): { data: PackageData; problems: Problem[] } {
  const problems: Problem[] = [];
  const assignments = rowsOf(sheets, ASSIGNMENT_SHEET, problems).map(
    (r): PackageAssignment => ({
      periodCode: r.requiredText('periodCode'),
      componentCode: r.requiredText('componentCode'),
      sourceCode: r.requiredText('sourceCode'),
      capitalType: r.word('capitalType', CAPITAL_TYPES, 'SN'),
      originYear: r.integer('originYear', 2000),
      amountDong: r.integer('amountDong', 0),
      basisNumber: r.text('basisNumber'),
      basisDate: r.optionalDate('basisDate'),
      basisIssuer: r.text('basisIssuer'),
      note: r.text('note'),
      cell: r.where,
    }),
  );
  const decisions = rowsOf(sheets, DECISION_SHEET, problems).map((r): PackageDecision => {
    const basis = r.text('basis');
    return {
      ref: r.requiredText('ref'),
      kind: r.word('kind', KIND_WORDS, 'phan_bo'),
      issuer: r.word('issuer', ISSUER_WORDS, 'UBND'),
      number: r.integer('number', 1),
      numberYear: r.integer('numberYear', 2000),
      docDate: r.date('docDate'),
      summary: r.text('summary'),
      basis: basis === '' ? [] : basis.split('\n'),
      declaredTotalDong: r.optionalInteger('declaredTotalDong'),
      signerName: r.requiredText('signerName'),
      signerTitle: r.text('signerTitle'),
      predecessorRef: r.optionalText('predecessorRef'),
      implementsRef: r.optionalText('implementsRef'),
      issuedAt: r.optionalText('issuedAt'),
      issuedBy: r.optionalText('issuedBy'),
      cell: r.where,
    };
  });
  const lines = rowsOf(sheets, LINE_SHEET, problems).map((r): PackageLine => {
    const kind = r.optionalText('recipientKind');
    const unitKinds: string[] = Object.values(UNIT_RECIPIENT_WORDS);
    let recipient: PackageRecipient = null;
    if (kind !== null && unitKinds.includes(kind)) {
      const unit = unitRef(r, 'recipientDataset', 'recipientCode');
      recipient = unit ? { unit } : null;
    } else if (kind !== null && codeOf(ORGANIZATION_KIND_WORDS, kind) !== null) {
      recipient = { orgRef: r.requiredText('recipientCode') };
    } else if (kind !== null) {
      r.problem('recipientKind', 'INVALID_INPUT', `"${kind}" không phải một trong: ${[...unitKinds, ...Object.values(ORGANIZATION_KIND_WORDS)].join(', ')}.`);
    }
    return {
      decisionRef: r.requiredText('decisionRef'),
      position: r.integer('position', 0),
      periodCode: r.requiredText('periodCode'),
      componentCode: r.requiredText('componentCode'),
      recipient,
      projectCode: r.optionalText('projectCode'),
      sourceCode: r.requiredText('sourceCode'),
      capitalType: r.word('capitalType', CAPITAL_TYPES, 'SN'),
      originYear: r.integer('originYear', 2000),
      amountDong: r.integer('amountDong'),
      beforeDong: r.optionalInteger('beforeDong'),
      reasonCode: r.optionalText('reasonCode'),
      note: r.text('note'),
      cell: r.where,
    };
  });
  const projects = rowsOf(sheets, PROJECT_SHEET, problems).map(
    (r): PackageProject => ({
      code: r.requiredText('code'),
      name: r.requiredText('name'),
      commune: unitRef(r, 'communeDataset', 'communeCode'),
      investorRef: r.optionalText('investorRef'),
      totalInvestmentDong: r.integer('totalInvestmentDong', 0),
      approvalNumber: r.text('approvalNumber'),
      approvalDate: r.optionalDate('approvalDate'),
      specialMechanism: r.word<'yes' | 'no'>('specialMechanism', YES_NO_WORDS, 'no') === 'yes',
      status: r.word('status', PROJECT_STATUS_WORDS, 'chuan_bi'),
      note: r.text('note'),
      cell: r.where,
    }),
  );
  const organizations = rowsOf(sheets, ORGANIZATION_SHEET, problems).map(
    (r): PackageOrganization => ({
      ref: r.requiredText('ref'),
      kind: r.word('kind', ORGANIZATION_KIND_WORDS, 'unit'),
      name: r.requiredText('name'),
      validFrom: r.optionalDate('validFrom'),
      validTo: r.optionalDate('validTo'),
      note: r.text('note'),
      cell: r.where,
    }),
  );
  return { data: { assignments, decisions, lines, projects, organizations }, problems };
}
