/**
 * A decision and its lines as stored: the row shapes the decision store reads and the undo history keeps.
 * Apart from store.ts so that history.ts can use them without importing the store (which uses the history).
 */
import type { DecisionIssuer, DecisionKind } from '../../../shared/api/decisions';
import type { CapitalTypeCode } from '../../../shared/api/schemas';

export interface DecisionRow {
  id: number;
  year: number;
  kind: DecisionKind;
  issuer: DecisionIssuer;
  status: 'draft' | 'issued';
  number: number | null;
  number_year: number | null;
  doc_date: string | null;
  summary: string;
  basis_json: string;
  declared_total_dong: number | null;
  signer_id: number | null;
  signer_name: string | null;
  signer_title: string | null;
  predecessor_id: number | null;
  implements_id: number | null;
  /** 1: a legal normative resolution, numbered with its year ("19/2022/NQ-HĐND", rule 17). */
  normative: 0 | 1;
  created_at: string;
  updated_at: string;
  issued_at: string | null;
  issued_by: string | null;
}

/** A decision line as stored (the undo history keeps these). */
export interface LineRecord {
  id: number;
  decision_id: number;
  position: number;
  component_id: number;
  recipient_unit_id: number | null;
  recipient_org_id: number | null;
  project_id: number | null;
  source_code: string;
  capital_type: CapitalTypeCode;
  origin_year: number;
  amount_dong: number;
  before_dong: number | null;
  reason_code: string | null;
  note: string;
}

export const LINE_COLUMNS = [
  'id',
  'decision_id',
  'position',
  'component_id',
  'recipient_unit_id',
  'recipient_org_id',
  'project_id',
  'source_code',
  'capital_type',
  'origin_year',
  'amount_dong',
  'before_dong',
  'reason_code',
  'note',
] as const;
