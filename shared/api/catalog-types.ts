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

export interface CatalogBrowse {
  periods: CatalogPeriod[];
  adminUnits: CatalogAdminUnit[];
  fundingSources: CatalogFundingSource[];
  capitalTypes: { code: string; name: string; shortName: string }[];
  reasonCodes: CatalogReasonCode[];
  rules: CatalogRule[];
}
