/**
 * Builds the print-document model of a decision's annexes (Nghị định 30/2020): headers, the numbered tables
 * program → component (I, II / 1, 2 / a, b / -), totals computed from đồng, amount in words, signature and
 * Nơi nhận. The renderer lays it out; nothing is computed there.
 */
import path from 'node:path';
import { unitNameParts } from '../../../shared/domain/office-level';
import type { CommandArgs } from '../../../shared/api/contract';
import type { DecisionDocument, DecisionLine } from '../../../shared/api/decisions';
import { ADJUSTMENT_KINDS, romanNumeral } from '../../../shared/domain/documents';
import { documentDateVi, formatDateVi } from '../../../shared/format/date';
import { amountInWordsLine } from '../../../shared/money/amount-in-words';
import { toDong, UNIT_LABEL_VI, type MoneyUnit } from '../../../shared/money/dong';
import type { AnnexKind, PrintAnnex, PrintColumn, PrintDocument, PrintRow } from '../../../shared/print/document';
import type { AnnexTemplate } from '../../../shared/print/annex-template';
import { fillPlaceholders, wordingForUnit } from '../../../shared/print/wording';
import { checkPrintDocument } from '../../../shared/print/format-rules';
import { CoreError } from '../errors';
import type { Db } from '../db/database';
import { getDocument } from '../decisions/store';
import { foldIssued, keyLabels, lineKey, type KeyAmount } from '../ledger/fold';
import { requireOffice } from '../office/office';
import { componentIndex, type ComponentInfo } from '../reference/catalog';
import { listProjects } from '../registers/projects';
import { buildBody } from './body';
import { MAX_DECIMALS, templateAnnex } from './template-annex';
import { builtinTemplate, provinceTemplate } from './template-store';
import { decisionWording } from './wording-store';

export { MAX_DECIMALS };

/**
 * The office's own budget has a column of its own in the built-in annexes: the district's (NS huyện) or, from
 * 1/7/2025, the commune's (NS xã). The templates name the district's; a commune office prints its own instead.
 */
function forOfficeLevel(template: AnnexTemplate, level: string): AnnexTemplate {
  if (level !== 'xa') return template;
  return {
    ...template,
    columns: template.columns.map((c) => (c.sources?.length === 1 && c.sources[0] === 'NSH' ? { ...c, key: 'NSX', header: ['Ngân sách xã'], sources: ['NSX'] } : c)),
  };
}

/** What a line counts for in a summary annex: its change for allocations, the amount after for adjustments. */
function summaryAmount(l: DecisionLine): number {
  return l.afterDong ?? l.amountDong;
}

const STT_COLUMN: PrintColumn = { key: 'stt', header: ['STT'], kind: 'stt', width: 12 };
const NOTE_COLUMN: PrintColumn = { key: 'note', header: ['Ghi chú'], kind: 'text', width: 22 };

/**
 * The plan of the year around this decision, one line per key: before (in force on its date without it),
 * its change, after. Keys it does not touch keep before = after.
 */
