/** Stage: the money unit of the sheet — the title's, a unit the officer chose, or a header "(triệu đồng)". */
import { UNIT_LABEL_VI, type MoneyUnit } from '../../../../shared/money/dong';
import type { HeaderBlock } from '../header';
import type { SheetText } from '../sheet-text';
import { unitInText, type TitleFacts } from '../title';
import type { Report } from './report';

/** The unit the file declares wins; a chosen unit only fills in when the file says none; else a header "(triệu đồng)". */
export function settleUnit(text: SheetText, header: HeaderBlock, title: TitleFacts, chosen: MoneyUnit | undefined, report: Report): MoneyUnit | null {
  let unit = title.unit ?? chosen ?? null;
  if (title.unit && chosen && title.unit !== chosen) {
    report({
      severity: 'E',
      rule: '25',
      code: 'IMPORT_UNIT_CONFLICT',
      cell: title.unitCell,
      message: `Tệp ghi đơn vị tính ${UNIT_LABEL_VI[title.unit]} (ô ${title.unitCell}) nhưng đã chọn ${UNIT_LABEL_VI[chosen]}. Bỏ lựa chọn đơn vị, hoặc sửa dòng "Đơn vị tính" trong tệp nếu tệp ghi sai.`,
    });
  }
  const maxCol = text.sheet.maxCol;
  if (!unit) {
    for (let r = header.top; r <= header.bottom && !unit; r++) for (let c = 1; c <= maxCol && !unit; c++) unit = unitInText(text.folded(r, c));
  }
  if (!unit) {
    report({ severity: 'E', rule: '25', code: 'IMPORT_NO_UNIT', cell: null, message: 'Không thấy dòng "Đơn vị tính" phía trên bảng. Hãy chọn đơn vị tính của tệp (đồng / nghìn đồng / triệu đồng) rồi đọc lại.' });
  }
  return unit;
}
