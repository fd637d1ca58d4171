/**
 * What the desktop app offers when the office database does not open: for a damaged file with a backup,
 * to restore the newest sound backup instead of quitting. Pure, so it is unit-tested without Electron.
 */
import path from 'node:path';
import { CoreError } from '../core';

export interface RecoveryOffer {
  title: string;
  message: string;
  detail: string;
  buttons: [string, string];
}

export function recoveryOffer(error: unknown): RecoveryOffer | null {
  if (!(error instanceof CoreError) || error.code !== 'DB_DAMAGED') return null;
  const latest = error.details?.latestBackup;
  if (typeof latest !== 'string' || latest === '') return null;
  return {
    title: 'Sổ vốn MTQG — tệp dữ liệu bị hỏng',
    message: 'Tệp dữ liệu bị hỏng nên không mở được. Khôi phục từ bản sao lưu gần nhất còn tốt?',
    detail: `${error.message}\n\nBản sao lưu mới nhất: ${path.basename(latest)}. Tệp hỏng được giữ lại trong thư mục sao lưu (bản "Trước khi khôi phục") để bộ phận kỹ thuật xem.`,
    buttons: ['Khôi phục bản sao lưu', 'Thoát'],
  };
}
