import { describe, expect, it } from 'vitest';
import { implausibleAmountQuestion } from '../../../shared/domain/amount-plausibility';
import { toDong } from '../../../shared/money/dong';

const assigned = [{ sourceCode: 'NSTW', capitalType: 'SN' as const, totalDong: toDong(72_179_050_000) }];
const label = (code: string) => (code === 'NSTW' ? 'NSTW' : code);
const add = (text: string, sourceCode = 'NSTW', capitalType: 'DTPT' | 'SN' = 'SN') =>
  ({ op: 'add', line: { componentCode: 'GNBV.DA2', sourceCode, capitalType, amount: { text, unit: 'trieu' } } }) as const;

describe('an amount far above the year assignment for its source × capital type', () => {
  it('asks about 1.234.567 triệu against 72.179,05 triệu assigned, naming the pair and the ratio', () => {
    expect(implausibleAmountQuestion([add('1.234.567')], [], assigned, 2024, label)).toBe(
      'Số tiền 1.234.567 triệu đồng lớn gấp 17 lần toàn bộ vốn NSTW · SN được giao năm 2024 (72.179,05 triệu đồng). Có đúng số này không? Bấm "Huỷ" để sửa lại (có thể đã nhập nhầm đơn vị).',
    );
  });

  it('lets an ordinary amount, a malformed one (the core reports it) and a delete through', () => {
    expect(implausibleAmountQuestion([add('1.234,5'), add('12a'), { op: 'delete', id: 3 }], [], assigned, 2024, label)).toBeNull();
    expect(implausibleAmountQuestion([add('144.358')], [], assigned, 2024, label)).toBeNull(); // just under twice
  });

  it('reads the source × capital type of an updated line, and asks about a huge amount where nothing is assigned', () => {
    const lines = [{ id: 7, sourceCode: 'NSTW', capitalType: 'SN' as const }];
    expect(implausibleAmountQuestion([{ op: 'update', id: 7, patch: { amount: { dong: 200_000_000_000 } } }], lines, assigned, 2024, label)).toContain('gấp 2 lần');
    expect(implausibleAmountQuestion([add('100.000', 'NSTW', 'DTPT')], [], assigned, 2024, label)).toContain('chưa có vốn NSTW · ĐTPT được giao');
    expect(implausibleAmountQuestion([add('99.999', 'NSTW', 'DTPT')], [], assigned, 2024, label)).toBeNull();
  });
});
