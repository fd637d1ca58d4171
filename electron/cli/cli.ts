import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Balance } from '../../shared/api/ledger';
import type { DecisionDocument, DecisionHeader } from '../../shared/api/decisions';
import type { RuleCheck, RuleRegistryRow } from '../../shared/api/rules';
import { ok, type ApiError, type Result } from '../../shared/api/result';
import { EXIT, exitCodeOf } from './exit-codes';
import type { RecurrentSheet } from '../../shared/api/recurrent';
import type { AppInfo } from '../../shared/api/app';
import type { AssignmentSheet } from '../../shared/api/assignments';
import type { OfficeInfo } from '../../shared/api/office';
import { DECISION_ISSUER_LABELS, DECISION_KIND_LABELS } from '../../shared/domain/documents';
import { LEVEL_LABELS, OBSTACLE_STATUS_LABELS, TASK_STATUS_LABELS } from '../../shared/api/followup';
import { formatDateVi, isValidIsoDate } from '../../shared/format/date';
import { vietnamDate } from '../../shared/format/today';
import { formatAmount, toDong, type Dong } from '../../shared/money/dong';
import { openCore, type Core, CoreError, storageError, parseDecisionNumber, createFileLogger, databaseFile, defaultDataDir, defaultResourcesDir, logDir, latestVersion, loadMigrations, checkDatabaseFile, createBackup, listBackups, restoreBackup } from '../core';
import { parseExportArgs, runExport } from './export-annex';
import { ExportUsageError } from './export-args';
import { parseDecisionExportArgs, runDecisionExport } from './export-decision';
import { isExchangeCommand, parseExchangeArgs, runExchange, type TaskOutcome } from './export-exchange';
import { ImportUsageError, parseImportArgs, runImport } from './import-province';
import { writeJson } from './json-out';
import { DisbursementUsageError, parseDisbursementArgs, printProgress, runDisbursementImport } from './disbursement-cli';

export { EXIT } from './exit-codes';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

const USAGE = `Sổ vốn MTQG — dòng lệnh

Cách dùng: sovon <lệnh> [tuỳ chọn] [--data THƯ_MỤC] [--json]

Lệnh:
  init --office <mã huyện|mã xã> [--name TÊN] [--signer "Họ tên|Chức danh"]...
                          tạo dữ liệu văn phòng cho huyện (đến 30/06/2025, ví dụ 180 = Tràng Định)
                          hoặc xã, phường (từ 01/07/2025, ví dụ 06046 = Xã Tràng Định)
  info                    văn phòng, phiên bản lược đồ, số dòng danh mục và đơn vị hành chính
  assignments list --year NĂM
                          các dòng vốn được giao của năm
  decisions list [--year NĂM]
                          các quyết định, nghị quyết (đã ban hành và dự thảo)
  decision show <mã|số> [--year NĂM]
                          nội dung một quyết định: thông tin chung và các dòng
                          (mã ở cột đầu của "decisions list", hoặc số văn bản, ví dụ 215/QĐ-UBND)
  plan --year NĂM [--as-of YYYY-MM-DD]
                          cân đối vốn: được giao, đã phân bổ, còn lại, tỷ lệ
                          theo chương trình × nguồn × loại vốn
  issue <mã> --date YYYY-MM-DD --signer SỐ [--number SỐ] [--summary "TRÍCH YẾU"] [--basis "CĂN CỨ"]…
                          ban hành một dự thảo (sao lưu trước; bị từ chối khi quy tắc báo lỗi [E])
  recurrent show --year NĂM [--program MÃ]
                          dự toán chi thường xuyên (kinh phí SN) theo hợp phần × đơn vị, còn lại theo nguồn
  check-draft <mã>        kiểm tra dự thảo theo các quy tắc; mã thoát 1 khi có lỗi [E]
  export decision --decision <mã|số> --format pdf|docx --out TỆP [--unit dong|nghin|trieu]
                          toàn văn quyết định/nghị quyết (thể thức NĐ 30/2020) và các phụ lục, ra PDF hoặc Word
  export annex --decision <mã|số> --format pdf|xlsx --out TỆP [--unit dong|nghin|trieu] [--annex I,II] [--template MÃ] [--orientation portrait|landscape]
                          in phụ lục của quyết định ra PDF (qua Chromium/Edge) hoặc Excel sẵn để in
  export package --year NĂM --out TỆP
                          xuất gói trao đổi của năm (vốn được giao, quyết định đã ban hành, danh mục dùng đến)
  export report --year NĂM --out TỆP [--unit dong|nghin|trieu] [--as-of YYYY-MM-DD]
                          báo cáo giao và phân bổ vốn theo chương trình, hợp phần, xã (Excel sẵn để in)
  import-package TỆP      nhập gói trao đổi vào năm chưa có số liệu của văn phòng cùng huyện
                          (mã thoát 0 khi đã nhập hoặc gói đã nhập trước đó, 1 khi bị từ chối)
  import-history TỆP      văn phòng cấp xã: nhập gói trao đổi của huyện cũ làm lịch sử chỉ đọc (quyết định 2021–2025,
                          xã cũ nay thuộc xã mới, vốn còn phải giải ngân với hạn); gói đã nhập: không ghi gì, mã thoát 0
  history [--as-of YYYY-MM-DD]
                          lịch sử của huyện cũ đã nhập: quyết định (chỉ đọc), xã cũ, vốn còn phải giải ngân và hạn
  obstacles list [--status S]
                          khó khăn, vướng mắc (S: moi, dang_xu_ly, da_de_xuat, da_giai_quyet, khong_giai_quyet)
  tasks list              nhiệm vụ theo thông báo kết luận, với hạn và tình trạng quá hạn
  rules list              các quy tắc 1–26: tên, căn cứ, độ chắc chắn, mức, hiệu lực, nơi kiểm tra, tình trạng
  backup [--out TỆP]      sao lưu dữ liệu (mặc định vào thư mục backups, giữ theo chính sách lưu trữ)
  restore TỆP [--force]   khôi phục từ một bản sao lưu (dữ liệu hiện tại được sao lưu trước, có thể khôi phục lại);
                          bản sao lưu của văn phòng khác cần --force, bản của phiên bản mới hơn bị từ chối
  import TỆP [--dry-run] [--year NĂM] [--unit dong|nghin|trieu] [--sheet TÊN]
                          nhập tệp Excel giao vốn của tỉnh: nhận dạng bảng, kiểm tra (mã thoát 1 khi có lỗi [E],
                          không ghi gì), rồi ghi vào vốn được giao sau khi sao lưu; --dry-run chỉ kiểm tra
  progress --year NĂM [--as-of YYYY-MM-DD]
                          tiến độ giải ngân: kế hoạch, đã giải ngân, tỷ lệ và mẫu số
                          theo chương trình × loại vốn × nguồn × năm nguồn vốn
  disbursement import TỆP [--dry-run] [--cutoff YYYY-MM-DD] [--year NĂM]
                          nhập sao kê giải ngân của Kho bạc (KBNN): kiểm tra (mã thoát 1 khi có lỗi [E],
                          không ghi gì), rồi ghi số lũy kế sau khi sao lưu; --dry-run chỉ kiểm tra
  check                   kiểm tra toàn vẹn tệp dữ liệu (mã thoát 1 khi tệp hỏng)
  seed-demo               tạo dữ liệu mẫu (Tràng Định 2024, có số giải ngân tháng 1–6)

Mã thoát: 0 thành công, 1 dữ liệu không hợp lệ, 2 sai cú pháp lệnh, 3 lỗi nội bộ,
4 dữ liệu tạm thời không dùng được (đang được dùng, ổ đĩa đầy, không có quyền ghi; không có gì được ghi).`;

