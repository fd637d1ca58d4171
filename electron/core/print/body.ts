/**
 * The decision's own text (Nghị định 30/2020/NĐ-CP, Phụ lục I, văn bản cá biệt): trích yếu, who decides, căn cứ,
 * the articles and, for a resolution, the passing line. Article 1 states what the ledger holds — the totals by
 * program and by source × capital type, in figures and in words, and the annexes that detail them; the rest is the
 * office's wording (templates kept as data, frozen with the decision at issue).
 */
import type { DecisionDocument, DecisionLine } from '../../../shared/api/decisions';
import { documentDateVi } from '../../../shared/format/date';
import { amountInWords } from '../../../shared/money/amount-in-words';
import { formatAmount, toDong } from '../../../shared/money/dong';
import type { BodyArticle, DecisionBody } from '../../../shared/print/document';
import type { DecisionWording, TemplateKey } from '../../../shared/print/wording';
import type { Db } from '../db/database';
import type { ComponentInfo } from '../reference/catalog';

const CAPITAL_LABEL: Record<string, string> = { DTPT: 'vốn đầu tư phát triển', SN: 'kinh phí sự nghiệp' };

const WHAT: Record<TemplateKey, string> = {
  phan_bo: 'Phân bổ chi tiết kế hoạch vốn và dự toán kinh phí thực hiện các chương trình mục tiêu quốc gia',
  bo_sung: 'Bổ sung kế hoạch vốn, dự toán kinh phí thực hiện các chương trình mục tiêu quốc gia',
  dieu_chinh: 'Điều chỉnh kế hoạch vốn, dự toán kinh phí thực hiện các chương trình mục tiêu quốc gia',
  thu_hoi: 'Thu hồi kế hoạch vốn, dự toán kinh phí thực hiện các chương trình mục tiêu quốc gia',
  keo_dai: 'Kéo dài thời gian thực hiện và giải ngân kế hoạch vốn các chương trình mục tiêu quốc gia',
  giao_du_toan: 'Giao dự toán chi thường xuyên thực hiện các chương trình mục tiêu quốc gia',
};

/** "68.059.050.000 đồng" */
export const dongText = (amount: number): string => `${formatAmount(toDong(amount), 'dong')} đồng`;

interface Change {
  increase: number;
  decrease: number;
}

function changeText(c: Change, adjusting: boolean): string {
  if (c.decrease === 0) return adjusting ? `tăng ${dongText(c.increase)}` : dongText(c.increase);
  if (c.increase === 0) return `giảm ${dongText(c.decrease)}`;
  return `giảm ${dongText(c.decrease)}, tăng ${dongText(c.increase)}`;
}

function group<K>(lines: DecisionLine[], keyOf: (l: DecisionLine) => K): Map<K, Change> {
  const out = new Map<K, Change>();
  for (const l of lines) {
    const c = out.get(keyOf(l)) ?? { increase: 0, decrease: 0 };
    if (l.amountDong > 0) c.increase += l.amountDong;
    else c.decrease -= l.amountDong;
    out.set(keyOf(l), c);
  }
  return out;
}

export interface BodyInput {
  db: Db;
  doc: DecisionDocument;
  /** The lines the decision states: its own, or the resolution's for a "giao dự toán". */
  lines: DecisionLine[];
  components: Map<number, ComponentInfo>;
  templateKey: TemplateKey;
  wording: DecisionWording;
  district: string;
  /** "huyện", "xã", "phường": the office's unit word, which the issuing bodies' names carry. */
  unitWord: string;
  /** The resolution a "giao dự toán" implements: "Nghị quyết số 19/NQ-HĐND ngày 25 tháng 7 năm 2024 của Hội đồng nhân dân huyện Tràng Định". */
  implemented: string | null;
  annexLabels: string[];
  fill: (text: string) => string;
}

