import type { OfficeLevelCode } from '../domain/office-level';
import type { Dong } from '../money/dong';
import type { SignerRoleCode } from '../domain/signers';

export type CapitalTypeCode = 'DTPT' | 'SN';

import type { CounterpartRatio } from './ledger-types';

export interface Signer {
  id: number;
  name: string;
  title: string;
  /** What the signer may sign (signer_role); null for a title that names no role yet (set it on Cài đặt). */
  roleCode: SignerRoleCode | null;
  /** A sample signer put in by "Tạo dữ liệu mẫu" for an office that had none. */
  sample: boolean;
  /** The day the signer stopped signing; retired signers are kept (issued decisions name them) but not offered. */
  retiredOn: string | null;
}

export interface SignerRole {
  code: SignerRoleCode;
  body: 'UBND' | 'HDND';
  rank: 'chu_tich' | 'pho_chu_tich';
  name: string;
  defaultTitle: string;
}

export interface SignerList {
  signers: Signer[];
  roles: SignerRole[];
}

export interface OfficeInfo {
  /** The GSO code of the unit the office stands for: a district (until 30/06/2025) or a commune/ward (from 01/07/2025). */
  districtCode: string;
  /** The unit's official name: "Huyện Tràng Định", "Xã Tràng Định". */
  districtName: string;
  /** The office's level of government, data (office-levels.csv): 'huyen' or 'xa'. */
  level: OfficeLevelCode;
  levelName: string;
  levelValidFrom: string | null;
  levelValidTo: string | null;
  /** The former units the office's unit was formed from (the successor table), e.g. Đề Thám, Hùng Sơn, Hùng Việt. */
  formedFrom: { code: string; name: string }[];
  provinceCode: string;
  provinceName: string;
  name: string;
  pilot: boolean;
  /** The document that designates the district as a pilot of NQ 111/2024/QH15 khoản 7, when it is one. */
  pilotBasis: string | null;
  /** The signers who can sign today (not retired), in their order. */
  signers: Signer[];
  createdAt: string;
}

export interface CatalogCount {
  periodCode: string;
  periodName: string;
  programs: number;
  rows: number;
}

export interface UnitCount {
  dataset: string;
  validFrom: string | null;
  validTo: string | null;
  count: number;
}

export interface AppInfo {
  office: OfficeInfo | null;
  schemaVersion: number;
  dataFile: string;
  /** Vietnamese warnings about where the data is kept (a network share…), shown on every screen. */
  warnings: string[];
  catalog: CatalogCount[];
  units: UnitCount[];
  /** Years that hold an assignment, a decision or a disbursement figure, newest first (the frame's default year). */
  dataYears: number[];
  /** Set when the office's level of government has ended (a district from 1/7/2025): said once by the frame. */
  levelNotice: OfficeLevelNotice | null;
}

export interface OfficeLevelNotice {
  /** ISO date the level ended (rule 10's districtLevelEnd). */
  endedOn: string;
  legalBasis: string;
  message: string;
}

export interface DistrictOption {
  code: string;
  name: string;
  /** The office level this unit stands for ('huyen' until 30/06/2025, 'xa' from 01/07/2025) and its name. */
  level: OfficeLevelCode;
  levelName: string;
  /** "Đề Thám, Hùng Sơn, Hùng Việt": what a 2025 commune was formed from; empty for a district. */
  formedFrom: string;
  /** The office level's validity: a district until 30/06/2025, a commune/ward from 01/07/2025. */
  validFrom: string | null;
  validTo: string | null;
  /** The office's default name for this unit, from the level's template: "Phòng Kinh tế xã Tràng Định". */
  defaultOfficeName: string;
  pilot: boolean;
  pilotBasis: string | null;
}

export interface ComponentOption {
  id: number;
  code: string;
  programCode: string;
  parentCode: string | null;
  level: string;
  /** "Chương trình", "Dự án", "Tiểu dự án", "Nội dung" — data, per program period. */
  levelLabel: string;
  name: string;
  depth: number;
  periodCode: string;
  allowedCapitalTypes: CapitalTypeCode[];
}

export interface ReferenceItem {
  code: string;
  name: string;
  shortName: string;
}

export interface ReferenceLists {
  fundingSources: ReferenceItem[];
  capitalTypes: ReferenceItem[];
  /** Why money is taken from a line (NQ 111 khoản 1). */
  reasonCodes: ReferenceItem[];
}

export interface AssignmentLine {
  id: number;
  year: number;
  componentCode: string;
  componentName: string;
  programCode: string;
  programName: string;
  sourceCode: string;
  capitalType: CapitalTypeCode;
  originYear: number;
  amountDong: Dong;
  basisNumber: string;
  basisDate: string | null;
  basisIssuer: string;
  note: string;
}

export interface TotalCell {
  sourceCode: string;
  capitalType: CapitalTypeCode;
  totalDong: Dong;
}

export interface ProgramTotal {
  programCode: string;
  programName: string;
  totalDong: Dong;
  cells: TotalCell[];
}

export interface AssignmentTotals {
  grandDong: Dong;
  byProgram: ProgramTotal[];
  bySourceCapital: TotalCell[];
}

export interface AssignmentSheet {
  year: number;
  lines: AssignmentLine[];
  /** The year's own money (origin year = year). */
  totals: AssignmentTotals;
  /** Each earlier year's money carried over into this year, on its own (plans never mix money years). */
  carriedOver: { originYear: number; totals: AssignmentTotals }[];
  /** Rule 11: local counterpart ÷ NSTW per program × capital type of the year's own money. */
  counterpart: CounterpartRatio[];
}

export interface AssignmentChange {
  line: AssignmentLine | null;
  sheet: AssignmentSheet;
}

export interface DemoSeedResult {
  office: OfficeInfo;
  year: number;
  assignmentLines: number;
  /** Issued sample decisions (an allocation, the HĐND's recurrent breakdown and an HĐND adjustment). */
  decisions: number;
  /** Monthly disbursement entries, January to June. */
  disbursementEntries: number;
}

export interface ProgressEvent {
  taskId: string;
  label: string;
  done: number;
  total: number | null;
}