class UsageError extends Error {}

function exitCodeFor(error: ApiError): number {
  return exitCodeOf(error.code);
}

function reportError(io: CliIo, json: boolean, error: ApiError): number {
  if (json) {
    io.out(JSON.stringify({ ok: false, error }, null, 2));
  } else {
    io.err(`Lỗi [${error.code}]: ${error.message}`);
    const issues = (error.details?.issues ?? []) as { path: string[]; message: string }[];
    for (const issue of issues) io.err(`  - ${issue.path.join('.') || '(toàn bộ)'}: ${issue.message}`);
  }
  return exitCodeFor(error);
}

function printOffice(io: CliIo, office: OfficeInfo): void {
  io.out(`Văn phòng: ${office.name}`);
  const unitLabel = office.level === 'xa' ? (/^Phường/i.test(office.districtName) ? 'Phường' : 'Xã') : 'Huyện';
  io.out(`${unitLabel}: ${office.districtName} (mã ${office.districtCode}), ${office.provinceName}`);
  io.out(`Cấp: ${office.levelName} (${office.level}), ${levelValidity(office)}`);
  if (office.formedFrom.length) io.out(`Hình thành từ: ${office.formedFrom.map((u) => `${u.name} (${u.code})`).join(', ')}`);
  if (office.level === 'huyen') io.out(`Thí điểm phân cấp NQ 111/2024/QH15: ${office.pilot ? `có — ${office.pilotBasis}` : 'không'}`);
  for (const s of office.signers) io.out(`Người ký số ${s.id}: ${s.name} — ${s.title}${s.sample ? ' (mẫu)' : ''}`);
  if (office.signers.length === 0) io.out('Người ký: chưa có — thêm ở màn hình Cài đặt (hoặc "init … --signer "Họ tên|Chức danh"" khi tạo văn phòng).');
}

/** "hiệu lực từ 01/07/2025", "hiệu lực đến 30/06/2025". */
function levelValidity(office: OfficeInfo): string {
  const from = office.levelValidFrom ? `từ ${formatDateVi(office.levelValidFrom)}` : '';
  const to = office.levelValidTo ? `đến ${formatDateVi(office.levelValidTo)}` : '';
  return `hiệu lực ${[from, to].filter(Boolean).join(' ') || 'không thời hạn'}`;
}

function printInfo(io: CliIo, info: AppInfo): void {
  if (info.office) printOffice(io, info.office);
  else io.out('Văn phòng: chưa thiết lập');
  io.out(`Tệp dữ liệu: ${info.dataFile}`);
  io.out(`Phiên bản lược đồ dữ liệu: ${info.schemaVersion}`);
  io.out('Danh mục chương trình:');
  for (const c of info.catalog) io.out(`  ${c.periodCode}: ${c.programs} chương trình, ${c.rows} dòng`);
  io.out('Đơn vị hành chính:');
  for (const u of info.units) io.out(`  bộ ${u.dataset}: ${u.count} đơn vị`);
}

