/**
 * Reading an exchange package: the workbook, its manifest (format, version, office, year, counts, hash) and the
 * values of its data sheets, in the order the import checks them.
 */
import ExcelJS from 'exceljs';
import { CoreError } from '../errors';
import { inspectWorkbookBytes } from '../excel/container';
import {
  MANIFEST_KEYS,
  MANIFEST_SHEET,
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_OLDEST,
  PACKAGE_FORMAT_VERSION,
  PACKAGE_KIND,
  sheetsOfVersion,
  type PackageGrid,
} from './package-format';
import { readDataSheet, readManifest } from './package-sheets';

export interface PackageManifest {
  /** The format version the package was written in (1 has no wording sheet). */
  version: number;
  districtCode: string;
  officeName: string;
  year: number;
  createdAt: string;
  sha256: string;
  rowCounts: Map<string, number>;
}

export interface LoadedPackage {
  workbook: ExcelJS.Workbook;
  manifest: PackageManifest;
}

const NOT_A_PACKAGE =
  'Tệp này không phải gói trao đổi của Sổ vốn MTQG (không có phần mô tả gói). Gói trao đổi được tạo bằng "Xuất gói trao đổi"; tệp giao vốn của tỉnh được nhập bằng chức năng nhập tệp của tỉnh.';

function invalid(message: string, details?: Record<string, unknown>): CoreError {
  return new CoreError('PACKAGE_INVALID', message, details);
}

/** Opens the workbook and checks the manifest's format, version and kind; the office is checked by the import. */
export async function loadPackage(base64: string, fileName: string): Promise<LoadedPackage> {
  const bytes = Buffer.from(base64, 'base64');
  // The same container check as the province's workbooks: no parser sees a file that is not a safe xlsx.
  inspectWorkbookBytes(bytes, fileName);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new CoreError('IMPORT_NOT_WORKBOOK', 'Tệp không đọc được như một bảng tính Excel (.xlsx); có thể tệp bị hỏng hoặc không phải tệp Excel. Hãy xuất lại gói và chép lại tệp.');
  }
  const sheet = workbook.getWorksheet(MANIFEST_SHEET);
  if (!sheet) throw invalid(NOT_A_PACKAGE);
  const entries = readManifest(sheet);
  if (entries.get(MANIFEST_KEYS.format) !== PACKAGE_FORMAT) throw invalid(NOT_A_PACKAGE, { format: entries.get(MANIFEST_KEYS.format) ?? null });
  const version = Number(entries.get(MANIFEST_KEYS.version));
  if (Number.isInteger(version) && version > PACKAGE_FORMAT_VERSION) {
    throw new CoreError(
      'PACKAGE_VERSION',
      `Gói được tạo bởi phiên bản mới hơn của Sổ vốn MTQG (định dạng ${version}; phiên bản này đọc được tới định dạng ${PACKAGE_FORMAT_VERSION}). Hãy cập nhật ứng dụng rồi nhập lại.`,
      { version, supported: PACKAGE_FORMAT_VERSION },
    );
  }
  if (!Number.isInteger(version) || version < PACKAGE_FORMAT_OLDEST) throw invalid(`Phần mô tả gói ghi phiên bản định dạng "${entries.get(MANIFEST_KEYS.version) ?? ''}" không hợp lệ; tệp đã bị sửa hoặc hỏng.`);
  const kind = entries.get(MANIFEST_KEYS.kind);
  if (kind !== PACKAGE_KIND) {
    throw new CoreError('PACKAGE_VERSION', `Loại gói "${kind ?? ''}" không được phiên bản này hỗ trợ (chỉ đọc gói dữ liệu cả năm). Hãy cập nhật ứng dụng.`, { kind: kind ?? null });
  }
  const year = Number(entries.get(MANIFEST_KEYS.year));
  const districtCode = entries.get(MANIFEST_KEYS.districtCode) ?? '';
  const sha256 = entries.get(MANIFEST_KEYS.sha256) ?? '';
  if (!Number.isInteger(year) || year < 2000 || year > 2100 || districtCode === '' || !/^[0-9a-f]{64}$/.test(sha256)) {
    throw invalid('Phần mô tả gói thiếu năm, mã huyện hoặc mã kiểm tra toàn vẹn; tệp đã bị sửa hoặc hỏng. Hãy xin lại tệp gốc.');
  }
  const rowCounts = new Map<string, number>();
  for (const [key, value] of entries) if (key.startsWith(MANIFEST_KEYS.rowsPrefix)) rowCounts.set(key.slice(MANIFEST_KEYS.rowsPrefix.length), Number(value));
  return {
    workbook,
    manifest: { version, districtCode, officeName: entries.get(MANIFEST_KEYS.officeName) ?? '', year, createdAt: entries.get(MANIFEST_KEYS.createdAt) ?? '', sha256, rowCounts },
  };
}

function tampered(message: string, details?: Record<string, unknown>): CoreError {
  return new CoreError('PACKAGE_TAMPERED', `${message} Tệp đã bị sửa sau khi xuất nên không nhập được; hãy xin lại tệp gốc từ nơi đã xuất gói.`, details);
}

/** The values of every data sheet, with the worksheet row of each (for messages naming a cell). */
export interface PackageSheets {
  grid: PackageGrid;
  rowNumbers: Record<string, number[]>;
}

/** Reads the data sheets; a missing sheet, a renamed column or a row count unlike the manifest's is tampering. */
export function readPackageSheets(loaded: LoadedPackage): PackageSheets {
  const grid: PackageGrid = {};
  const rowNumbers: Record<string, number[]> = {};
  for (const spec of sheetsOfVersion(loaded.manifest.version)) {
    const ws = loaded.workbook.getWorksheet(spec.name);
    if (!ws) throw tampered(`Thiếu trang "${spec.name}".`, { sheet: spec.name });
    const { header, rows, firstRow } = readDataSheet(ws, spec);
    const changed = spec.columns.findIndex((c, i) => header[i] !== c.header);
    if (changed >= 0) throw tampered(`Tiêu đề cột ${changed + 1} của trang "${spec.name}" đã bị đổi (phải là "${spec.columns[changed]!.header}").`, { sheet: spec.name });
    const expected = loaded.manifest.rowCounts.get(spec.name);
    if (expected !== rows.length) {
      throw tampered(`Trang "${spec.name}" có ${rows.length} dòng số liệu, khác ${expected ?? 0} dòng lúc xuất.`, { sheet: spec.name, rows: rows.length, expected: expected ?? null });
    }
    grid[spec.name] = rows;
    rowNumbers[spec.name] = firstRow;
  }
  return { grid, rowNumbers };
}
