/**
 * Who may sign what (Luật Tổ chức chính quyền địa phương; Nghị định 30/2020 on the signature block): a
 * resolution of the HĐND (NQ-HĐND) is signed by the HĐND chair, or by a vice-chair "KT. CHỦ TỊCH / PHÓ CHỦ
 * TỊCH"; a decision of the UBND (QĐ-UBND) by the UBND chair, or a vice-chair signing for the chair (KT.).
 * The roles themselves are rows of `signer_role` (migration 0007); this file holds their codes and the words.
 */
import type { DecisionIssuer } from '../api/decisions';

export const SIGNER_ROLE_CODES = ['ubnd_chu_tich', 'ubnd_pho_chu_tich', 'hdnd_chu_tich', 'hdnd_pho_chu_tich'] as const;
export type SignerRoleCode = (typeof SIGNER_ROLE_CODES)[number];

/** The body whose documents a role signs. */
export const SIGNER_ROLE_BODY: Record<SignerRoleCode, DecisionIssuer> = {
  ubnd_chu_tich: 'UBND',
  ubnd_pho_chu_tich: 'UBND',
  hdnd_chu_tich: 'HDND',
  hdnd_pho_chu_tich: 'HDND',
};

/** Who is expected to sign a document of the issuer, in words for an error message. */
export const EXPECTED_SIGNER_VI: Record<DecisionIssuer, string> = {
  HDND: 'Chủ tịch HĐND huyện (hoặc Phó Chủ tịch HĐND huyện ký thay: KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)',
  UBND: 'Chủ tịch UBND huyện (hoặc một Phó Chủ tịch UBND huyện ký thay: KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)',
};

const has = (text: string, ...words: string[]) => words.some((w) => text.toLocaleLowerCase('vi').includes(w.toLocaleLowerCase('vi')));

/**
 * The role a title names ("Phó Chủ tịch HĐND huyện" → hdnd_pho_chu_tich); null when it names none. Used for
 * signers given only a title (the first-run screen, `init --signer "Họ tên|Chức danh"`); the same reading as
 * migration 0007 gave the signers entered before roles existed.
 */
export function roleFromTitle(title: string): SignerRoleCode | null {
  const hdnd = has(title, 'HĐND', 'Hội đồng nhân dân');
  const ubnd = has(title, 'UBND', 'Ủy ban nhân dân', 'Uỷ ban nhân dân');
  const vice = has(title, 'Phó');
  if (hdnd === ubnd) return null;
  if (hdnd) return vice ? 'hdnd_pho_chu_tich' : 'hdnd_chu_tich';
  return vice ? 'ubnd_pho_chu_tich' : 'ubnd_chu_tich';
}
