/**
 * Every message zod writes is Vietnamese: zod's own `vi` locale, and on top of it the few messages where that locale
 * still names JavaScript's types in English ("mong đợi string", "nhận được undefined"). Installed once, globally,
 * when the contract's schemas load (schemas.ts imports this module), so the app, the web host and the CLI share it.
 */
import { z } from 'zod';

const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  int: 'số nguyên',
  bigint: 'số nguyên lớn',
  boolean: 'giá trị đúng/sai',
  object: 'đối tượng',
  array: 'danh sách',
  set: 'tập hợp',
  map: 'bảng',
  date: 'ngày',
  file: 'tệp',
  undefined: 'không có giá trị',
  null: 'giá trị rỗng',
  nan: 'giá trị không phải số',
  symbol: 'ký hiệu',
  function: 'hàm',
  record: 'bảng khoá–giá trị',
};

const UNITS: Record<string, string> = { string: 'ký tự', array: 'phần tử', set: 'phần tử', map: 'phần tử', file: 'byte' };

/** The type of a received value, as the officer's message names it. */
function receivedType(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number') return Number.isNaN(input) ? 'nan' : Number.isInteger(input) ? 'int' : 'number';
  return typeof input;
}

const typeName = (name: string | undefined) => (name === undefined ? 'giá trị' : (TYPE_NAMES[name] ?? name));

/** The messages the `vi` locale leaves partly in English; undefined hands the issue to the locale. */
export const vietnameseIssueMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return `Kiểu không hợp lệ: cần ${typeName(issue.expected)}, nhận được ${typeName(receivedType(issue.input))}`;
    case 'too_big': {
      const unit = UNITS[issue.origin ?? ''];
      const bound = `${issue.inclusive ? 'tối đa' : 'dưới'} ${String(issue.maximum)}`;
      return unit ? `Quá dài: ${typeName(issue.origin)} chỉ được có ${bound} ${unit}` : `Quá lớn: ${typeName(issue.origin)} phải ${issue.inclusive ? 'không quá' : 'nhỏ hơn'} ${String(issue.maximum)}`;
    }
    case 'too_small': {
      const unit = UNITS[issue.origin ?? ''];
      if (unit && Number(issue.minimum) === 1 && issue.inclusive) return `Không được để trống: ${typeName(issue.origin)} cần ít nhất 1 ${unit}`;
      const bound = `${issue.inclusive ? 'ít nhất' : 'hơn'} ${String(issue.minimum)}`;
      return unit ? `Quá ngắn: ${typeName(issue.origin)} cần ${bound} ${unit}` : `Quá nhỏ: ${typeName(issue.origin)} phải ${issue.inclusive ? 'từ' : 'lớn hơn'} ${String(issue.minimum)}${issue.inclusive ? ' trở lên' : ''}`;
    }
    case 'invalid_key':
      return `Khoá không hợp lệ trong ${typeName(issue.origin)}`;
    case 'invalid_element':
      return `Giá trị không hợp lệ trong ${typeName(issue.origin)}`;
    case 'invalid_union':
      return 'Dữ liệu không khớp với dạng nào được chấp nhận';
    default:
      return undefined;
  }
};

z.config({ ...z.locales.vi(), customError: vietnameseIssueMessage });
