/** Every screen of the product (design/product.md), in the sidebar's order. */
export interface ScreenDef {
  path: string;
  label: string;
}

export const SCREENS: ScreenDef[] = [
  { path: 'tong-quan', label: 'Tổng quan' },
  { path: 'von-duoc-giao', label: 'Vốn được giao' },
  { path: 'quyet-dinh', label: 'Quyết định phân bổ' },
  { path: 'du-toan-thuong-xuyen', label: 'Dự toán chi thường xuyên' },
  { path: 'du-an', label: 'Danh mục dự án' },
  { path: 'giai-ngan', label: 'Giải ngân' },
  { path: 'kho-khan', label: 'Khó khăn, vướng mắc & nhiệm vụ' },
  { path: 'trao-doi', label: 'Trao đổi dữ liệu (nhập/xuất)' },
  { path: 'bao-cao', label: 'Báo cáo & in' },
  { path: 'danh-muc', label: 'Danh mục' },
  { path: 'cai-dat', label: 'Cài đặt & sao lưu' },
];