function printSheet(io: CliIo, sheet: AssignmentSheet): void {
  io.out(`Vốn được giao năm ${sheet.year} (đơn vị: đồng)`);
  for (const l of sheet.lines) {
    io.out(
      [l.componentCode, l.sourceCode, l.capitalType, `nguồn ${l.originYear}`, formatAmount(l.amountDong, 'dong'), l.basisNumber].join('\t'),
    );
  }
  const own = sheet.lines.filter((l) => l.originYear === sheet.year).length;
  io.out(`Tổng cộng vốn năm ${sheet.year}: ${formatAmount(sheet.totals.grandDong, 'dong')} đồng (${own} dòng)`);
  for (const c of sheet.carriedOver) io.out(`Tổng cộng vốn năm ${c.originYear} kéo dài sang năm ${sheet.year}: ${formatAmount(c.totals.grandDong, 'dong')} đồng`);
  for (const c of sheet.counterpart.filter((x) => x.warning)) io.out(`[W] Quy tắc 11 (${c.warning!.ruleName}): ${c.warning!.message}`);
}

/** The SN breakdown in force: per program, each component's units, then what remains per source. */
function printRecurrent(io: CliIo, sheet: RecurrentSheet): void {
  io.out(`Dự toán chi thường xuyên năm ${sheet.year} đang có hiệu lực (đơn vị: đồng)`);
  io.out(sheet.delegation ? `Phân cấp: ${sheet.delegation.basisNumber} ngày ${formatDateVi(sheet.delegation.basisDate)}` : 'Phân cấp: chưa có bản ghi phân cấp của HĐND tỉnh cho năm này');
  const unitName = new Map(sheet.units.map((u) => [u.key, u.recipient.name]));
  const bySource = (values: Record<string, number>) => sheet.sources.map((s) => `${s.name} ${dong((values[s.code] ?? 0) as Dong)}`).join('; ');
  for (const p of sheet.programs) {
    io.out(`${p.programCode} — giao ${bySource(p.summary.assigned)}; phân bổ ${bySource(p.summary.total)}; còn lại ${bySource(p.summary.remaining)}`);
    for (const row of p.rows) {
      if (!row.entry || Object.keys(row.total).length === 0) continue;
      io.out(`  ${row.componentCode}: còn lại ${bySource(row.remaining)}`);
      for (const [unit, values] of Object.entries(row.cells)) io.out(`    ${unitName.get(unit) ?? unit}: ${bySource(values)}`);
    }
  }
}

/** Đồng with vi-VN thousands separators: 7795500000 → "7.795.500.000". */
function dong(value: Dong): string {
  return formatAmount(value, 'dong');
}

/** 0.9425 → "94,3%"; null (nothing planned) → "—". */
function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1).replace('.', ',')}%`;
}

function decisionTitle(h: DecisionHeader): string {
  return h.numberText ?? `(dự thảo #${h.id})`;
}

function decisionStatus(h: DecisionHeader): string {
  return h.status === 'issued' ? 'Đã ban hành' : 'Dự thảo';
}

function printDecisionList(io: CliIo, year: number | undefined, decisions: DecisionHeader[]): void {
  io.out(year === undefined ? 'Quyết định, nghị quyết (mọi năm; đơn vị: đồng)' : `Quyết định, nghị quyết năm ${year} (đơn vị: đồng)`);
  if (decisions.length === 0) {
    io.out('Chưa có quyết định nào.');
    return;
  }
  io.out(['Mã', 'Số', 'Ngày', 'Loại', 'Tình trạng', 'Số dòng', 'Tăng', 'Giảm'].join('\t'));
  for (const h of decisions) {
    io.out(
      [
        String(h.id),
        decisionTitle(h),
        h.docDate ? formatDateVi(h.docDate) : '(chưa có ngày)',
        DECISION_KIND_LABELS[h.kind],
        decisionStatus(h),
        `${h.lineCount} dòng`,
        `tăng ${dong(h.increaseDong)}`,
        `giảm ${dong(h.decreaseDong)}`,
      ].join('\t'),
    );
  }
  io.out(`Cộng: ${decisions.length} văn bản. Các lệnh nhận quyết định theo mã (cột đầu) hoặc theo số, ví dụ "decision show ${decisions[0]!.numberText ?? decisions[0]!.id}".`);
}

function printDecision(io: CliIo, doc: DecisionDocument): void {
  const h = doc.header;
  io.out(`${h.issuer === 'HDND' ? 'Nghị quyết' : 'Quyết định'} ${decisionTitle(h)}${h.docDate ? ` ngày ${formatDateVi(h.docDate)}` : ''} — ${decisionStatus(h)}`);
  io.out(`Cơ quan ban hành: ${DECISION_ISSUER_LABELS[h.issuer]}`);
  io.out(`Loại: ${DECISION_KIND_LABELS[h.kind]}, năm ${h.year}`);
  io.out(`Trích yếu: ${h.summary || '(chưa có)'}`);
  io.out(`Người ký: ${h.signerName ? `${h.signerName} — ${h.signerTitle ?? ''}` : '(chưa chọn)'}`);
  if (h.basis.length === 0) io.out('Căn cứ: (chưa có)');
  else {
    io.out('Căn cứ:');
    for (const b of h.basis) io.out(`  - ${b}`);
  }
  io.out(`Các dòng (${doc.lines.length}; đơn vị: đồng):`);
  for (const l of doc.lines) {
    const fields = [
      String(l.position),
      l.componentCode,
      l.recipient.name,
      ...(l.projectCode ? [`dự án ${l.projectCode}`] : []),
      l.sourceCode,
      l.capitalType,
      `nguồn ${l.originYear}`,
      dong(l.amountDong),
    ];
    if (l.beforeDong !== null) {
      fields.push(`trước ${dong(l.beforeDong)}`, `giảm ${dong(l.decreaseDong)}`, `tăng ${dong(l.increaseDong)}`, `sau ${l.afterDong === null ? '—' : dong(l.afterDong)}`);
    }
    io.out(`  ${fields.join('\t')}`);
  }
  const t = doc.totals;
  io.out(`Tổng cộng: tăng ${dong(t.increaseDong)}, giảm ${dong(t.decreaseDong)}, chênh lệch ${dong(t.netDong)} đồng`);
}

