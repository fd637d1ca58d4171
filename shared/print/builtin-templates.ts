/**
 * The annexes the app prints, as templates (data, not code): the same columns, row levels and headings the
 * annexes have always had. A province's form is another object of this shape (`annex-template.ts`).
 */
import type { AnnexTemplateInput } from './annex-template';

/** Programs I, II (bold) → components 1, 2 (bold) → a, b → "-" (italic). */
const TREE_LEVELS: AnnexTemplateInput['rowLevels'] = [
  { numbering: 'roman', bold: true },
  { numbering: 'arabic', bold: true },
  { numbering: 'letter' },
  { numbering: 'dash', italic: true },
];

/** Tổng số | NSTW: ĐTPT, SN | NS tỉnh đối ứng: ĐTPT, SN | NS huyện | Nguồn khác (when used). */
const SOURCE_COLUMNS: AnnexTemplateInput['columns'] = [
  { key: 'total', header: ['Tổng số'], width: 28 },
  { key: 'NSTW|DTPT', header: ['Ngân sách trung ương', 'Vốn ĐTPT'], width: 26, sources: ['NSTW'], capitalTypes: ['DTPT'] },
  { key: 'NSTW|SN', header: ['Ngân sách trung ương', 'Kinh phí SN'], width: 26, sources: ['NSTW'], capitalTypes: ['SN'] },
  { key: 'NST|DTPT', header: ['Ngân sách tỉnh đối ứng', 'Vốn ĐTPT'], width: 24, sources: ['NST_DOIUNG'], capitalTypes: ['DTPT'] },
  { key: 'NST|SN', header: ['Ngân sách tỉnh đối ứng', 'Kinh phí SN'], width: 24, sources: ['NST_DOIUNG'], capitalTypes: ['SN'] },
  { key: 'NSH', header: ['Ngân sách huyện'], width: 24, sources: ['NSH'] },
  { key: 'OTHER', header: ['Nguồn khác'], width: 24, otherSources: true, onlyWhenUsed: true },
];

export type BuiltinTemplateKey = 'tong_hop' | 'theo_xa' | 'dieu_chinh' | 'du_toan_sn';

export const BUILTIN_TEMPLATES: Record<BuiltinTemplateKey, AnnexTemplateInput> = {
  tong_hop: {
    key: 'tong_hop',
    name: 'Tổng hợp',
    title: 'TỔNG HỢP PHÂN BỔ VỐN CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA',
    rows: 'component_tree',
    labelColumn: { header: ['Nội dung'], width: 70 },
    columns: SOURCE_COLUMNS,
    rowLevels: TREE_LEVELS,
  },
  theo_xa: {
    key: 'theo_xa',
    name: 'Chi tiết theo xã, đơn vị',
    title: 'CHI TIẾT PHÂN BỔ THEO XÃ, ĐƠN VỊ',
    rows: 'recipients',
    labelColumn: { header: ['Xã, đơn vị'], width: 70 },
    columns: SOURCE_COLUMNS,
    rowLevels: [{ numbering: 'arabic' }],
  },
  dieu_chinh: {
    key: 'dieu_chinh',
    name: 'Điều chỉnh',
    title: 'ĐIỀU CHỈNH KẾ HOẠCH VỐN CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA',
    rows: 'adjustment_tree',
    labelColumn: { header: ['Nội dung'], width: 80 },
    columns: [
      { key: 'before', header: ['Kế hoạch đã giao'], width: 30, measure: 'before' },
      { key: 'decrease', header: ['Điều chỉnh', 'Giảm'], width: 28, measure: 'decrease' },
      { key: 'increase', header: ['Điều chỉnh', 'Tăng'], width: 28, measure: 'increase' },
      { key: 'after', header: ['Kế hoạch sau điều chỉnh'], width: 30, measure: 'after' },
    ],
    noteColumn: { header: ['Ghi chú'], width: 34 },
    rowLevels: TREE_LEVELS,
    amountInWords: false,
  },
  /** The district's budget publication form for program spending (TT 343/2016/TT-BTC Biểu 91/CK-NSNN, as best known). */
  du_toan_sn: {
    key: 'du_toan_sn',
    name: 'Dự toán chi thường xuyên theo đơn vị',
    title: 'DỰ TOÁN CHI THƯỜNG XUYÊN THỰC HIỆN CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA NĂM {nam} THEO ĐƠN VỊ THỰC HIỆN',
    rows: 'component_tree_units',
    capitalTypes: ['SN'],
    labelColumn: { header: ['Nội dung'], width: 80 },
    columns: [
      { key: 'total', header: ['Tổng số'], width: 28 },
      { key: 'NSTW', header: ['Chia ra', 'Ngân sách trung ương'], width: 30, sources: ['NSTW'] },
      { key: 'NST_DOIUNG', header: ['Chia ra', 'Ngân sách tỉnh đối ứng'], width: 30, sources: ['NST_DOIUNG'] },
      { key: 'OTHER', header: ['Chia ra', 'Nguồn khác'], width: 26, otherSources: true, onlyWhenUsed: true },
    ],
    rowLevels: TREE_LEVELS,
  },
};