function planAround(db: Db, doc: DecisionDocument, today: string, components: Map<number, ComponentInfo>): DecisionLine[] {
  const h = doc.header;
  const fold = foldIssued(db, h.year, h.docDate ?? today);
  const byKey = new Map<string, { key: KeyAmount; before: number; line: DecisionLine | null }>();
  for (const k of fold) byKey.set(lineKey(k), { key: k, before: k.amount, line: null });
  for (const l of doc.lines) {
    const key: KeyAmount = {
      component_id: l.componentId,
      recipient_unit_id: l.recipient.kind === 'district' || l.recipient.kind === 'commune' ? l.recipient.id : null,
      recipient_org_id: l.recipient.kind === 'unit' || l.recipient.kind === 'investor' ? l.recipient.id : null,
      project_id: l.projectId,
      source_code: l.sourceCode,
      capital_type: l.capitalType,
      origin_year: l.originYear,
      amount: 0,
    };
    const entry = byKey.get(lineKey(key)) ?? { key, before: 0, line: null };
    // An issued decision is inside the fold of its own date: take its change out to get "before".
    if (h.status === 'issued') entry.before -= l.amountDong;
    entry.line = l;
    byKey.set(lineKey(key), entry);
  }
  const names = keyLabels(db, [...byKey.values()].map((e) => e.key));
  const out: DecisionLine[] = [];
  let fakeId = -1;
  for (const { key, before, line } of byKey.values()) {
    const delta = line?.amountDong ?? 0;
    if (before === 0 && delta === 0) continue;
    const c = components.get(key.component_id)!;
    out.push({
      id: line?.id ?? fakeId--,
      position: line?.position ?? 0,
      componentId: key.component_id,
      componentCode: c.code,
      componentName: c.name,
      programCode: c.programCode,
      programName: c.programName,
      recipient: line?.recipient ?? names.recipient(key),
      projectId: key.project_id,
      projectCode: line?.projectCode ?? null,
      projectName: line?.projectName ?? null,
      sourceCode: key.source_code,
      capitalType: key.capital_type,
      originYear: key.origin_year,
      amountDong: toDong(delta),
      beforeDong: toDong(before),
      afterDong: toDong(before + delta),
      decreaseDong: toDong(delta < 0 ? -delta : 0),
      increaseDong: toDong(delta > 0 ? delta : 0),
      reasonCode: line?.reasonCode ?? null,
      note: line?.note ?? '',
    });
  }
  return out;
}

function projectAnnex(db: Db, lines: DecisionLine[], unit: MoneyUnit): Omit<PrintAnnex, 'label' | 'attachedTo'> {
  const projects = new Map(listProjects(db).map((p) => [p.id, p]));
  const amounts = new Map<number, number>();
  for (const l of lines) if (l.projectId !== null) amounts.set(l.projectId, (amounts.get(l.projectId) ?? 0) + summaryAmount(l));
  const listed = [...amounts.keys()].map((id) => projects.get(id)!).sort((a, b) => a.code.localeCompare(b.code, 'vi'));
  const rows = listed.map<PrintRow>((p, i) => ({
    stt: String(i + 1),
    depth: 1,
    bold: false,
    cells: {
      label: p.name,
      place: p.communeName ?? '',
      investor: p.investorName ?? '',
      approval: p.approvalNumber ? `${p.approvalNumber}${p.approvalDate ? ` ngày ${formatDateVi(p.approvalDate)}` : ''}` : '',
      tmdt: p.totalInvestmentDong,
      amount: toDong(amounts.get(p.id)!),
      note: [p.code, p.specialMechanism ? 'cơ chế đặc thù NQ 111/2024/QH15' : ''].filter(Boolean).join('; '),
    },
  }));
  // Investment money not yet tied to a registered project still counts, so the annex adds up to the decision's ĐTPT.
  const unlisted = lines.filter((l) => l.projectId === null && l.capitalType === 'DTPT').reduce((a, l) => a + summaryAmount(l), 0);
  if (unlisted !== 0) rows.push({ stt: String(rows.length + 1), depth: 1, bold: false, italic: true, cells: { label: 'Các nội dung đầu tư chưa ghi vào danh mục dự án', amount: toDong(unlisted) } });
  const sum = (key: 'tmdt' | 'amount') => toDong(rows.reduce((a, r) => a + Number(r.cells[key] ?? 0), 0));
  const total: PrintRow = { stt: '', depth: -1, bold: true, total: true, cells: { label: 'TỔNG SỐ', tmdt: sum('tmdt'), amount: sum('amount') } };
  return {
    kind: 'du_an',
    title: 'DANH MỤC DỰ ÁN ĐẦU TƯ PHÁT TRIỂN',
    unitLine: `Đơn vị tính: ${UNIT_LABEL_VI[unit]}`,
    columns: [
      STT_COLUMN,
      { key: 'label', header: ['Tên dự án'], kind: 'text', width: 62 },
      { key: 'place', header: ['Địa điểm xây dựng'], kind: 'text', width: 28 },
      { key: 'investor', header: ['Chủ đầu tư'], kind: 'text', width: 34 },
      { key: 'approval', header: ['Quyết định phê duyệt'], kind: 'text', width: 32 },
      { key: 'tmdt', header: ['Tổng mức đầu tư'], kind: 'money', width: 26 },
      { key: 'amount', header: ['Kế hoạch vốn'], kind: 'money', width: 26 },
      // Wide enough for "cơ chế đặc thù NQ 111/2024/QH15" with the number kept whole.
      { ...NOTE_COLUMN, width: 30 },
    ],
    headerDepth: 1,
    rows: [total, ...rows],
    amountInWords: amountInWordsLine(sum('amount')),
    roundingNote: null,
  };
}

