/** Every screen of the product (design/product.md), with what it will hold until it is built. */
export interface ScreenDef {
  path: string;
  label: string;
  /** What the screen will hold; shown while it is not built yet. */
  plan: string;
  built: boolean;
}

export const SCREENS: ScreenDef[] = [
  { path: 'tong-quan', label: 'Tổng quan', built: true, plan: '' },
  { path: 'von-duoc-giao', label: 'Vốn được giao', built: true, plan: '' },
  { path: 'quyet-dinh', label: 'Quyết định phân bổ', built: true, plan: '' },
  { path: 'du-toan-thuong-xuyen', label: 'Dự toán chi thường xuyên', built: true, plan: '' },
  { path: 'du-an', label: 'Danh mục dự án', built: true, plan: '' },
  { path: 'giai-ngan', label: 'Giải ngân', built: true, plan: '' },
  { path: 'kho-khan', label: 'Khó khăn, vướng mắc & nhiệm vụ', built: true, plan: '' },
  { path: 'trao-doi', label: 'Trao đổi dữ liệu (nhập/xuất)', built: true, plan: '' },
  { path: 'bao-cao', label: 'Báo cáo & in', built: true, plan: '' },
  { path: 'danh-muc', label: 'Danh mục', built: true, plan: '' },
  { path: 'cai-dat', label: 'Cài đặt & sao lưu', built: true, plan: '' },
];