/** Điều 1: what is allocated or changed, totals by program and by source × capital type, in words, the annexes. */
function firstArticle(input: BodyInput): BodyArticle {
  const { lines, doc, components, db } = input;
  const h = doc.header;
  const total = group(lines, () => 'all').get('all') ?? { increase: 0, decrease: 0 };
  const origins = [...new Set(lines.map((l) => l.originYear))].sort();
  let what = `${WHAT[input.templateKey]} năm ${h.year}`;
  if (input.templateKey === 'keo_dai') what = `${WHAT.keo_dai} năm ${origins.filter((y) => y !== h.year).join(', ') || origins.join(', ')} sang năm ${h.year}`;
  if (input.implemented) what += ` cho các cơ quan, đơn vị theo ${input.implemented}`;
  const adjusting = total.decrease !== 0;
  const opening =
    !adjusting
      ? `${what} với tổng số tiền là ${dongText(total.increase)} (Bằng chữ: ${amountInWords(total.increase)}), cụ thể như sau:`
      : `${what}: giảm ${dongText(total.decrease)} (Bằng chữ: ${amountInWords(total.decrease)}), tăng ${dongText(total.increase)} (Bằng chữ: ${amountInWords(total.increase)}), cụ thể như sau:`;

  const programOrder = new Map<string, number>();
  for (const l of lines) programOrder.set(l.programCode, Math.min(programOrder.get(l.programCode) ?? Infinity, components.get(l.componentId)?.programSortOrder ?? 0));
  const programNames = new Map(lines.map((l) => [l.programCode, l.programName]));
  const byProgram = [...group(lines, (l) => l.programCode)].sort((a, b) => programOrder.get(a[0])! - programOrder.get(b[0])!);

  const sourceRows = db.prepare('SELECT code, name_vi AS name, sort_order AS sortOrder FROM funding_source').all() as { code: string; name: string; sortOrder: number }[];
  const sources = new Map(sourceRows.map((s) => [s.code, s]));
  const bySource = [...group(lines, (l) => `${l.sourceCode}|${l.capitalType}`)].sort((a, b) => {
    const [sa, ca] = a[0].split('|') as [string, string];
    const [sb, cb] = b[0].split('|') as [string, string];
    return (sources.get(sa)?.sortOrder ?? 99) - (sources.get(sb)?.sortOrder ?? 99) || ca.localeCompare(cb);
  });

  const paragraphs = [
    opening,
    '1. Theo chương trình:',
    ...byProgram.map(([code, c], i) => `- ${programNames.get(code)}: ${changeText(c, adjusting)}${i === byProgram.length - 1 ? '.' : ';'}`),
    '2. Theo nguồn vốn và loại vốn:',
    ...bySource.map(([key, c], i) => {
      const [source, capital] = key.split('|') as [string, string];
      return `- ${sources.get(source)?.name ?? source}, ${CAPITAL_LABEL[capital] ?? capital}: ${changeText(c, adjusting)}${i === bySource.length - 1 ? '.' : ';'}`;
    }),
  ];
  if (input.annexLabels.length > 0) {
    const numerals = input.annexLabels.map((l) => l.replace(/^Phụ lục\s*/, ''));
    paragraphs.push(`(Chi tiết tại ${numerals.length > 1 ? `các Phụ lục ${numerals.join(', ')}` : input.annexLabels[0]} kèm theo).`);
  }
  return { label: 'Điều 1.', paragraphs };
}

/** A basis line as the decree writes it: "Căn cứ …;". */
function basisLine(text: string): string {
  const t = text.trim().replace(/[;.]+$/, '');
  return `${/^căn cứ/i.test(t) ? t : `Căn cứ ${t}`};`;
}

export function buildBody(input: BodyInput): DecisionBody {
  const { doc, wording, district, unitWord, fill } = input;
  const h = doc.header;
  const hdnd = h.issuer === 'HDND';
  const lawBases = wording.bases.map((b) => basisLine(fill(b)));
  // A basis document the office's lines of law already cite (NQ 111/2024/QH15) is not cited twice.
  const cited = (b: string) => {
    const number = /số\s+(\d+\/[^\s,;]+)/i.exec(b)?.[1];
    return number !== undefined && lawBases.some((l) => l.includes(number));
  };
  const bases = [...lawBases, ...(input.implemented ? [basisLine(`Căn cứ ${input.implemented}`)] : []), ...h.basis.filter((b) => !cited(b)).map(basisLine)];
  const summary = h.summary.trim() || `Về việc ${WHAT[input.templateKey].charAt(0).toLowerCase()}${WHAT[input.templateKey].slice(1)} năm ${h.year}`;
  const districtUpper = `${unitWord} ${district}`.toLocaleUpperCase('vi');
  const authority = hdnd
    ? [`HỘI ĐỒNG NHÂN DÂN ${districtUpper}`, `KHÓA ${wording.term.toUpperCase()}, KỲ HỌP ${wording.sitting.toUpperCase()}`]
    : [wording.authority === 'chu_tich' ? `CHỦ TỊCH ỦY BAN NHÂN DÂN ${districtUpper}` : `ỦY BAN NHÂN DÂN ${districtUpper}`];
  const dateWords = h.docDate ? documentDateVi(h.docDate) : 'ngày … tháng … năm …';
  return {
    docType: hdnd ? 'NGHỊ QUYẾT' : 'QUYẾT ĐỊNH',
    summary,
    authority,
    bases,
    proposal: wording.proposal.trim() ? fill(wording.proposal.trim()) : null,
    decides: hdnd ? 'QUYẾT NGHỊ:' : 'QUYẾT ĐỊNH:',
    articles: [firstArticle(input), { label: 'Điều 2.', paragraphs: [fill(wording.article2)] }, { label: 'Điều 3.', paragraphs: [fill(wording.article3)] }],
    passingLine: hdnd
      ? `Nghị quyết này đã được Hội đồng nhân dân ${unitWord} ${district} khóa ${wording.term}, kỳ họp ${wording.sitting} thông qua ${dateWords}./.`
      : null,
  };
}