const ANNEX_TITLE_KIND: Record<string, string> = { UBND: 'Quyết định', HDND: 'Nghị quyết' };
const ISSUER_FULL: Record<string, string> = { UBND: 'Ủy ban nhân dân', HDND: 'Hội đồng nhân dân' };

/** The treasury of a document's date: the district treasury until the 2025 reorganisation into regional ones [R]. */
function treasury(date: string | null, district: string): string {
  return date !== null && date < '2025-03-01' ? `Kho bạc Nhà nước ${district}` : 'Kho bạc Nhà nước khu vực';
}

/**
 * The print document of a decision. Annexes keep the numbers they have in the whole decision (Phụ lục II stays
 * II when printed alone). For an adjustment the summary shows the plan after it, and "đã giao" is the
 * component's whole plan in force before it.
 */
export function buildDecisionPrint(db: Db, args: CommandArgs<'print.decision'>, today: string): PrintDocument {
  const office = requireOffice(db);
  const doc = getDocument(db, args.id);
  const h = doc.header;
  const unit = args.unit ?? 'trieu';
  const components = componentIndex(db);
  const adjustment = ADJUSTMENT_KINDS.has(h.kind);
  // A UBND decision implementing an HĐND breakdown prints the resolution's money under its own number.
  const ownLines = h.implementsId !== null ? getDocument(db, h.implementsId).lines : doc.lines;
  const withProjects = ownLines.some((l) => l.projectId !== null);
  // The HĐND's breakdown of the recurrent estimate prints by component and implementing unit (Biểu 91).
  const recurrent = !adjustment && (h.issuer === 'HDND' || h.implementsId !== null) && ownLines.length > 0 && ownLines.every((l) => l.capitalType === 'SN');
  const defaults: AnnexKind[] = adjustment
    ? ['dieu_chinh', 'tong_hop', 'theo_xa']
    : recurrent
      ? ['du_toan_sn', 'theo_xa']
      : ['tong_hop', 'theo_xa', ...(withProjects ? (['du_an'] as const) : [])];
  const kinds: AnnexKind[] = args.annexes ?? (args.templates?.length ? [] : adjustment ? ['dieu_chinh', 'tong_hop'] : defaults);
  const build = (kind: AnnexKind) =>
    kind === 'du_an' ? projectAnnex(db, lines, unit) : { kind, ...templateAnnex(forOfficeLevel(builtinTemplate(kind), office.level), lines, components, unit, h.year) };
  const numbering = [...defaults, ...kinds.filter((k) => !defaults.includes(k))];
  const lines = adjustment ? planAround(db, doc, today, components) : ownLines;
  // The unit word follows the office's level: "huyện Tràng Định" until 30/06/2025, "xã Tràng Định" from 01/07/2025.
  const { word, place: district } = unitNameParts(office.districtName);
  const numberText = h.numberText ?? `\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/${h.symbol}`;
  const dateWords = h.docDate ? documentDateVi(h.docDate) : `ngày\u00a0\u00a0\u00a0\u00a0tháng\u00a0\u00a0\u00a0\u00a0năm ${h.year}`;
  // A province's forms (templates in the data folder) print after the annexes chosen and are numbered after the
  // decision's own; printed alone they are numbered among themselves.
  const fromTemplates = (args.templates ?? []).map((key) => ({ kind: 'mau_bieu' as const, templateKey: key, ...templateAnnex(provinceTemplate(path.dirname(db.name), key), lines, components, unit, h.year) }));
  const numbered: { annex: Omit<PrintAnnex, 'label' | 'attachedTo'>; number: number }[] = [
    ...kinds.map((kind) => ({ annex: build(kind), number: numbering.indexOf(kind) + 1 })),
    ...fromTemplates.map((annex, i) => ({ annex, number: (kinds.length > 0 ? numbering.length : 0) + i + 1 })),
  ];
  const several = kinds.length > 0 ? numbering.length > 1 || numbered.length > 1 : numbered.length > 1;
  const annexes: PrintAnnex[] = numbered.map(({ annex: a, number }) => ({
    ...a,
    label: several ? `Phụ lục ${romanNumeral(number)}` : 'Phụ lục',
    attachedTo: `(Kèm theo ${ANNEX_TITLE_KIND[h.issuer]} số ${numberText} ${dateWords} của ${ISSUER_FULL[h.issuer]} ${word} ${district})`,
  }));
  const vice = /phó/i.test(h.signerTitle ?? '');
  const withBody = args.body ?? true;
  const { wording, templateKey } = decisionWording(db, h.id);
  const fill = (text: string) =>
    fillPlaceholders(text, { huyen: district, tinh: office.provinceName.replace(/^Tỉnh\s+/i, ''), nam: h.year, kbnn: treasury(h.docDate, district) });
  let implemented: string | null = null;
  if (h.implementsId !== null) {
    const r = getDocument(db, h.implementsId).header;
    implemented = `Nghị quyết số ${r.numberText ?? `…/${r.symbol}`} ${r.docDate ? documentDateVi(r.docDate) : ''} của Hội đồng nhân dân ${word} ${district}`.replace(/\s+/g, ' ');
  }
  // The UBND decides as a body (TM. Ủy ban nhân dân) unless the office's wording has its chair decide.
  const collective = h.issuer === 'UBND' && (!withBody || wording.authority === 'tap_the');
  const printed: PrintDocument = {
    decisionId: h.id,
    orientation: args.orientation ?? 'landscape',
    unit,
    maxDecimals: MAX_DECIMALS[unit],
    issuerLines: [h.issuer === 'HDND' ? 'HỘI ĐỒNG NHÂN DÂN' : 'ỦY BAN NHÂN DÂN', `${word} ${district}`.toLocaleUpperCase('vi')],
    nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    numberLine: `Số: ${numberText}`,
    placeDateLine: h.docDate ? `${district}, ${documentDateVi(h.docDate)}` : `${district}, ngày\u00a0\u00a0\u00a0\u00a0tháng\u00a0\u00a0\u00a0\u00a0năm ${h.year}`,
    body: withBody
      ? buildBody({ db, doc, lines: ownLines, components, templateKey, wording, district, unitWord: word, implemented, annexLabels: annexes.map((a) => a.label), fill })
      : null,
    fileStem: (h.numberText ?? `du-thao-${h.id}-${h.symbol}`).replace(/\//g, '-'),
    annexes,
    signature: {
      authority: collective ? 'TM. ỦY BAN NHÂN DÂN' : null,
      role: vice ? ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'] : ['CHỦ TỊCH'],
      name: h.signerName ?? '',
    },
    recipients: withBody
      ? wording.recipients.map(fill)
      : h.issuer === 'HDND'
        ? ['- Thường trực HĐND tỉnh;', '- UBND tỉnh;', '- Sở Tài chính;', '- TT Huyện ủy, HĐND, UBND huyện;', '- Phòng Tài chính - Kế hoạch;', `- ${treasury(h.docDate, district)};`, '- Lưu: VT.'].map((l) => wordingForUnit(l, word))
        : ['- UBND tỉnh (b/c);', '- Sở Tài chính;', '- TT Huyện ủy, HĐND huyện;', '- CT, các PCT UBND huyện;', '- Phòng Tài chính - Kế hoạch;', `- ${treasury(h.docDate, district)};`, '- Lưu: VT, TCKH.'].map((l) => wordingForUnit(l, word)),
    draft: h.status !== 'issued',
  };
  // Rules 17–21, 23, 24: the form is checked before anything is printed; a wrong form is a fault of this code.
  const wrong = checkPrintDocument(printed);
  if (wrong.length > 0) throw new CoreError('PRINT_FORMAT', `Văn bản in sai thể thức (quy tắc ${wrong[0]!.ruleId}): ${wrong[0]!.message}`, { findings: wrong });
  return printed;
}
