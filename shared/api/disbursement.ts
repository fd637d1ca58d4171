/** Giải ngân: cumulative disbursement per cut-off, rates with their denominator, deadlines, pacing, dashboard, report, KBNN import. */
import { z } from 'zod';
import type { Dong } from '../money/dong';
import type { KbnnFinding, Severity } from './findings';
import { jobIdSchema } from './jobs';
import { type CapitalTypeCode, amountInputSchema, capitalTypeSchema, command, entityId, isoDate, moneyUnitSchema, shortText, year } from './schemas';

/**
 * What a rate is divided by (rule 12): the plan the Prime Minister assigned (NSTW, current year), the whole-year plan
 * including local additions (every source, current year), or the extended plan of an origin year (kéo dài).
 */
export const DENOMINATOR_KINDS = ['ttg', 'ca_nam', 'keo_dai'] as const;

export type DenominatorKind = (typeof DENOMINATOR_KINDS)[number];

export interface Denominator {
  kind: DenominatorKind;
  /** The year of the money: the plan year for ttg and ca_nam, the origin year for keo_dai. */
  originYear: number;
  /** "Kế hoạch vốn Thủ tướng Chính phủ giao năm 2024", "Kế hoạch năm 2024 (cả vốn địa phương)", "Kế hoạch vốn năm 2023 kéo dài". */
  label: string;
}

/** A rate and what it is made of: integers, the rate only rounded when shown. */
export interface RateFigure {
  planDong: Dong;
  disbursedDong: Dong;
  /** disbursed ÷ plan as a number, for charts only; null when nothing is planned. */
  rate: number | null;
  /** "25,3%" (vi-VN, rounded half up from the exact fraction); "—" when nothing is planned. */
  rateText: string;
  /** Disbursed more than planned (rule 12: a warning). */
  over: boolean;
}

export interface DisbursementKey {
  componentCode: string;
  projectCode: string | null;
  communeCode: string | null;
  sourceCode: string;
  capitalType: CapitalTypeCode;
  originYear: number;
}

export type DisbursementDataSource = 'kbnn' | 'tu_bao_cao';

/** A rule's warning kept with a disbursement entry (rule 13 for recurrent money, rule 14), shown on it and in reports. */
export interface DisbursementWarning {
  ruleId: number;
  ruleName: string;
  severity: Severity;
  message: string;
}

export interface DisbursementSheetRow extends DisbursementKey {
  /** Stable id of the key (same across cut-offs). */
  rowId: string;
  programCode: string;
  programName: string;
  componentName: string;
  projectName: string | null;
  communeName: string | null;
  /**
   * The plan in force for the key on the cut-off date (issued decisions); money of an earlier year that no decision
   * of this year allocates again: its extended plan as assigned (on the component's own row, there before its first
   * figure when an extension record carries the money into the year).
   */
  planDong: Dong;
  /** The latest cumulative before this cut-off, and its date. */
  previousDong: Dong;
  previousCutoff: string | null;
  /** The cumulative at this cut-off; null when none was entered. */
  cumulativeDong: Dong | null;
  recoveryDong: Dong;
  dataSource: DisbursementDataSource | null;
  note: string;
  /** The warnings recorded with the entry at this cut-off (empty when none or no entry). */
  warnings: DisbursementWarning[];
  /** cumulative (or the previous one when none is entered) ÷ plan. */
  rateText: string;
  /** What the plan is (rule 12): the whole-year plan of the year's own money, the extended plan of an earlier year's. */
  denominator: Denominator;
}

export interface DisbursementSheet {
  year: number;
  cutoffDate: string;
  /** Every cut-off of the year that has entries, newest first. */
  cutoffs: string[];
  rows: DisbursementSheetRow[];
  planDong: Dong;
  /** Σ cumulative as of the cut-off (the latest entry of each key up to it). */
  cumulativeDong: Dong;
  rateText: string;
}

export interface DisbursementProblem {
  index: number;
  field: string | null;
  code: string;
  message: string;
}

