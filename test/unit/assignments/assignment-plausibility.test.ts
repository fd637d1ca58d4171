import { describe, expect, it } from 'vitest';
import { implausibleAssignmentQuestion } from '../../../shared/domain/amount-plausibility';
import { toDong } from '../../../shared/money/dong';

const trieu = (n: number) => toDong(n * 1_000_000);

describe('an assignment line far above the year’s other assignment lines (issue 15, point 13)', () => {
  it('asks about 1.234.567 triệu beside a year of 72.179,05 triệu, naming the ratio and the year', () => {
    expect(implausibleAssignmentQuestion(trieu(1_234_567), [toDong(72_179_050_000)], 2024)).toBe(
      'Số tiền 1.234.567 triệu đồng lớn gấp 17 lần tất cả các dòng vốn khác được giao năm 2024 cộng lại (72.179,05 triệu đồng). Có đúng số này không? Bấm "Huỷ" để sửa lại (có thể đã nhập nhầm đơn vị); chưa có gì được ghi.',
    );
  });

  it('asks about a huge first line of a year, not about an ordinary one', () => {
    expect(implausibleAssignmentQuestion(trieu(1_234_567), [], 2024)).toContain('năm 2024 chưa có dòng vốn nào khác được giao');
    expect(implausibleAssignmentQuestion(trieu(99_999), [], 2024)).toBeNull(); // under 100 tỷ
    expect(implausibleAssignmentQuestion(trieu(850), [], 2024)).toBeNull();
  });

  it('lets a large line through when the year holds comparable money (at most twice the others)', () => {
    expect(implausibleAssignmentQuestion(trieu(150_000), [trieu(50_000), trieu(25_000)], 2025)).toBeNull();
    expect(implausibleAssignmentQuestion(trieu(150_001), [trieu(50_000), trieu(25_000)], 2025)).toContain('lớn gấp 2 lần');
  });
});
