/**
 * A printed form as data (issue 21, point 6): the columns of an annex (money columns picked by source × capital
 * type × measure, grouped headers), its row levels (numbering, bold, italic by depth), its headings and unit.
 * The built-in annexes are templates (`builtin-templates.ts`); a province's own form (commune forms are set by the
 * province since TT 26/2026/TT-BTC replaced TT 343/2016) is the same JSON in the data folder's `mau-bieu/`, read by
 * the core and printed without code changes.
 */
import { z } from 'zod';
const moneyUnitSchema = z.enum(['dong', 'nghin', 'trieu']);

/** What a line of the decision counts for: its amount (after for adjustments), or one side of the adjustment. */
export const MEASURES = ['amount', 'before', 'decrease', 'increase', 'after'] as const;
export type Measure = (typeof MEASURES)[number];

/** How rows are built from the decision's lines. */
export const ROW_SOURCES = {
  /** Program → component tree of the components holding money; every parent the sum of its children. */
  component_tree: 'Chương trình → nội dung',
  /** The tree with the implementing units (recipients) of each leaf component under it. */
  component_tree_units: 'Chương trình → nội dung → đơn vị thực hiện',
  /** One row per recipient (commune, unit, investor), communes first. */
  recipients: 'Theo xã, đơn vị',
  /** An adjustment: the components it changes, with the plan in force around it and each changed recipient under them. */
  adjustment_tree: 'Nội dung điều chỉnh → xã, đơn vị',
} as const;
export type RowSource = keyof typeof ROW_SOURCES;

export const NUMBERINGS = ['roman', 'arabic', 'letter', 'dash', 'upper_letter', 'none'] as const;

const header = z.array(z.string().trim().min(1).max(200)).min(1).max(4);
const width = z.number().positive().max(400);

export const moneyColumnSchema = z
  .object({
    key: z.string().regex(/^[A-Za-z0-9_|]+$/, 'Mã cột chỉ gồm chữ không dấu, số, "_" hoặc "|"').max(40),
    header,
    width,
    measure: z.enum(MEASURES).default('amount'),
    /** Funding source codes this column adds up (NSTW, NST_DOIUNG, NSH, NSX…); absent: every source. */
    sources: z.array(z.string().min(1).max(40)).min(1).optional(),
    /** ĐTPT and/or SN; absent: both. */
    capitalTypes: z.array(z.enum(['DTPT', 'SN'])).min(1).optional(),
    /** The sources no other column of the template names ("Nguồn khác"). */
    otherSources: z.boolean().optional(),
    /** Printed only when a line of the decision falls in it. */
    onlyWhenUsed: z.boolean().optional(),
  })
  .strict();
export type MoneyColumn = z.infer<typeof moneyColumnSchema>;

export const rowLevelSchema = z
  .object({ numbering: z.enum(NUMBERINGS), bold: z.boolean().default(false), italic: z.boolean().default(false) })
  .strict();
export type RowLevel = z.infer<typeof rowLevelSchema>;

/** A template's key: its file name in mau-bieu/ without ".json", as written in the file. */
export const templateKeySchema = z.string().regex(/^[a-z0-9_-]+$/, 'Mã mẫu biểu chỉ gồm chữ thường không dấu, số, "-" hoặc "_"').max(60);

export const annexTemplateSchema = z
  .object({
    key: templateKeySchema,
    /** How the form is called in lists ("Biểu 01/XA - Dự toán chi CTMTQG của xã"). */
    name: z.string().trim().min(1).max(200),
    /** The title line; `{nam}` is the decision's year. */
    title: z.string().trim().min(1).max(500),
    /** The basis of the form (the province's decision that sets it), shown with the template, never printed. */
    basis: z.string().max(500).optional(),
    rows: z.enum(Object.keys(ROW_SOURCES) as [RowSource, ...RowSource[]]),
    /** Lines the form covers (a recurrent form: SN only). */
    capitalTypes: z.array(z.enum(['DTPT', 'SN'])).min(1).optional(),
    sttColumn: z.object({ header, width }).strict().default({ header: ['STT'], width: 12 }),
    labelColumn: z.object({ header, width }).strict(),
    columns: z.array(moneyColumnSchema).min(1).max(30),
    /** The note column; null prints none. */
    noteColumn: z.object({ header, width }).strict().nullable().default({ header: ['Ghi chú'], width: 22 }),
    /** Numbering and style of the rows by depth (0 = programs); the last level serves every deeper one. */
    rowLevels: z.array(rowLevelSchema).min(1).max(8),
    /** The unit the form prints in when the print does not choose one. */
    unit: moneyUnitSchema.optional(),
    /** "Bằng chữ: …" of the grand total (the column keyed "total"). */
    amountInWords: z.boolean().default(true),
  })
  .strict()
  .superRefine((t, ctx) => {
    const keys = t.columns.map((c) => c.key);
    if (new Set(keys).size !== keys.length) ctx.addIssue({ code: 'custom', path: ['columns'], message: 'Hai cột cùng mã' });
    if (t.amountInWords && !keys.includes('total')) ctx.addIssue({ code: 'custom', path: ['amountInWords'], message: 'Ghi "bằng chữ" cần một cột mã "total"' });
    if (t.rows === 'adjustment_tree' ? t.columns.some((c) => c.measure === 'amount') : t.columns.some((c) => c.measure !== 'amount')) {
      ctx.addIssue({ code: 'custom', path: ['columns'], message: 'Cột trước/giảm/tăng/sau chỉ dùng với mẫu điều chỉnh (rows = adjustment_tree), và mẫu điều chỉnh không dùng cột "amount"' });
    }
  });
export type AnnexTemplate = z.output<typeof annexTemplateSchema>;
export type AnnexTemplateInput = z.input<typeof annexTemplateSchema>;

/** A template as listed: where it comes from, and why it cannot be used when its file is wrong. */
export interface AnnexTemplateEntry {
  key: string;
  name: string;
  origin: 'builtin' | 'province';
  file: string | null;
  problem: string | null;
}