export interface DisbursementSaveResult {
  sheet: DisbursementSheet;
  saved: number;
  rejected: DisbursementProblem[];
  /** Entries saved with a rule's warning (index of the entry in the request). */
  warnings: (DisbursementWarning & { index: number })[];
}

export interface ProgressRow extends RateFigure {
  programCode: string;
  programName: string;
  capitalType: CapitalTypeCode;
  sourceCode: string;
  originYear: number;
  denominator: Denominator;
}

/** A total under one denominator: overall (program and capital type null), per program, per capital type, or both. */
export interface ProgressTotal extends RateFigure {
  denominator: Denominator;
  programCode: string | null;
  programName: string;
  capitalType: CapitalTypeCode | null;
}

export interface Progress {
  year: number;
  asOf: string;
  rows: ProgressRow[];
  totals: ProgressTotal[];
}

export const EXTENSION_AUTHORITIES = ['QH', 'TTG', 'UBND_TINH', 'HDND_TINH', 'UBND_HUYEN', 'HDND_HUYEN'] as const;

export type ExtensionAuthority = (typeof EXTENSION_AUTHORITIES)[number];

export const EXTENSION_AUTHORITY_LABELS: Record<ExtensionAuthority, string> = {
  QH: 'Quốc hội',
  TTG: 'Thủ tướng Chính phủ',
  UBND_TINH: 'UBND tỉnh',
  HDND_TINH: 'HĐND tỉnh',
  UBND_HUYEN: 'UBND huyện',
  HDND_HUYEN: 'HĐND huyện',
};

export interface Extension {
  id: number;
  originYearFrom: number;
  originYearTo: number;
  programCode: string | null;
  sourceCode: string | null;
  capitalType: CapitalTypeCode | null;
  projectCode: string | null;
  authority: ExtensionAuthority;
  decisionNumber: string;
  decisionDate: string;
  newDeadline: string;
  note: string;
}

export type DeadlineStatus = 'con_han' | 'sap_het_han' | 'qua_han' | 'da_giai_ngan_het';

export const DEADLINE_STATUS_LABELS: Record<DeadlineStatus, string> = {
  con_han: 'Còn hạn',
  sap_het_han: 'Sắp hết hạn',
  qua_han: 'Quá hạn',
  da_giai_ngan_het: 'Đã giải ngân hết',
};

/** The money of one origin year × program × source × capital type held in a plan year, and until when it may be disbursed. */
export interface CarriedOverRow extends RateFigure {
  originYear: number;
  programCode: string;
  programName: string;
  sourceCode: string;
  capitalType: CapitalTypeCode;
  remainingDong: Dong;
  deadline: string;
  /** Why this deadline: the law's default or the extension record. */
  deadlineBasis: string;
  extensionId: number | null;
  /** Days from asOf to the deadline (negative once it has passed). */
  daysLeft: number;
  status: DeadlineStatus;
}

export interface Deadlines {
  year: number;
  asOf: string;
  warnDays: number;
  rows: CarriedOverRow[];
}

export interface PacingMonth {
  month: number;
  /** The target cumulative share of the whole-year plan at month end, in hundredths of a percent. */
  targetBp: number | null;
  /** The month-end the actual figure is read at (the last cut-off in the month up to asOf), or null. */
  cutoff: string | null;
  actual: RateFigure | null;
}

export interface Pacing {
  year: number;
  asOf: string;
  source: string;
  denominator: Denominator;
  months: PacingMonth[];
}

export const BENCHMARK_SCOPES = ['tinh', 'ca_nuoc', 'cung_ky', 'huyen'] as const;

export type BenchmarkScope = (typeof BENCHMARK_SCOPES)[number];

export const BENCHMARK_SCOPE_LABELS: Record<BenchmarkScope, string> = {
  tinh: 'Bình quân toàn tỉnh',
  ca_nuoc: 'Bình quân cả nước',
  cung_ky: 'Cùng kỳ năm trước',
  huyen: 'Huyện khác (tổng hợp)',
};

