/**
 * The Vietnamese words the package writes for coded values (so the sheets read well) and reads back.
 * Part of format version 1: changing a word here needs a new format version.
 */
import type { DecisionIssuer, DecisionKind } from '../../../shared/api/decisions';
import type { ProjectStatus } from '../../../shared/api/registers';
import { DECISION_KIND_LABELS } from '../../../shared/domain/documents';

export const KIND_WORDS: Record<DecisionKind, string> = DECISION_KIND_LABELS;
export const ISSUER_WORDS: Record<DecisionIssuer, string> = { UBND: 'UBND', HDND: 'HĐND' };
export const ORGANIZATION_KIND_WORDS: Record<'unit' | 'investor', string> = { unit: 'Đơn vị', investor: 'Chủ đầu tư' };
export const PROJECT_STATUS_WORDS: Record<ProjectStatus, string> = { chuan_bi: 'Chuẩn bị đầu tư', thuc_hien: 'Đang thực hiện', hoan_thanh: 'Hoàn thành', tam_dung: 'Tạm dừng' };
export const YES_NO_WORDS: Record<'yes' | 'no', string> = { yes: 'Có', no: 'Không' };
/** The kind of an administrative unit receiving money, by its level. */
export const UNIT_RECIPIENT_WORDS = { district: 'Huyện', commune: 'Xã' } as const;

/** The code a word stands for, or null when the word is not one of them. */
export function codeOf<C extends string>(words: Record<C, string>, word: string): C | null {
  const found = (Object.entries(words) as [C, string][]).find(([, w]) => w === word);
  return found ? found[0] : null;
}