function printBalance(io: CliIo, balance: Balance): void {
  io.out(
    `Cân đối vốn năm ${balance.year}, ${balance.asOf ? `tính đến ngày ${formatDateVi(balance.asOf)}` : 'tính mọi quyết định đã ban hành'} (đơn vị: đồng)`,
  );
  // Plans never mix money years: the year's own money, then each earlier year's carried-over money, each with its own rate.
  for (const g of balance.groups) {
    io.out('');
    io.out(`${g.label} — tỷ lệ = đã phân bổ ÷ ${g.denominatorLabel}`);
    io.out(['Vốn năm', 'Chương trình', 'Nguồn', 'Loại', 'Được giao', 'HĐND điều chỉnh', 'Đã phân bổ', 'Còn lại', 'Tỷ lệ'].join('\t'));
    for (const r of balance.rows.filter((x) => x.originYear === g.originYear)) {
      io.out(
        [
          String(r.originYear),
          r.programCode,
          r.sourceCode,
          r.capitalType,
          dong(r.assignedDong),
          dong(r.replannedDong),
          dong(r.allocatedDong),
          dong(r.remainingDong),
          formatRate(r.rate) + (r.over ? ' VƯỢT' : ''),
        ].join('\t'),
      );
      // Money moved by a khoản 7 điểm b transfer: its own line under the row, so the columns stay as they were.
      if (r.transferNote) io.out(`\t↳ ${r.transferredDong >= 0 ? '+' : '−'}${dong(toDong(Math.abs(r.transferredDong)))} đồng: ${r.transferNote}`);
    }
    io.out(
      `Cộng ${g.label.charAt(0).toLowerCase()}${g.label.slice(1)}: được giao ${dong(g.assignedDong)}, HĐND điều chỉnh ${dong(g.replannedDong)}, đã phân bổ ${dong(g.allocatedDong)}, còn lại ${dong(g.remainingDong)} đồng, tỷ lệ ${g.rateText}`,
    );
  }
  const warnings = balance.counterpart.filter((c) => c.warning);
  if (balance.counterpart.length > 0) {
    io.out('');
    io.out(`Tỷ lệ vốn đối ứng ngân sách địa phương ÷ NSTW, vốn năm ${balance.year} (quy tắc 11):`);
    for (const c of balance.counterpart) {
      io.out(`  ${c.programCode} ${c.capitalType}: ${dong(c.counterpartDong)} / ${dong(c.nstwDong)} = ${c.ratioText}${c.minimumText ? ` (tối thiểu ${c.minimumText})` : ''}${c.warning ? ' — CẢNH BÁO' : ''}`);
    }
    for (const c of warnings) io.out(`[W] Quy tắc 11 (${c.warning!.ruleName}): ${c.warning!.message}`);
  }
}

function printRuleCheck(io: CliIo, check: RuleCheck): void {
  io.out(`Kiểm tra dự thảo #${check.decisionId} theo quy tắc, áp dụng cho ngày ${formatDateVi(check.evaluatedOn)}:`);
  if (check.findings.length === 0) io.out('Không có phát hiện nào.');
  for (const f of check.findings) io.out(`[${f.severity}] Quy tắc ${f.ruleId} (${f.ruleName}): ${f.message}`);
  io.out(`Tổng: ${check.errors} lỗi, ${check.warnings} cảnh báo, ${check.infos} thông tin.`);
}

const RULE_STATUS_LABELS: Record<RuleRegistryRow['status'], string> = { encoded: 'đã mã hoá', not_applicable: 'không áp dụng' };

function printRules(io: CliIo, rows: RuleRegistryRow[]): void {
  io.out('Các quy tắc (dữ liệu có thời hạn, resources/seed/rules.csv):');
  io.out(['Quy tắc', 'Tên', 'Mức', 'Độ chắc', 'Hiệu lực', 'Căn cứ', 'Mã kiểm tra', 'Kiểm tra ở', 'Tình trạng'].join('\t'));
  for (const r of rows) {
    io.out(
      [
        String(r.ruleId),
        r.name,
        r.severity,
        r.certainty,
        `${formatDateVi(r.validFrom)} – ${r.validTo ? formatDateVi(r.validTo) : 'nay'}`,
        r.legalBasis,
        r.checkName ? `${r.checkName}${r.module ? ` (${r.module})` : ''}` : '—',
        r.where ?? '—',
        RULE_STATUS_LABELS[r.status],
      ].join('\t'),
    );
  }
}

