/**
 * The signature of a report the office prints (disbursement progress, obstacles and tasks): the signer chosen, or
 * the head of the finance-planning office when there is one, or the first signer; the block follows the signer's
 * title (TRƯỞNG PHÒNG, KT. TRƯỞNG PHÒNG / PHÓ TRƯỞNG PHÒNG, TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH …) and the number
 * line follows who issues it (BC-TCKH for the phòng, BC-UBND for the UBND).
 */
import { unitUpper } from '../../../shared/domain/office-level';
import type { CommandArgs } from '../../../shared/api/contract';
import type { ReportSignature } from '../../../shared/print/document';
import type { Db } from '../db/database';
import { CoreError } from '../errors';
import { requireOffice } from '../office/office';

function blockOf(title: string): { body: 'phong' | 'ubnd' | 'other'; authority: string | null; role: string[] } {
  const t = title.trim();
  if (/^phó trưởng phòng/i.test(t)) return { body: 'phong', authority: null, role: ['KT. TRƯỞNG PHÒNG', 'PHÓ TRƯỞNG PHÒNG'] };
  if (/^trưởng phòng/i.test(t)) return { body: 'phong', authority: null, role: ['TRƯỞNG PHÒNG'] };
  if (/^phó chủ tịch (ubnd|ủy ban)/i.test(t)) return { body: 'ubnd', authority: 'TM. ỦY BAN NHÂN DÂN', role: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'] };
  if (/^chủ tịch (ubnd|ủy ban)/i.test(t)) return { body: 'ubnd', authority: 'TM. ỦY BAN NHÂN DÂN', role: ['CHỦ TỊCH'] };
  return { body: 'other', authority: null, role: [t.toUpperCase()] };
}

export function reportSignature(db: Db, args: CommandArgs<'print.reportSignature'>): ReportSignature {
  const office = requireOffice(db);
  const unit = unitUpper(office.districtName);
  const commune = office.level === 'xa';
  const signers = office.signers;
  const chosen =
    args.signerId !== undefined
      ? signers.find((s) => s.id === args.signerId)
      : (signers.find((s) => /^trưởng phòng tài chính/i.test(s.title)) ?? signers.find((s) => /^trưởng phòng/i.test(s.title)) ?? signers[0]);
  if (args.signerId !== undefined && !chosen) {
    throw new CoreError('UNKNOWN_SIGNER', `Người ký: không có người ký số ${args.signerId}. Chọn người ký trong danh sách của văn phòng (Cài đặt).`, { field: 'signerId' });
  }
  // An office without signers still prints, with the head of the phòng's block and room to write the name.
  const block = blockOf(chosen?.title ?? 'Trưởng phòng');
  const ubnd = block.body === 'ubnd';
  const symbol = ubnd ? 'BC-UBND' : commune ? 'BC-KT' : 'BC-TCKH';
  const number = args.number?.trim() ?? '';
  return {
    issuerLines: ubnd ? ['ỦY BAN NHÂN DÂN', unit] : [`ỦY BAN NHÂN DÂN ${unit}`, commune ? 'PHÒNG KINH TẾ' : 'PHÒNG TÀI CHÍNH - KẾ HOẠCH'],
    numberLine: `Số: ${number ? `${number.padStart(2, '0')}/${symbol}` : `\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/${symbol}`}`,
    authority: block.authority,
    role: block.role,
    name: chosen?.name ?? '',
    signers,
    signerId: chosen?.id ?? null,
  };
}
