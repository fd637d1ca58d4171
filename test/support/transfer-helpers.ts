import type { CommandInput } from '../../shared/api/contract';

export type TransferInput = Omit<CommandInput<'transfers.record'>, 'amount'> & { amount: { dong: number } };

/**
 * The commune sample's transfer (Xã Tràng Định, after `demo.seed`): 100.000.000 đ of the former communes' 2025 GNBV.DA2
 * NSTW SN money, with no remaining need, moved into the 2026–2035 content HP2.ND02 with the province's approval.
 */
export const SAMPLE_TRANSFER: TransferInput = {
  year: 2026,
  number: '41/QĐ-UBND',
  docDate: '2026-04-15',
  approvedBy: 'UBND tỉnh Lạng Sơn',
  approvalBasis: 'Văn bản số 512/UBND-KT ngày 02/4/2026 của UBND tỉnh Lạng Sơn chấp thuận chuyển nhiệm vụ',
  reason: 'khong_con_nhu_cau',
  fromComponentCode: 'GNBV.DA2',
  sourceCode: 'NSTW',
  capitalType: 'SN',
  originYear: 2025,
  toComponentCode: 'MTQG2635.HP2.ND02',
  amount: { dong: 100_000_000 },
};