export interface Benchmark {
  id: number;
  year: number;
  asOf: string;
  scope: BenchmarkScope;
  districtCode: string | null;
  districtName: string | null;
  /** Whether that district is a pilot of NQ 111 (pilot vs others). */
  pilot: boolean;
  programCode: string | null;
  rateBp: number;
  rateText: string;
  source: string;
}

export type AlertKind = 'vuot_phan_bo' | 'chua_phan_bo_qua_han' | 'sap_het_han' | 'qua_han_giai_ngan' | 'vuot_ke_hoach' | 'vuong_mac_qua_han' | 'cham_tien_do';

export interface DashboardAlert {
  kind: AlertKind;
  severity: Severity;
  message: string;
  /** The screen that shows it (a route of the app). */
  link: string;
}

export interface ProgramCapitalFigure {
  programCode: string;
  programName: string;
  capitalType: CapitalTypeCode;
  assignedDong: Dong;
  allocatedDong: Dong;
  allocationRateText: string;
  allocationRate: number | null;
  /** Against the whole-year plan of the current year (ca_nam). */
  disbursement: RateFigure;
}

export interface CommuneFigure extends RateFigure {
  communeCode: string;
  communeName: string;
}

export interface Comparison {
  label: string;
  rateText: string;
  rate: number | null;
  /** "Số liệu của sổ" or the report a typed figure came from. */
  source: string;
}

/** One origin year's money inside a program period: allocation and disbursement, each with its own rate. */
export interface PeriodGroup {
  originYear: number;
  carriedOver: boolean;
  /** "Vốn năm 2026" / "Vốn năm 2025 kéo dài sang năm 2026". */
  label: string;
  assignedDong: Dong;
  allocatedDong: Dong;
  /**
   * Allocated ÷ assigned. Carried-over money that no decision of the year re-allocates was allocated in its origin
   * year's decisions: its rate is that year's (allocated ÷ assigned in the origin year, same program × source × capital
   * type), or null ("—") when the book does not hold that year's money — never a misleading 0,0%.
   */
  allocationRate: number | null;
  allocationRateText: string;
  /** What the allocation rate is measured against, or why there is none (shown on hover). */
  allocationBasis: string;
  disbursement: RateFigure;
  /** What the disbursement rate is divided by (rule 12). */
  denominatorLabel: string;
}

/** A program period's money in the year (2021–2025 extended, 2026–2035): never added to another period's. */
export interface PeriodFigure {
  periodCode: string;
  periodName: string;
  firstYear: number;
  lastYear: number;
  groups: PeriodGroup[];
}

export interface Dashboard {
  year: number;
  asOf: string;
  assignedDong: Dong;
  allocatedDong: Dong;
  allocationRateText: string;
  /** Against the whole-year plan (ca_nam) and the Prime Minister's plan (ttg), current-year money. */
  disbursement: ProgressTotal;
  disbursementTtg: ProgressTotal;
  byProgramCapital: ProgramCapitalFigure[];
  /** The district now, the same period last year, the province and the nation. */
  comparisons: Comparison[];
  /** Pilot districts vs the others, from typed consolidation figures; null when there are none. */
  pilotComparison: { pilot: Comparison; others: Comparison; districts: Benchmark[] } | null;
  communes: CommuneFigure[];
  /** The money by program period, side by side, each origin year with its own rates (never one rate for both periods). */
  byPeriod: PeriodFigure[];
  pacing: Pacing;
  deadlines: Deadlines;
  alerts: DashboardAlert[];
}

/** KBNN statement import. */
export const KBNN_COLUMN_ROLES = ['projectCode', 'name', 'source', 'capitalType', 'originYear', 'cumulative', 'recovery', 'commune'] as const;

export type KbnnColumnRole = (typeof KBNN_COLUMN_ROLES)[number];

export const KBNN_ROLE_LABELS: Record<KbnnColumnRole, string> = {
  projectCode: 'Mã dự án / mã hạng mục',
  name: 'Tên dự án, nội dung',
  source: 'Nguồn vốn',
  capitalType: 'Loại vốn',
  originYear: 'Năm nguồn vốn',
  cumulative: 'Lũy kế giải ngân',
  recovery: 'Thu hồi',
  commune: 'Xã',
};

