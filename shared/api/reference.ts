/** Reference data (core/reference), read-only: the program catalog per period, administrative units, funding sources, reason codes, rules. */
import { z } from 'zod';
import { type CapitalTypeCode, command, empty, year } from './schemas';

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
  /** Its listed children do not cover it (the sources name only some parts): it takes money itself, like a leaf. */
  openParent: boolean;
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

export interface ReasonCode {
  code: string;
  name: string;
}

/** What the Danh mục screen shows: the reference data, read-only, as the core holds it. */
export interface CatalogPeriod {
  code: string;
  name: string;
  firstYear: number;
  lastYear: number;
  basis: string;
  components: CatalogComponent[];
}

export interface CatalogComponent {
  code: string;
  parentCode: string | null;
  programCode: string;
  levelLabel: string;
  depth: number;
  name: string;
  allowedCapitalTypes: string;
  sourceDecision: string;
  /** Has children: money goes to its leaves. */
  parent: boolean;
}

export interface CatalogAdminUnit {
  dataset: string;
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  successors: { effectiveDate: string; code: string; name: string; basis: string }[];
  note: string;
}

export interface CatalogFundingSource {
  code: string;
  name: string;
  shortName: string;
  validFrom: string | null;
  validTo: string | null;
}

export interface CatalogReasonCode {
  code: string;
  name: string;
  basis: string;
}

export interface CatalogRule {
  ruleId: number;
  title: string;
  severity: 'E' | 'W' | 'I';
  legalBasis: string;
  certainty: string;
  validFrom: string;
  validTo: string | null;
}

/** A national target program funded for 2026–2030 by NQ 27/2026/QH16 (reference data, with how sure each part is). */
export interface CatalogNationalProgram {
  code: string;
  name: string;
  /** As the resolution names it: "2026-2035", "2025-2030", "2026-2035 (giai đoạn I 2026-2030)". */
  period: string;
  /** The investment-policy resolution and its date ("NQ 262/2025/QH15 ngày 11/12/2025"). */
  investmentPolicy: string;
  approvalDecision: string;
  ownerMinistry: string;
  /** Medium-term NSTW public investment 2026–2030, in tỷ đồng as NQ 27/2026/QH16 prints it (integer); null if unknown. */
  nstwDtptTyDong: number | null;
  amountBasis: string;
  confidence: string;
  validFrom: string | null;
  validTo: string | null;
}

export interface CatalogBrowse {
  periods: CatalogPeriod[];
  nationalPrograms: CatalogNationalProgram[];
  adminUnits: CatalogAdminUnit[];
  fundingSources: CatalogFundingSource[];
  capitalTypes: { code: string; name: string; shortName: string }[];
  reasonCodes: CatalogReasonCode[];
  rules: CatalogRule[];
}

export const referenceCommands = {
  'catalog.components': command<ComponentOption[]>()(z.object({ year }).strict(), { reads: true }),
  'reference.lists': command<ReferenceLists>()(empty, { reads: true }),
  /** Every reference table for the Danh mục screen (read-only): both program periods, units, sources, reasons, rules. */
  'catalog.browse': command<CatalogBrowse>()(empty, { reads: true }),
} as const;
