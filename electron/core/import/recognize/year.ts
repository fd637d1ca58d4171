/** Stage: the plan year — the title's, checked against the year being imported. */
import type { TitleFacts } from '../title';
import type { Report } from './report';

export function settleYear(title: Pick<TitleFacts, 'year' | 'title'>, yearHint: number | null, report: Report): number | null {
  let year = title.year ?? yearHint;
  if (title.year !== null && yearHint !== null && title.year !== yearHint) {
    report({
      severity: 'E',
      rule: '25',
      code: 'IMPORT_WRONG_YEAR',
      cell: null,
      message: `Tệp ghi năm ${title.year} ("${title.title.slice(0, 120)}") nhưng đang nhập cho năm ${yearHint}. Hãy chọn đúng năm hoặc đúng tệp.`,
    });
    year = yearHint;
  }
  if (year === null) {
    report({ severity: 'E', rule: '25', code: 'IMPORT_NO_YEAR', cell: null, message: 'Không thấy năm kế hoạch trong tiêu đề tệp (ví dụ "… năm 2024"). Hãy chọn năm khi nhập.' });
  }
  return year;
}