export interface KbnnLine extends DisbursementKey {
  row: number;
  name: string;
  cumulativeDong: Dong;
  recoveryDong: Dong;
  previousDong: Dong;
}

export interface KbnnPreview {
  fileName: string;
  sha256: string;
  fingerprint: string;
  /** The mapping was remembered from an earlier file laid out the same way. */
  templateKnown: boolean;
  sheet: string;
  headerRow: number;
  /** Column letter → role, as recognized or mapped. */
  columns: { col: string; header: string; role: KbnnColumnRole | null }[];
  year: number;
  cutoffDate: string | null;
  unit: 'dong' | 'nghin' | 'trieu';
  lines: KbnnLine[];
  totalDong: Dong;
  findings: KbnnFinding[];
  noop: string | null;
  canCommit: boolean;
}

export interface KbnnCommitResult {
  importId: number;
  noop: boolean;
  message: string;
  rows: number;
  totalDong: Dong;
  cutoffDate: string;
  backupFile: string | null;
}

/** The periodic progress report (báo cáo tiến độ giải ngân), built by the core, printed and exported alike. */
export interface ReportRow {
  /** I, II… for programs, 1, 2 for capital types, - for sources. */
  stt: string;
  label: string;
  depth: number;
  bold: boolean;
  planDong: Dong;
  disbursedDong: Dong;
  rateText: string;
  /** The per-mille rate rounded as shown (0,1%), for the workbook's percent cells; null when nothing planned. */
  ratePermille: number | null;
  denominatorLabel: string;
}

export interface ReportSection {
  title: string;
  denominatorLabel: string;
  rows: ReportRow[];
}

export interface DisbursementReport {
  year: number;
  asOf: string;
  issuerLines: string[];
  nationalTitle: string;
  motto: string;
  placeDateLine: string;
  title: string;
  subtitle: string;
  unitLine: string;
  sections: ReportSection[];
  comparisons: Comparison[];
  notes: string[];
  /** The rules' warnings recorded with the entries up to the date (also printed among the notes). */
  warnings: DisbursementWarning[];
  signerTitle: string;
}

export const disbursementKeySchema = z
  .object({
    componentCode: shortText(64).min(1),
    projectCode: shortText(64).min(1).nullable(),
    communeCode: shortText(10).min(1).nullable(),
    sourceCode: shortText(32).min(1),
    capitalType: capitalTypeSchema,
    originYear: year,
  })
  .strict();

export const disbursementEntrySchema = z
  .object({
    key: disbursementKeySchema,
    /** The cumulative disbursed to the cut-off; null removes the entry of that cut-off. */
    cumulative: amountInputSchema.nullable(),
    /** Recovered (thu hồi) since the previous cut-off. */
    recovery: amountInputSchema.optional(),
    note: shortText(1000).optional(),
  })
  .strict();

export type DisbursementEntryInput = z.infer<typeof disbursementEntrySchema>;

/** 60 MB of workbook as base64. */
const MAX_BASE64 = 82 * 1024 * 1024;

export const kbnnMappingSchema = z
  .object({
    /** Column letter → role ("ignore" to skip a column the reader took for something). */
    columns: z.record(z.string().regex(/^[A-Z]{1,3}$/), z.union([z.enum(KBNN_COLUMN_ROLES), z.literal('ignore')])).optional(),
    unit: moneyUnitSchema.optional(),
  })
  .strict();

export type KbnnMapping = z.infer<typeof kbnnMappingSchema>;

const kbnnFile = {
  fileName: shortText(260).min(1),
  base64: z.string().max(MAX_BASE64).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Nội dung tệp phải là base64'),
  year: year.optional(),
  /** The statement's cut-off when its title does not say it. */
  cutoffDate: isoDate.optional(),
  mapping: kbnnMappingSchema.optional(),
  /** The job id its progress is pushed under and `jobs.cancel` stops it by. */
  jobId: jobIdSchema.optional(),
};

