/**
 * The wording of a decision document that is the office's to choose, not the ledger's: the căn cứ of law, the
 * proposal line, Điều 2–3, Nơi nhận, the HĐND's khóa and kỳ họp, and who decides for the UBND. Kept as data:
 * built-in defaults per kind of decision, the office's templates over them (Cài đặt), a draft's own override,
 * and the text frozen with the decision when it is issued.
 *
 * Placeholders filled when printed: {huyen} (Tràng Định), {tinh} (Lạng Sơn), {nam} (the plan year), {kbnn} (the
 * treasury of the document's date: the district's until the 2025 reorganisation into regional ones).
 */
import type { DecisionIssuer, DecisionKind } from '../api/decisions';
import { todayInVietnam } from '../format/today';

export const TEMPLATE_KEYS = ['phan_bo', 'dieu_chinh', 'bo_sung', 'thu_hoi', 'keo_dai', 'giao_du_toan'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export const TEMPLATE_KEY_LABELS: Record<TemplateKey, string> = {
  phan_bo: 'Phân bổ',
  dieu_chinh: 'Điều chỉnh',
  bo_sung: 'Bổ sung',
  thu_hoi: 'Thu hồi',
  keo_dai: 'Kéo dài',
  giao_du_toan: 'Giao dự toán (thực hiện nghị quyết HĐND)',
};

export interface DecisionWording {
  /** UBND only: the collective body decides ("ỦY BAN NHÂN DÂN HUYỆN …") or its chair ("CHỦ TỊCH ỦY BAN NHÂN DÂN …"). */
  authority: 'tap_the' | 'chu_tich';
  /** Căn cứ of law, each one line ending in ";" (the decision's own basis documents follow them). */
  bases: string[];
  /** "Theo đề nghị của …" (UBND) or "Xét Tờ trình …" (HĐND). */
  proposal: string;
  article2: string;
  article3: string;
  recipients: string[];
  /** HĐND: the khóa ("XX") and the kỳ họp ("thứ mười tám", "chuyên đề"). */
  term: string;
  sitting: string;
}

/** The template a decision takes its wording from: a UBND decision implementing a resolution is "giao dự toán". */
export function templateKeyOf(kind: DecisionKind, implementsResolution: boolean): TemplateKey {
  return implementsResolution ? 'giao_du_toan' : kind;
}

/**
 * The laws a decision cites by default, each with the dates it can be cited between: a document cannot cite a text
 * issued after it, nor one already replaced (Luật Đầu tư công 2019 by Luật Đầu tư công 2024, in force 01/01/2025).
 * `from`/`until` are inclusive ISO dates; a template without a document date (Cài đặt) shows those in force today.
 * Checked 2026-12-05: the 2024 law (Luật số 58/2024/QH15) was passed on 29/11/2024 at the 8th session of the
 * 15th National Assembly, in force 01/01/2025 (lawnet.vn "Will the Public Investment Law 2024 in Vietnam be effective
 * from January 1, 2025?"; en.sggp.org.vn, 30/11/2024, "NA passes revised Law on Public Investment").
 */
const DATED_LAW_BASES: { text: string; from?: string; until?: string }[] = [
  { text: 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;' },
  { text: 'Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;' },
  { text: 'Căn cứ Luật Đầu tư công ngày 13 tháng 6 năm 2019;', until: '2024-12-31' },
  { text: 'Căn cứ Luật Đầu tư công ngày 29 tháng 11 năm 2024;', from: '2025-01-01' },
  {
    text: 'Căn cứ Nghị quyết số 111/2024/QH15 ngày 18 tháng 01 năm 2024 của Quốc hội về một số cơ chế, chính sách đặc thù thực hiện các chương trình mục tiêu quốc gia;',
    from: '2024-01-18',
  },
  { text: 'Căn cứ Nghị định số 27/2022/NĐ-CP ngày 19 tháng 4 năm 2022 của Chính phủ quy định cơ chế quản lý, tổ chức thực hiện các chương trình mục tiêu quốc gia;', until: '2023-06-23' },
  {
    text: 'Căn cứ Nghị định số 27/2022/NĐ-CP ngày 19 tháng 4 năm 2022 của Chính phủ quy định cơ chế quản lý, tổ chức thực hiện các chương trình mục tiêu quốc gia; Nghị định số 38/2023/NĐ-CP ngày 24 tháng 6 năm 2023 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 27/2022/NĐ-CP;',
    from: '2023-06-24',
  },
];

/** The default căn cứ of a document dated `docDate` (ISO), or of today's documents when it has no date yet. */
export function lawBases(docDate: string | null | undefined, today: string): string[] {
  const date = docDate ?? today;
  return DATED_LAW_BASES.filter((b) => (b.from === undefined || b.from <= date) && (b.until === undefined || date <= b.until)).map((b) => b.text);
}

/** What a default HĐND wording shows for the khóa and the kỳ họp until the office writes them: seen at once on paper. */
export const UNFILLED = '[chưa ghi]';

/**
 * A commune or ward office decides from 1/7/2025 under the two-level local government and, for the 2026–2035
 * program, under NQ 257/2025/QH15 and NĐ 358/2025/NĐ-CP (landscape-2026.md, [V]); the NQ 111 pilot ended with the
 * districts. The 2025 laws are cited by year only: their exact dates were not read. The office edits these on Cài đặt.
 * NĐ 358/2025/NĐ-CP's date and title checked 2026-12-05 (vietnamnet.vn, 31/12/2025: "Nghị định số 358/2025 ngày
 * 31/12/2025 quy định cơ chế quản lý, tổ chức thực hiện các chương trình mục tiêu quốc gia", 9 chương, 60 điều).
 */
const COMMUNE_LAW_BASES = [
  'Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;',
  'Căn cứ Luật Ngân sách nhà nước năm 2025;',
  'Căn cứ Luật Đầu tư công ngày 29 tháng 11 năm 2024;',
  'Căn cứ Nghị quyết số 257/2025/QH15 ngày 11 tháng 12 năm 2025 của Quốc hội phê duyệt chủ trương đầu tư Chương trình mục tiêu quốc gia xây dựng nông thôn mới, giảm nghèo bền vững và phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2026 - 2035;',
  'Căn cứ Nghị định số 358/2025/NĐ-CP ngày 31 tháng 12 năm 2025 của Chính phủ quy định cơ chế quản lý, tổ chức thực hiện các chương trình mục tiêu quốc gia;',
];

const UBND_ARTICLE2: Record<TemplateKey, string> = {
  phan_bo:
    'Giao Phòng Tài chính - Kế hoạch huyện chủ trì, phối hợp với các cơ quan, đơn vị liên quan hướng dẫn, kiểm tra việc sử dụng vốn đúng mục đích, đúng quy định; các chủ đầu tư, đơn vị được giao vốn tổ chức thực hiện, giải ngân và thanh quyết toán theo quy định hiện hành.',
  dieu_chinh:
    'Các cơ quan, đơn vị có kế hoạch vốn được điều chỉnh tổ chức thực hiện theo kế hoạch sau điều chỉnh; Phòng Tài chính - Kế hoạch huyện hướng dẫn, theo dõi, tổng hợp kết quả thực hiện theo quy định.',
  bo_sung:
    'Giao Phòng Tài chính - Kế hoạch huyện hướng dẫn các cơ quan, đơn vị được bổ sung kinh phí tổ chức thực hiện, giải ngân và thanh quyết toán theo quy định hiện hành.',
  thu_hoi:
    'Các cơ quan, đơn vị có kinh phí bị thu hồi thực hiện hoàn trả và điều chỉnh dự toán theo quy định; Phòng Tài chính - Kế hoạch huyện phối hợp với Kho bạc Nhà nước thực hiện thu hồi và tổng hợp kết quả.',
  keo_dai:
    'Các chủ đầu tư, đơn vị được kéo dài thời gian thực hiện và giải ngân có trách nhiệm giải ngân hết số vốn được kéo dài trong thời hạn quy định; quá thời hạn, số vốn chưa giải ngân bị hủy dự toán theo quy định.',
  giao_du_toan:
    'Các cơ quan, đơn vị được giao dự toán tổ chức thực hiện, quản lý, sử dụng kinh phí đúng mục đích, tiết kiệm, hiệu quả và thanh quyết toán theo quy định; Phòng Tài chính - Kế hoạch huyện hướng dẫn, kiểm tra việc thực hiện.',
};

const UBND_ARTICLE3 =
  'Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng HĐND và UBND huyện, Trưởng phòng Tài chính - Kế hoạch, Giám đốc {kbnn}, Thủ trưởng các cơ quan, đơn vị liên quan và Chủ tịch Ủy ban nhân dân các xã, thị trấn chịu trách nhiệm thi hành Quyết định này./.';

const HDND_ARTICLE2 =
  'Tổ chức thực hiện: Giao Ủy ban nhân dân huyện tổ chức thực hiện Nghị quyết; Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân, các Tổ đại biểu và đại biểu Hội đồng nhân dân huyện giám sát việc thực hiện Nghị quyết.';

const HDND_ARTICLE3 = 'Nghị quyết này có hiệu lực kể từ ngày thông qua.';

/** The built-in wording of a kind of decision by an issuer: a starting point the office edits on Cài đặt. */
export function defaultWording(key: TemplateKey, issuer: DecisionIssuer, docDate?: string | null, unitWord = 'huyện'): DecisionWording {
  const w = districtWording(key, issuer, docDate);
  if (unitWord === 'huyện') return w;
  const t = (text: string) => wordingForUnit(text, unitWord);
  return { ...w, bases: COMMUNE_LAW_BASES, proposal: t(w.proposal), article2: t(w.article2), article3: t(w.article3), recipients: w.recipients.map(t) };
}

/**
 * The district wording said for a commune or ward office (from 01/07/2025): its economic office prepares the
 * work (Phòng Kinh tế), the Party committee is the commune's, and there are no communes below it to name.
 */
export function wordingForUnit(text: string, unitWord: string): string {
  if (unitWord === 'huyện') return text;
  return text
    .replaceAll(' và Chủ tịch Ủy ban nhân dân các xã, thị trấn chịu trách nhiệm', ' chịu trách nhiệm')
    .replaceAll('Phòng Tài chính - Kế hoạch huyện', 'Phòng Kinh tế')
    .replaceAll('phòng Tài chính - Kế hoạch', 'phòng Kinh tế')
    .replaceAll('Phòng Tài chính - Kế hoạch', 'Phòng Kinh tế')
    .replaceAll('Huyện ủy', `Đảng ủy ${unitWord}`)
    .replaceAll('Lưu: VT, TCKH.', 'Lưu: VT, KT.')
    .replace(/(^|[^\p{L}])huyện(?![\p{L}])/gu, `$1${unitWord}`);
}

function districtWording(key: TemplateKey, issuer: DecisionIssuer, docDate?: string | null): DecisionWording {
  const bases = lawBases(docDate, todayInVietnam());
  if (issuer === 'HDND') {
    return {
      authority: 'tap_the',
      bases,
      proposal:
        'Xét Tờ trình của Ủy ban nhân dân huyện; Báo cáo thẩm tra của Ban Kinh tế - Xã hội Hội đồng nhân dân huyện; ý kiến thảo luận của đại biểu Hội đồng nhân dân huyện tại kỳ họp.',
      article2: HDND_ARTICLE2,
      article3: HDND_ARTICLE3,
      recipients: ['- Thường trực HĐND tỉnh;', '- UBND tỉnh;', '- Sở Tài chính;', '- TT Huyện ủy, HĐND, UBND huyện;', '- Đại biểu HĐND huyện;', '- Phòng Tài chính - Kế hoạch;', '- {kbnn};', '- Lưu: VT.'],
      term: UNFILLED,
      sitting: UNFILLED,
    };
  }
  return {
    authority: 'tap_the',
    bases,
    proposal: 'Theo đề nghị của Trưởng phòng Tài chính - Kế hoạch huyện.',
    article2: UBND_ARTICLE2[key],
    article3: UBND_ARTICLE3,
    recipients: ['- Như Điều 3;', '- UBND tỉnh (b/c);', '- Sở Tài chính;', '- TT Huyện ủy, HĐND huyện;', '- CT, các PCT UBND huyện;', '- Lưu: VT, TCKH.'],
    term: '',
    sitting: '',
  };
}

/** Fills the placeholders of a template line. */
export function fillPlaceholders(text: string, values: { huyen: string; tinh: string; nam: number; kbnn: string }): string {
  return text.replaceAll('{huyen}', values.huyen).replaceAll('{tinh}', values.tinh).replaceAll('{nam}', String(values.nam)).replaceAll('{kbnn}', values.kbnn);
}
