/**
 * The rules registry: every rule of domain/rules.md is a dated row of resources/seed/rules.csv naming the code that
 * checks it (`check`); this table finds that code and says where it runs. Draft checks are called by the rules
 * engine from the row; the others run where their data is written or printed, under the same name.
 */
import type { RuleFinding } from '../../../shared/api/findings';
import { adjustmentIdentity, allocationCeiling, noNegativeLine, rowIdentity, treeIdentity, zeroSumAdjustment } from './arithmetic';
import { pilotDistrictLimit, pilotOnlyMove, withinAuthority, withinProgramRecurrentMove, type Moves } from './authority';
import { mergedProgramCapitalMove, mergedProgramContentMove } from './authority-2026';
import { catalogValidity, recipientValidity } from './catalog';
import type { RuleDefinition } from './definitions';
import { noDoubleFunding } from './double-funding';
import type { DraftFacts } from './facts';

export type DraftCheck = (facts: DraftFacts, rule: RuleDefinition, moves: Moves) => RuleFinding[];

/** Checks run on a draft decision (and again at issue), keyed by the name in the rule's row. */
export const DRAFT_CHECKS: Readonly<Record<string, DraftCheck>> = {
  rowIdentity,
  treeIdentity,
  adjustmentIdentity,
  zeroSumAdjustment,
  allocationCeiling,
  noNegativeLine,
  withinProgramRecurrentMove,
  pilotOnlyMove,
  pilotDistrictLimit,
  withinAuthority,
  mergedProgramContentMove,
  mergedProgramCapitalMove,
  catalogValidity,
  recipientValidity,
  noDoubleFunding,
};

export interface CheckPlace {
  /** Where the officer meets the rule, in Vietnamese. */
  where: string;
  /** The module exporting a function of the check's name (a test imports it and finds the function). */
  module: string;
}

const DRAFT = 'Dự thảo quyết định (kiểm tra khi sửa và khi ban hành)';

/** Where every check runs. A row whose check is not here is reported "không áp dụng" by `rules list`. */
export const CHECK_PLACES: Readonly<Record<string, CheckPlace>> = {
  rowIdentity: { where: `${DRAFT}; nhập tệp của tỉnh`, module: 'electron/core/rules/arithmetic.ts' },
  treeIdentity: { where: `${DRAFT}; nhập tệp của tỉnh; phụ lục in`, module: 'electron/core/rules/arithmetic.ts' },
  adjustmentIdentity: { where: DRAFT, module: 'electron/core/rules/arithmetic.ts' },
  zeroSumAdjustment: { where: DRAFT, module: 'electron/core/rules/arithmetic.ts' },
  allocationCeiling: { where: `${DRAFT}; cân đối vốn`, module: 'electron/core/rules/arithmetic.ts' },
  noNegativeLine: { where: DRAFT, module: 'electron/core/rules/arithmetic.ts' },
  withinProgramRecurrentMove: { where: DRAFT, module: 'electron/core/rules/authority.ts' },
  pilotOnlyMove: { where: DRAFT, module: 'electron/core/rules/authority.ts' },
  pilotDistrictLimit: { where: DRAFT, module: 'electron/core/rules/authority.ts' },
  withinAuthority: { where: DRAFT, module: 'electron/core/rules/authority.ts' },
  mergedProgramContentMove: { where: DRAFT, module: 'electron/core/rules/authority-2026.ts' },
  mergedProgramCapitalMove: { where: DRAFT, module: 'electron/core/rules/authority-2026.ts' },
  counterpartRatio: { where: 'Vốn được giao; cân đối vốn (plan, bảng cân đối của quyết định)', module: 'electron/core/rules/counterpart.ts' },
  namedDenominator: { where: 'Giải ngân: tiến độ, báo cáo, tổng quan', module: 'electron/core/disbursement/figures.ts' },
  disbursementDeadline: { where: 'Giải ngân: nhập số liệu, nhập sao kê KBNN, quyết định kéo dài', module: 'electron/core/disbursement/disbursement-rules.ts' },
  cumulativeNeverDecreases: { where: 'Giải ngân: nhập số liệu, nhập sao kê KBNN', module: 'electron/core/disbursement/disbursement-rules.ts' },
  catalogValidity: { where: `${DRAFT}; nhập tệp của tỉnh`, module: 'electron/core/rules/catalog.ts' },
  recipientValidity: { where: DRAFT, module: 'electron/core/rules/catalog.ts' },
  numberLine: { where: 'In văn bản (mô hình in kiểm tra trước khi in)', module: 'shared/print/format-rules.ts' },
  placeDateLine: { where: 'In văn bản (mô hình in kiểm tra trước khi in)', module: 'shared/print/format-rules.ts' },
  signatureBlock: { where: 'In văn bản (mô hình in kiểm tra trước khi in)', module: 'shared/print/format-rules.ts' },
  recipientsBlock: { where: 'In văn bản (mô hình in kiểm tra trước khi in)', module: 'shared/print/format-rules.ts' },
  annexNumbering: { where: 'In văn bản (mô hình in kiểm tra trước khi in)', module: 'shared/print/format-rules.ts' },
  pageSetup: { where: 'In văn bản (khổ giấy, lề của bản in và tệp Excel)', module: 'shared/print/format-rules.ts' },
  unitLine: { where: 'In văn bản (mô hình in kiểm tra trước khi in)', module: 'shared/print/format-rules.ts' },
  amountInWords: { where: 'In văn bản (dòng "Bằng chữ")', module: 'shared/print/format-rules.ts' },
  importStructure: { where: 'Nhập tệp của tỉnh (import, Trao đổi dữ liệu)', module: 'electron/core/import/import-structure.ts' },
  noDoubleFunding: { where: DRAFT, module: 'electron/core/rules/double-funding.ts' },
};
