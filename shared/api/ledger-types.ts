/** Result types of the decision ledger: decisions, lines, plan in force, balance, rule findings, registers. */
import type { Dong } from '../money/dong';
import type { CapitalTypeCode } from './types';

export const DECISION_KINDS = ['phan_bo', 'dieu_chinh', 'bo_sung', 'thu_hoi', 'keo_dai'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
export const DECISION_ISSUERS = ['UBND', 'HDND'] as const;
export type DecisionIssuer = (typeof DECISION_ISSUERS)[number];
export type DecisionStatus = 'draft' | 'issued';

export const RECIPIENT_KINDS = ['district', 'commune', 'unit', 'investor'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

export interface Recipient {
  kind: RecipientKind;
  /** admin_unit id for district/commune, organization id for unit/investor. */
  id: number | null;
  /** TCTK code for communes and the district; null for organizations. */
  code: string | null;
  name: string;
}

export interface DecisionHeader {
  id: number;
  year: number;
  kind: DecisionKind;
  issuer: DecisionIssuer;
  status: DecisionStatus;
  number: number | null;
  /** "QĐ-UBND" or "NQ-HĐND". */
  symbol: string;
  /** "07/QĐ-UBND" once issued (1–9 zero-padded, Nghị định 30/2020); a normative resolution "19/2022/NQ-HĐND". */
  numberText: string | null;
  /** A legal normative resolution (văn bản quy phạm pháp luật): its number carries the year (rule 17). */
  normative: boolean;
  docDate: string | null;
  summary: string;
  basis: string[];
  declaredTotalDong: Dong | null;
  signerId: number | null;
  signerName: string | null;
  signerTitle: string | null;
  predecessorId: number | null;
  /** A UBND decision implementing this HĐND resolution's breakdown: it has no lines of its own. */
  implementsId: number | null;
  createdAt: string;
  updatedAt: string;
  issuedAt: string | null;
  lineCount: number;
  increaseDong: Dong;
  decreaseDong: Dong;
}

export interface DecisionLine {
  id: number;
  position: number;
  componentId: number;
  componentCode: string;
  componentName: string;
  programCode: string;
  programName: string;
  recipient: Recipient;
  projectId: number | null;
  projectCode: string | null;
  projectName: string | null;
  sourceCode: string;
  capitalType: CapitalTypeCode;
  originYear: number;
  /** The change this decision makes (negative = decrease). */
  amountDong: Dong;
  /** Adjustments: the amount in force when the line was drafted; null for other kinds. */
  beforeDong: Dong | null;
  /** before − decrease + increase, when before is known. */
  afterDong: Dong | null;
  decreaseDong: Dong;
  increaseDong: Dong;
  reasonCode: string | null;
  note: string;
}

export interface SourceCapitalTotal {
  sourceCode: string;
  capitalType: CapitalTypeCode;
  netDong: Dong;
  increaseDong: Dong;
  decreaseDong: Dong;
}

export interface DecisionTotals {
  netDong: Dong;
  increaseDong: Dong;
  decreaseDong: Dong;
  bySourceCapital: SourceCapitalTotal[];
}

export interface EditHistory {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
}

export interface DecisionDocument {
  header: DecisionHeader;
  lines: DecisionLine[];
  totals: DecisionTotals;
  history: EditHistory;
}

export interface LineProblem {
  /** Index of the change in the request. */
  index: number;
  field: string | null;
  code: string;
  message: string;
}

export interface LineChangeResult {
  header: DecisionHeader;
  changed: DecisionLine[];
  removedIds: number[];
  totals: DecisionTotals;
  history: EditHistory;
  /** Changes refused in partial mode (the others were applied in one transaction). */
  rejected: LineProblem[];
}

export interface HeaderChangeResult {
  header: DecisionHeader;
  history: EditHistory;
}

export type Severity = 'E' | 'W' | 'I';

export interface Finding {
  severity: Severity;
  ruleId: number;
  /** The rule's short name from the registry ("Không vượt số được giao"). */
  ruleName: string;
  title: string;
  legalBasis: string;
  certainty: string;
  message: string;
  lineIds: number[];
}

/** One dated row of the rules registry with where its check runs (`rules list`). */
export interface RuleRegistryRow {
  ruleId: number;
  name: string;
  title: string;
  legalBasis: string;
  certainty: string;
  severity: Severity;
  validFrom: string;
  validTo: string | null;
  checkName: string;
  /** Where the officer meets the check, in Vietnamese; null when no code applies. */
  where: string | null;
  module: string | null;
  status: 'encoded' | 'not_applicable';
}

export interface RuleCheck {
  decisionId: number;
  /** The date the rules were evaluated for: the decision's date, or today for an undated draft. */
  evaluatedOn: string;
  findings: Finding[];
  errors: number;
  warnings: number;
  infos: number;
  /** What issuing would refuse besides the rules (an empty draft), in Vietnamese; set by decisions.check. */
  blockers?: string[];
}

export const PLAN_DIMENSIONS = ['program', 'component', 'recipient', 'project', 'source', 'capitalType', 'originYear'] as const;
export type PlanDimension = (typeof PLAN_DIMENSIONS)[number];

export interface PlanRow {
  program?: { code: string; name: string };
  component?: { code: string; name: string };
  recipient?: Recipient;
  project?: { id: number; code: string; name: string } | null;
  source?: string;
  capitalType?: CapitalTypeCode;
  originYear?: number;
  amountDong: Dong;
}

export interface PlanInForce {
  year: number;
  asOf: string;
  groupBy: PlanDimension[];
  rows: PlanRow[];
  totalDong: Dong;
}

export interface BalanceRow {
  originYear: number;
  programCode: string;
  programName: string;
  sourceCode: string;
  capitalType: CapitalTypeCode;
  /** What the province assigned. */
  assignedDong: Dong;
  /** Moved in or out by HĐND re-plans between programs or capital types (NQ 111 pilot); 0 otherwise. */
  replannedDong: Dong;
  /** Issued decisions in force on the date. */
  allocatedDong: Dong;
  /** The change the draft would make (0 without a draft). */
  draftDong: Dong;
  remainingDong: Dong;
  /** (allocated + draft) ÷ (assigned + replanned); null when nothing is planned. */
  rate: number | null;
  over: boolean;
}

/**
 * The money of one origin year in a plan year: the year's own money, or an earlier year's carried over (kéo dài).
 * Plans never mix money years: each group has its own totals and its own rate, divided by its own plan.
 */
export interface BalanceGroup {
  originYear: number;
  carriedOver: boolean;
  /** "Vốn năm 2024" / "Vốn năm 2023 kéo dài sang năm 2024". */
  label: string;
  /** What the rate is divided by, in words (rule 12). */
  denominatorLabel: string;
  assignedDong: Dong;
  replannedDong: Dong;
  allocatedDong: Dong;
  draftDong: Dong;
  remainingDong: Dong;
  /** (allocated + draft) ÷ (assigned + replanned) of this origin year only; null when nothing is planned. */
  rate: number | null;
  /** The rate as shown ("100,0%"), "—" when nothing is planned. */
  rateText: string;
}

export interface Balance {
  year: number;
  /** null: every issued decision of the year counts, whatever its date. */
  asOf: string | null;
  draftId: number | null;
  rows: BalanceRow[];
  /** One group per origin year, the plan year's own money first, then each carried-over year (newest first). */
  groups: BalanceGroup[];
  /** Rule 11: the counterpart ratio per program × capital type of the year's own money, with its warnings. */
  counterpart: CounterpartRatio[];
}

/** Rule 11: local counterpart ÷ NSTW of a program × capital type, against the minimum valid for the year. */
export interface CounterpartRatio {
  programCode: string;
  programName: string;
  capitalType: CapitalTypeCode;
  nstwDong: Dong;
  counterpartDong: Dong;
  /** counterpart ÷ NSTW as shown ("4,95%"), "—" without NSTW money. */
  ratioText: string;
  /** The configured minimum ("10%"), null when no minimum is configured for the program, period and province. */
  minimumText: string | null;
  /** The money the counterpart lacks to reach the minimum (0 when it is reached). */
  shortfallDong: Dong;
  legalBasis: string | null;
  /** "annual" or "period" basis of the minimum, in Vietnamese. */
  basisText: string | null;
  /** The warning (rule 11, W), null when the ratio reaches the minimum or none is configured. */
  warning: Finding | null;
}

export type ProjectStatus = 'chuan_bi' | 'thuc_hien' | 'hoan_thanh' | 'tam_dung';

export interface InvestmentProject {
  id: number;
  code: string;
  name: string;
  communeCode: string | null;
  communeName: string | null;
  investorId: number | null;
  investorName: string | null;
  totalInvestmentDong: Dong;
  approvalNumber: string;
  approvalDate: string | null;
  specialMechanism: boolean;
  status: ProjectStatus;
  note: string;
}

export interface Organization {
  id: number;
  kind: 'unit' | 'investor';
  name: string;
  note: string;
}

export interface RecipientOption extends Recipient {
  /** Shown greyed and refused by rule 16 when the unit is not valid on the date asked for. */
  validOnDate: boolean;
}

export interface Delegation {
  id: number;
  basisNumber: string;
  basisDate: string;
  basisIssuer: string;
  firstYear: number;
  lastYear: number;
  scope: string;
}

export interface ComponentTarget {
  id: number;
  year: number;
  componentCode: string;
  componentName: string;
  indicator: string;
  unit: string;
  targetValue: string;
  actualValue: string;
  complete: boolean;
}

export interface ReasonCode {
  code: string;
  name: string;
}