export const disbursementCommands = {
  'disbursement.sheet': command<DisbursementSheet>()(z.object({ year, cutoffDate: isoDate }).strict(), { reads: true }),
  'disbursement.save': command<DisbursementSaveResult>()(
    z
      .object({
        year,
        cutoffDate: isoDate,
        entries: z.array(disbursementEntrySchema).min(1).max(20000),
        /** Save the valid entries and report the others, instead of refusing the whole batch. */
        partial: z.boolean().optional(),
      })
      .strict(),
  ),
  'disbursement.progress': command<Progress>()(z.object({ year, asOf: isoDate.optional() }).strict(), { reads: true }),
  'disbursement.deadlines': command<Deadlines>()(z.object({ year, asOf: isoDate.optional() }).strict(), { reads: true }),
  /** Without asOf the dashboard is read at the latest cut-off reported (see disbursement.defaultCutoff). */
  'disbursement.dashboard': command<Dashboard>()(z.object({ year, asOf: isoDate.optional() }).strict(), { reads: true }),
  /** The latest cut-off of the year reported up to today (else today, or the year's end for a past year). */
  'disbursement.defaultCutoff': command<{ date: string }>()(z.object({ year }).strict(), { reads: true }),
  'disbursement.setWarnDays': command<{ warnDays: number }>()(z.object({ warnDays: z.number().int().min(0).max(366) }).strict()),
  'disbursement.report': command<DisbursementReport>()(z.object({ year, asOf: isoDate.optional() }).strict(), { reads: true }),
  /** The report as a workbook, signed by the signer chosen (or the head of the phòng) under the number given. */
  'disbursement.exportReport': command<{ fileName: string; base64: string }>()(
    z.object({ year, asOf: isoDate.optional(), signerId: z.number().int().positive().optional(), number: shortText(20).regex(/^\d*$/).optional() }).strict(),
    { async: true, reads: true },
  ),
  'disbursement.analyze': command<KbnnPreview>()(z.object(kbnnFile).strict(), { async: true, reads: true }),
  'disbursement.commit': command<KbnnCommitResult>()(z.object({ ...kbnnFile, expectedSha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(), { async: true }),
  'extensions.list': command<Extension[]>()(z.object({}).strict(), { reads: true }),
  'extensions.create': command<Extension>()(
    z
      .object({
        originYearFrom: year,
        originYearTo: year,
        programCode: shortText(32).min(1).nullable().optional(),
        sourceCode: shortText(32).min(1).nullable().optional(),
        capitalType: capitalTypeSchema.nullable().optional(),
        projectCode: shortText(64).min(1).nullable().optional(),
        authority: z.enum(EXTENSION_AUTHORITIES),
        decisionNumber: shortText(200).min(1),
        decisionDate: isoDate,
        newDeadline: isoDate,
        note: shortText(1000).optional(),
      })
      .strict(),
  ),
  'extensions.delete': command<{ deletedId: number }>()(z.object({ id: entityId }).strict()),
  'pacing.get': command<Pacing>()(z.object({ year, asOf: isoDate.optional() }).strict(), { reads: true }),
  'pacing.save': command<Pacing>()(
    z
      .object({
        year,
        /** Cumulative target at each month end in hundredths of a percent; null clears the month. */
        months: z
          .array(z.object({ month: z.number().int().min(1).max(12), targetBp: z.number().int().min(0).max(10000).nullable() }).strict())
          .min(1)
          .max(12),
        source: shortText(500).optional(),
      })
      .strict(),
  ),
  'benchmarks.list': command<Benchmark[]>()(z.object({ year }).strict(), { reads: true }),
  'benchmarks.create': command<Benchmark>()(
    z
      .object({
        year,
        asOf: isoDate,
        scope: z.enum(BENCHMARK_SCOPES),
        districtCode: shortText(10).min(1).nullable().optional(),
        programCode: shortText(32).min(1).nullable().optional(),
        rateBp: z.number().int().min(0).max(100000),
        source: shortText(500).min(1),
      })
      .strict(),
  ),
  'benchmarks.delete': command<{ deletedId: number }>()(z.object({ id: entityId }).strict()),
} as const;
