import type { AssignmentPatch } from '../api/assignments';
import type { LinePatch } from '../api/decisions';

/** Vietnamese field names, used by the core's errors and the renderer's own checks alike. */
export const ASSIGNMENT_FIELD_LABELS: Record<keyof AssignmentPatch, string> = {
  componentCode: 'Hợp phần',
  sourceCode: 'Nguồn vốn',
  capitalType: 'Loại vốn',
  originYear: 'Năm nguồn vốn',
  amount: 'Số tiền',
  basisNumber: 'Số văn bản giao',
  basisDate: 'Ngày văn bản giao',
  basisIssuer: 'Cơ quan giao',
  note: 'Ghi chú',
};

/**
 * "Huyện Tràng Định" → "Phòng Tài chính - Kế hoạch huyện Tràng Định"; a commune's office level gives its own
 * template ("Phòng Kinh tế {don_vi}" → "Phòng Kinh tế xã Tràng Định").
 */
export function defaultOfficeName(unitName: string, template = 'Phòng Tài chính - Kế hoạch {don_vi}'): string {
  return template.replace('{don_vi}', `${unitName.charAt(0).toLowerCase()}${unitName.slice(1)}`);
}

export const LINE_FIELD_LABELS: Record<keyof LinePatch, string> = {
  componentCode: 'Hạng mục',
  recipient: 'Đơn vị nhận',
  projectCode: 'Dự án',
  sourceCode: 'Nguồn vốn',
  capitalType: 'Loại vốn',
  originYear: 'Năm nguồn vốn',
  amount: 'Số tiền',
  after: 'Số sau điều chỉnh',
  reasonCode: 'Lý do',
  note: 'Ghi chú',
};
