import { describe, expect, it } from 'vitest';
import { documentDateVi, formatDateVi, isValidIsoDate, parseDateVi } from '../../../shared/format/date';
import { foldVietnamese, searchRank } from '../../../shared/text/fold';

describe('diacritics-insensitive search', () => {
  it('folds Vietnamese letters including đ', () => {
    expect(foldVietnamese('Huyện Tràng Định')).toBe('huyen trang dinh');
    expect(foldVietnamese('ĐẦU TƯ')).toBe('dau tu');
  });

  it('"trang dinh" finds "Tràng Định"; a missing word does not match', () => {
    expect(searchRank('Huyện Tràng Định', 'trang dinh')).not.toBeNull();
    expect(searchRank('Huyện Lộc Bình', 'trang dinh')).toBeNull();
  });

  it('prefers word starts, then the more specific (shorter) item', () => {
    const parent = searchRank('Dự án 1: Giải quyết tình trạng thiếu đất ở, nhà ở, đất sản xuất, nước sinh hoạt', 'nha o')!;
    const child = searchRank('Hỗ trợ nhà ở', 'nha o')!;
    const inside = searchRank('Phát triển kinh tế', 'rien')!;
    expect(child).toBeLessThan(parent);
    expect(parent).toBeLessThan(inside);
  });
});

describe('vi-VN dates', () => {
  it('parses and formats dd/mm/yyyy', () => {
    expect(parseDateVi('5/1/2024')).toBe('2024-01-05');
    expect(parseDateVi('31/02/2024')).toBeNull();
    expect(parseDateVi('2024-02-29')).toBe('2024-02-29');
    expect(formatDateVi('2024-01-05')).toBe('05/01/2024');
    expect(isValidIsoDate('2023-02-29')).toBe(false);
  });
});

describe('document date line (rule 18)', () => {
  it('pads days below 10 and months 1–2 only', () => {
    expect(documentDateVi('2024-01-05')).toBe('ngày 05 tháng 01 năm 2024');
    expect(documentDateVi('2024-02-29')).toBe('ngày 29 tháng 02 năm 2024');
    expect(documentDateVi('2019-06-29')).toBe('ngày 29 tháng 6 năm 2019');
    expect(documentDateVi('2024-03-15')).toBe('ngày 15 tháng 3 năm 2024');
    expect(documentDateVi('2024-12-01')).toBe('ngày 01 tháng 12 năm 2024');
    for (let month = 1; month <= 12; month++) {
      const line = `Tràng Định, ${documentDateVi(`2024-${String(month).padStart(2, '0')}-09`)}`;
      expect(line).toMatch(/^Tràng Định, ngày (0[1-9]|[12][0-9]|3[01]) tháng (0[12]|[3-9]|1[0-2]) năm [0-9]{4}$/);
    }
  });
});