/** The decision a command names, as typed: its id or its number text; resolved by the core ("decisions.find"). */
function requireRef(value: string | undefined, usage: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`Thiếu mã hoặc số quyết định; dùng "${usage}" (ví dụ 1 hoặc 215/QĐ-UBND).`);
  if (!/^#?\d{1,9}$/.test(value.trim()) && !parseDecisionNumber(value)) {
    throw new UsageError(`"${value}" không phải mã (số nguyên dương, ví dụ 1) hay số văn bản (ví dụ 215/QĐ-UBND) của quyết định.`);
  }
  return value;
}

/** Runs a command on the decision an officer named (id or "215/QĐ-UBND"); the core's "not found" comes back as is. */
function onDecision<T>(core: Core, ref: string, year: number | undefined, run: (id: number) => Result<T>): Result<T> {
  const found = core.invoke('decisions.find', year === undefined ? { ref } : { ref, year });
  return found.ok ? run(found.value.id) : found;
}

function optionalDate(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isValidIsoDate(value)) throw new UsageError(`${flag} phải là ngày dạng YYYY-MM-DD (ví dụ 2024-06-30), không phải "${value}".`);
  return value;
}

function requireYear(value: string | undefined): number {
  if (value === undefined) throw new UsageError('Thiếu --year NĂM (ví dụ --year 2024).');
  if (!/^\d{4}$/.test(value)) throw new UsageError(`--year phải là năm 4 chữ số, không phải "${value}".`);
  return Number(value);
}

function parseSigner(text: string): { name: string; title: string } {
  const [name, title] = text.split('|').map((s) => s.trim());
  if (!name || !title) throw new UsageError(`--signer phải có dạng "Họ tên|Chức danh", không phải "${text}".`);
  return { name, title };
}

