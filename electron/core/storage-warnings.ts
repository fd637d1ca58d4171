/**
 * Where the data folder is matters: SQLite's write-ahead log needs shared memory that network file systems do
 * not provide reliably, so a data file on a share (\\server\share, //server/share, smb:) can be corrupted
 * when two machines open it. The app warns; it does not refuse (an office may have no other choice).
 */
export function isNetworkPath(file: string): boolean {
  return /^(\\\\|\/\/)[^\\/]+[\\/][^\\/]+/.test(file) || /^\\\\\?\\UNC\\/i.test(file) || /^smb:/i.test(file);
}

export function storageWarnings(dataFile: string): string[] {
  return isNetworkPath(dataFile)
    ? [
        `Tệp dữ liệu đang nằm trên ổ mạng (${dataFile}). SQLite ở chế độ WAL không an toàn trên thư mục mạng: hai máy cùng mở có thể làm hỏng dữ liệu. Hãy để dữ liệu trên ổ đĩa của máy này (--data hoặc SOVON_DATA_DIR) và chia sẻ bằng tệp sao lưu hoặc tệp trao đổi.`,
      ]
    : [];
}