/** Runs one CLI invocation and returns its exit code; all output goes through io. */
export function runCli(argv: string[], io: CliIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        office: { type: 'string' },
        name: { type: 'string' },
        signer: { type: 'string', multiple: true },
        year: { type: 'string' },
        'as-of': { type: 'string' },
        status: { type: 'string' },
        out: { type: 'string' },
        program: { type: 'string' },
        date: { type: 'string' },
        number: { type: 'string' },
        force: { type: 'boolean', default: false },
        summary: { type: 'string' },
        basis: { type: 'string', multiple: true },
      },
    });
  } catch (error) {
    io.err(`Sai cú pháp: ${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  const json = values.json ?? false;
  const [command, sub, arg] = positionals;
  if (values.help || !command) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  const dataDir = values.data ?? defaultDataDir(io.env, process.platform, os.homedir());
  const log = createFileLogger(logDir(dataDir));
  const actor = `cli:${os.userInfo().username}`;

  /**
   * Opens the core, runs one command, prints its value (as JSON with --json) or its error, closes.
   * exitFor turns a successful value into an exit code (check-draft exits 1 when the rules found errors).
   */
  const withCore = <T,>(
    mode: boolean | 'read',
    run: (core: Core) => Result<T>,
    print: (value: T) => void,
    exitFor: (value: T) => number = () => EXIT.ok,
  ): number => {
    let core: Core;
    try {
      // Commands that only read open the data read-only: they never write to it (not even a checkpoint).
      core = openCore({ dataDir, actor, log, create: mode === true, readOnly: mode === 'read', readsFilePaths: true });
    } catch (error) {
      if (error instanceof CoreError) return reportError(io, json, { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) });
      log.error('Không mở được dữ liệu', error);
      return reportError(io, json, { code: 'INTERNAL', message: `Lỗi nội bộ khi mở dữ liệu: ${(error as Error).message}` });
    }
    try {
      const result = run(core);
      if (!result.ok) return reportError(io, json, result.error);
      if (json) io.out(JSON.stringify(result.value, null, 2));
      else print(result.value);
      return exitFor(result.value);
    } finally {
      core.close();
    }
  };

  try {
    switch (command) {
      case 'init': {
        if (!values.office) throw new UsageError('Thiếu --office <mã huyện hoặc mã xã> (ví dụ --office 180 cho huyện Tràng Định, --office 06046 cho xã Tràng Định).');
        const signers = (values.signer ?? []).map(parseSigner);
        const file = databaseFile(dataDir);
        const existed = fs.existsSync(file);
        const code = withCore(
          true,
          (core) => core.invoke('office.setup', { districtCode: values.office, name: values.name, signers }),
          (office) => {
            io.out('Đã khởi tạo văn phòng.');
            printOffice(io, office);
          },
        );
        // A failed first init leaves no database behind.
        if (code !== EXIT.ok && !existed) for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
        return code;
      }
      case 'info':
        return withCore('read', (core) => core.invoke('app.info', {}), (info) => printInfo(io, info));
      case 'assignments': {
        if (sub !== 'list') throw new UsageError(`Lệnh con "${sub ?? ''}" không có; dùng "assignments list --year NĂM".`);
        const year = requireYear(values.year);
        return withCore('read', (core) => core.invoke('assignments.list', { year }), (sheet) => printSheet(io, sheet));
      }
      case 'decisions': {
        if (sub !== 'list') throw new UsageError(`Lệnh con "${sub ?? ''}" không có; dùng "decisions list [--year NĂM]".`);
        const year = values.year === undefined ? undefined : requireYear(values.year);
        return withCore(
          'read',
          (core) => core.invoke('decisions.list', year === undefined ? {} : { year }),
          (decisions) => printDecisionList(io, year, decisions),
        );
      }
      case 'decision': {
        if (sub !== 'show') throw new UsageError(`Lệnh con "${sub ?? ''}" không có; dùng "decision show <id>".`);
        const ref = requireRef(arg, 'decision show <mã|số>');
        const year = values.year === undefined ? undefined : requireYear(values.year);
        return withCore('read', (core) => onDecision(core, ref, year, (id) => core.invoke('decisions.get', { id })), (doc) => printDecision(io, doc));
      }
      case 'plan': {
        const year = requireYear(values.year);
        const asOf = optionalDate(values['as-of'], '--as-of');
        return withCore(
          'read',
          (core) => core.invoke('ledger.balance', asOf === undefined ? { year } : { year, asOf }),
          (balance) => printBalance(io, balance),
        );
      }
      case 'issue': {
        const ref = requireRef(sub, 'issue <mã> --date YYYY-MM-DD --signer SỐ [--number SỐ] [--summary "TRÍCH YẾU"] [--basis "CĂN CỨ"]…');
        const docDate = optionalDate(values.date, '--date');
        if (docDate === undefined) throw new UsageError('Thiếu --date YYYY-MM-DD (ngày ban hành).');
        const signer = values.signer?.[0];
        if (signer === undefined || !/^\d{1,6}$/.test(signer)) throw new UsageError('--signer phải là số của người ký (xem "info").');
        if (values.number !== undefined && !/^\d{1,6}$/.test(values.number)) throw new UsageError(`--number phải là số nguyên dương, không phải "${values.number}".`);
        return withCore(
          false,
          // The command backs the database up before issuing, as in the app.
          // Trích yếu and căn cứ: those given here, else those already on the draft; the core refuses neither.
          (core) =>
            onDecision(core, ref, undefined, (id) =>
              core.invoke('decisions.issue', {
                id,
                docDate,
                signerId: Number(signer),
                ...(values.number ? { number: Number(values.number) } : {}),
                ...(values.summary !== undefined ? { summary: values.summary } : {}),
                ...(values.basis !== undefined ? { basis: values.basis } : {}),
              }),
            ),
          (doc) => io.out(`Đã ban hành ${doc.header.numberText} ngày ${formatDateVi(doc.header.docDate!)} (${doc.lines.length} dòng).`),
        );
      }
      case 'recurrent': {
        if (sub !== 'show') throw new UsageError(`Lệnh con "${sub ?? ''}" không có; dùng "recurrent show --year NĂM [--program MÃ]".`);
        const year = requireYear(values.year);
        return withCore(
          'read',
          (core) => core.invoke('recurrent.sheet', values.program ? { year, programCode: values.program } : { year }),
          (sheet) => printRecurrent(io, sheet),
        );
      }
      case 'progress': {
        const year = requireYear(values.year);
        const asOf = optionalDate(values['as-of'], '--as-of');
        // Without --as-of the figures are read at the year's latest reported cut-off (as the dashboard opens), not
        // today: a past year read "to today" would judge months nobody reported.
        return withCore(
          'read',
          (core) => {
            if (asOf !== undefined) return core.invoke('disbursement.progress', { year, asOf });
            const cutoff = core.invoke('disbursement.defaultCutoff', { year });
            return cutoff.ok ? core.invoke('disbursement.progress', { year, asOf: cutoff.value.date }) : cutoff;
          },
          (p) => {
            if (asOf === undefined)
              io.out(`(Không ghi --as-of: đọc đến ngày ${formatDateVi(p.asOf)}, kỳ số liệu giải ngân mới nhất của năm ${year} — năm chưa có số liệu thì hôm nay hoặc 31/12 của năm đã qua; ghi --as-of YYYY-MM-DD để chọn ngày khác.)`);
            printProgress(io.out, p);
          },
        );
      }
      case 'check-draft': {
        const ref = requireRef(sub, 'check-draft <mã>');
        return withCore(
          'read',
          (core) => onDecision(core, ref, undefined, (id) => core.invoke('decisions.check', { id })),
          (check) => printRuleCheck(io, check),
          (check) => (check.errors > 0 ? EXIT.validation : EXIT.ok),
        );
      }
      case 'obstacles': {
        if (sub !== 'list') throw new UsageError(`Lệnh con "${sub ?? ''}" không có; dùng "obstacles list [--status S]".`);
        const statuses = ['moi', 'dang_xu_ly', 'da_de_xuat', 'da_giai_quyet', 'khong_giai_quyet'] as const;
        const status = values.status;
        if (status !== undefined && !(statuses as readonly string[]).includes(status)) throw new UsageError(`--status phải là một trong: ${statuses.join(', ')}.`);
        return withCore(
          'read',
          (core) => core.invoke('obstacles.list', status ? { status } : {}),
          (list) => {
            if (list.length === 0) io.out('Chưa có khó khăn, vướng mắc nào.');
            for (const o of list)
              io.out(
                `#${o.id} [${LEVEL_LABELS[o.resolvingLevel]}] ${OBSTACLE_STATUS_LABELS[o.status]}${o.overdue ? ' — QUÁ HẠN' : ''}${o.dueDate ? ` (hạn ${formatDateVi(o.dueDate)})` : ''}: ${o.description}`,
              );
          },
        );
      }
      case 'rules': {
        if (sub !== 'list') throw new UsageError(`Lệnh con "${sub ?? ''}" không có; dùng "rules list [--json]".`);
        return withCore(
          false,
          (core) => core.invoke('rules.list', {}),
          (rows) => printRules(io, rows),
        );
      }
      case 'tasks': {
        if (sub !== 'list') throw new UsageError(`Lệnh con "${sub ?? ''}" không có; dùng "tasks list".`);
        return withCore(
          'read',
          (core) => core.invoke('tasks.list', {}),
          (list) => {
            if (list.length === 0) io.out('Chưa có nhiệm vụ nào.');
            for (const t of list)
              io.out(`${t.noticeNumber} · ${t.item || `#${t.id}`} — ${TASK_STATUS_LABELS[t.status]}${t.overdue ? ' — QUÁ HẠN' : ''}${t.deadline ? ` (hạn ${formatDateVi(t.deadline)})` : ' (không ghi thời hạn)'}: ${t.text} [${t.owner}]`);
          },
        );
      }
      case 'backup': {
        const out = values.out;
        if (out !== undefined && !fs.existsSync(path.dirname(path.resolve(out)))) throw new UsageError(`Thư mục của --out không tồn tại: ${path.dirname(path.resolve(out))}`);
        return withCore(
          'read',
          (core) => {
            if (out === undefined) return ok(createBackup(core.db, dataDir, 'thu-cong'));
            return core.invoke('backups.saveTo', { file: out });
          },
          (backup) => io.out(`Đã sao lưu vào ${backup.file} (${(backup.sizeBytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB).`),
        );
      }
      case 'restore': {
        if (!sub) throw new UsageError('Thiếu tệp sao lưu; dùng "restore TỆP".');
        if (!fs.existsSync(sub)) throw new UsageError(`Không có tệp ${sub}.`);
        try {
          const maxSchemaVersion = latestVersion(loadMigrations(path.join(defaultResourcesDir(), 'migrations')));
          const result = restoreBackup(databaseFile(dataDir), dataDir, path.resolve(sub), { maxSchemaVersion, allowOtherOffice: values.force ?? false });
          if (json) io.out(JSON.stringify(result, null, 2));
          else io.out(`Đã khôi phục từ ${result.restoredFrom}.${result.undoBackup ? ` Dữ liệu trước khi khôi phục được giữ ở ${result.undoBackup}.` : ''}`);
          return EXIT.ok;
        } catch (error) {
          if (error instanceof CoreError) return reportError(io, json, { code: error.code, message: error.message });
          throw error;
        }
      }
      case 'check': {
        const file = databaseFile(dataDir);
        const result = checkDatabaseFile(file);
        if (json) io.out(JSON.stringify({ file, ...result }, null, 2));
        // Busy, no permission, a directory in its place: the file could not be read, which says nothing about it.
        if (result.unavailable) {
          if (!json) io.err(`Lỗi [${result.unavailable.code}]: ${result.unavailable.message}`);
          return exitCodeFor({ code: result.unavailable.code, message: result.unavailable.message });
        }
        if (result.ok) {
          if (!json) io.out(`Tệp dữ liệu ${file} nguyên vẹn.`);
          return EXIT.ok;
        }
        const latest = listBackups(dataDir)[0];
        if (!json) {
          io.err(`Tệp dữ liệu ${file} bị hỏng hoặc không đọc được: ${result.problems.slice(0, 5).join('; ')}`);
          io.err(latest ? `Bản sao lưu gần nhất: ${latest.file} (${formatDateVi(vietnamDate(latest.takenAt))}). Khôi phục: sovon restore "${latest.file}"` : 'Không có bản sao lưu nào trong thư mục backups.');
        }
        return EXIT.validation;
      }
      case 'seed-demo':
        return withCore(
          true,
          (core) => core.invoke('demo.seed', {}),
          (demo) =>
            io.out(
              `Đã tạo dữ liệu mẫu: ${demo.office.districtName}, năm ${demo.year}, ${demo.assignmentLines} dòng vốn được giao, ${demo.decisions} quyết định đã ban hành, ${demo.disbursementEntries} số liệu giải ngân tháng 1–6.`,
            ),
        );
      default:
        throw new UsageError(`Lệnh "${command}" không có.`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`Sai cú pháp: ${error.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    if (error instanceof CoreError) return reportError(io, json, { code: error.code, message: error.message });
    const storage = storageError(error, databaseFile(dataDir), 'ghi dữ liệu');
    if (storage) return reportError(io, json, { code: storage.code, message: storage.message });
    log.error('Lỗi nội bộ CLI', error);
    io.err(`Lỗi nội bộ: ${(error as Error).message}`);
    return EXIT.internal;
  }
}

/** Parses the command lines that need to wait (files through exceljs or a browser) into one task; throws usage errors. */
function asyncTask(argv: string[]): (core: Core, log: (text: string) => void) => Promise<TaskOutcome> {
  if (isExchangeCommand(argv)) {
    const request = parseExchangeArgs(argv);
    return (core) => runExchange(core, request);
  }
  if (argv[1] === 'decision') {
    const request = parseDecisionExportArgs(argv.slice(2));
    return async (core, log) => {
      const result = await runDecisionExport(core, request, log);
      if (!result.ok) return { ok: false, error: { code: result.code as ApiError['code'], message: result.message } };
      return { ok: true, value: result, text: `Đã ghi toàn văn ${result.numberLine.replace(/^Số:\s*/, '')} và ${result.annexes} phụ lục vào ${result.file}` };
    };
  }
  if (argv[1] !== 'annex') throw new ExportUsageError(`Lệnh con "${argv[1] ?? ''}" không có; dùng "export decision", "export annex", "export package" hoặc "export report".`);
  const request = parseExportArgs(argv.slice(2));
  return async (core, log) => {
    const result = await runExport(core, request, log);
    if (!result.ok) return { ok: false, error: { code: result.code as ApiError['code'], message: result.message } };
    return { ok: true, value: result, text: `Đã ghi ${result.annexes} phụ lục vào ${result.file}` };
  };
}

/** Like runCli, plus the commands that need to wait: export annex|package|report and import-package. */
export async function runCliAsync(argv: string[], io: CliIo): Promise<number> {
  if (argv[0] === 'import') return runImportCli(argv.slice(1), io);
  if (argv[0] === 'disbursement') return runDisbursementCli(argv.slice(1), io);
  if (argv[0] !== 'export' && !isExchangeCommand(argv)) return runCli(argv, io);
  const json = argv.includes('--json');
  let task: ReturnType<typeof asyncTask>;
  try {
    task = asyncTask(argv);
  } catch (error) {
    io.err(`Sai cú pháp: ${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const opened = openForCommand(argv, io, json);
  if ('exit' in opened) return opened.exit;
  const { core, log } = opened;
  try {
    const outcome = await task(core, (text) => io.err(text));
    if (!outcome.ok) return reportError(io, json, outcome.error);
    if (json) io.out(JSON.stringify(outcome.value, null, 2));
    else io.out(outcome.text);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof ExportUsageError) {
      io.err(`Sai cú pháp: ${error.message}`);
      return EXIT.usage;
    }
    log.error(`Lệnh ${argv.slice(0, 2).join(' ')} thất bại`, error);
    io.err(`Lỗi khi chạy ${argv.slice(0, 2).join(' ')}: ${(error as Error).message}`);
    return EXIT.internal;
  } finally {
    core.close();
  }
}

/** Opens the office's data for a command that waits (the data folder from --data or the default). */
function openForCommand(argv: string[], io: CliIo, json: boolean): { core: Core; log: ReturnType<typeof createFileLogger> } | { exit: number } {
  const dataIndex = argv.indexOf('--data');
  const dataDir = dataIndex >= 0 && argv[dataIndex + 1] ? argv[dataIndex + 1]! : defaultDataDir(io.env, process.platform, os.homedir());
  const log = createFileLogger(logDir(dataDir));
  try {
    // Printing a decision only reads: the data is opened read-only. A package or report export writes its exchange log.
    const readOnly = argv[0] === 'export' && (argv[1] === 'annex' || argv[1] === 'decision');
    return { core: openCore({ dataDir, actor: `cli:${os.userInfo().username}`, log, create: false, readOnly, readsFilePaths: true }), log };
  } catch (error) {
    if (error instanceof CoreError) return { exit: reportError(io, json, { code: error.code, message: error.message }) };
    const storage = storageError(error, databaseFile(dataDir), 'mở dữ liệu');
    if (storage) return { exit: reportError(io, json, { code: storage.code, message: storage.message }) };
    return { exit: reportError(io, json, { code: 'INTERNAL', message: `Lỗi nội bộ khi mở dữ liệu: ${(error as Error).message}` }) };
  }
}

/**
 * A file import on the command line (the province's workbook, a treasury statement): parses its arguments, opens the
 * data, runs it and prints its outcome (JSON with --json); `what` names it in messages ("nhập tệp").
 */
async function runFileImport<R extends { json: boolean }>(
  argv: string[],
  io: CliIo,
  parse: (argv: string[]) => R,
  run: (core: Core, request: R) => Promise<{ exitCode: number; report: unknown; text: string[] }>,
  what: string,
): Promise<number> {
  let request: R;
  try {
    request = parse(argv);
  } catch (error) {
    if (!(error instanceof ImportUsageError) && !(error instanceof DisbursementUsageError) && !(error instanceof TypeError)) throw error;
    io.err(`Sai cú pháp: ${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const opened = openForCommand(argv, io, request.json);
  if ('exit' in opened) return opened.exit;
  const { core, log } = opened;
  try {
    const outcome = await run(core, request);
    if (request.json) writeJson(io.out, outcome.report);
    else for (const line of outcome.text) (outcome.exitCode === 0 ? io.out : io.err)(line);
    return outcome.exitCode;
  } catch (error) {
    log.error(`${what.charAt(0).toUpperCase()}${what.slice(1)} thất bại`, error);
    io.err(`Lỗi nội bộ khi ${what}: ${(error as Error).message}`);
    return EXIT.internal;
  } finally {
    core.close();
  }
}

const runImportCli = (argv: string[], io: CliIo) => runFileImport(argv, io, parseImportArgs, runImport, 'nhập tệp');
const runDisbursementCli = (argv: string[], io: CliIo) => runFileImport(argv, io, parseDisbursementArgs, runDisbursementImport, 'nhập sao kê KBNN');
