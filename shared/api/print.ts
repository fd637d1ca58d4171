/** Printed documents (core/print): the decision and its annexes (PDF, Word, workbook), wording templates, the documents hub. */
import { z } from 'zod';
import { ANNEX_KINDS, type AnnexKind, type PrintDocument, type ReportSignature } from '../print/document';
import { type DecisionWording, TEMPLATE_KEYS, type TemplateKey } from '../print/wording';
import type { DecisionIssuer } from './decisions';
import type { ExchangeFile } from './exchange';
import { templateKeySchema } from '../print/annex-template';
import { command, entityId, isoDate, moneyUnitSchema, shortText, year } from './schemas';

const line = shortText(2000);

export const wordingSchema = z
  .object({
    authority: z.enum(['tap_the', 'chu_tich']),
    bases: z.array(line.min(1)).max(40),
    proposal: line,
    article2: shortText(6000),
    article3: shortText(6000),
    recipients: z.array(shortText(300).min(1)).max(40),
    term: shortText(40),
    sitting: shortText(80),
  })
  .strict();

export interface WordingTemplate {
  key: TemplateKey;
  issuer: DecisionIssuer;
  wording: DecisionWording;
  /** The office changed the built-in default. */
  custom: boolean;
}

export interface DecisionWordingState {
  decisionId: number;
  wording: DecisionWording;
  /** Where the wording comes from: the built-in default, the office's template, the draft's own, or frozen at issue. */
  source: 'default' | 'template' | 'decision' | 'frozen';
  templateKey: TemplateKey;
  editable: boolean;
}

export const HUB_DOCUMENT_KINDS = ['decision', 'recurrent', 'allocation_report', 'disbursement_report', 'followup_report', 'package'] as const;

export type HubDocumentKind = (typeof HUB_DOCUMENT_KINDS)[number];

export type HubFormat = 'preview' | 'print' | 'pdf' | 'docx' | 'xlsx';

/** One printable document of the year, with what can be done with it. */
export interface HubDocument {
  key: string;
  kind: HubDocumentKind;
  title: string;
  detail: string;
  /** ISO date of the document, when it has one. */
  date: string | null;
  status: 'issued' | 'draft' | null;
  decisionId: number | null;
  formats: HubFormat[];
}

/**
 * A report of the hub printed to PDF by the web host ("Lưu PDF" in a browser): the disbursement report of a year
 * (as of a date, else the latest), or the follow-up report (obstacles and tasks, as of today).
 */
export const reportPdfSchema = z.discriminatedUnion('report', [
  z.object({ report: z.literal('disbursement'), year, asOf: isoDate.optional() }).strict(),
  z.object({ report: z.literal('followup') }).strict(),
]);
export type ReportPdfRequest = z.infer<typeof reportPdfSchema>;

const annexChoice = { unit: moneyUnitSchema.optional(), annexes: z.array(z.enum(ANNEX_KINDS)).min(1).max(8).optional(), templates: z.array(templateKeySchema).min(1).max(8).optional() };

export const printCommands = {
  'print.decision': command<PrintDocument>()(
    z
      .object({
        id: entityId,
        unit: moneyUnitSchema.optional(),
        annexes: z.array(z.enum(ANNEX_KINDS)).min(1).max(8).optional(),
        /** The province's forms (templates in the data folder's mau-bieu/) to print as annexes, after the chosen ones. */
        templates: z.array(templateKeySchema).min(1).max(8).optional(),
        orientation: z.enum(['portrait', 'landscape']).optional(),
        /** The decision's text before its annexes (default); false prints the annexes alone. */
        body: z.boolean().optional(),
      })
      .strict(),
    { reads: true },
  ),
  'documents.list': command<HubDocument[]>()(z.object({ year }).strict(), { reads: true }),
  'documents.templates': command<WordingTemplate[]>()(z.object({}).strict(), { reads: true }),
  /** Saves the office's wording of a kind of decision; null goes back to the built-in default. */
  'documents.saveTemplate': command<WordingTemplate>()(
    z.object({ key: z.enum(TEMPLATE_KEYS), issuer: z.enum(['UBND', 'HDND']), wording: wordingSchema.nullable() }).strict(),
  ),
  'documents.decisionWording': command<DecisionWordingState>()(z.object({ id: entityId }).strict(), { reads: true }),
  /** A draft's own wording; null goes back to the office's template. Refused once issued. */
  'documents.saveDecisionWording': command<DecisionWordingState>()(z.object({ id: entityId, wording: wordingSchema.nullable() }).strict()),
  /** The whole decision (body and annexes) as a Word document. */
  'print.decisionDocx': command<ExchangeFile>()(z.object({ id: entityId, ...annexChoice }).strict(), { async: true, reads: true }),
  /** Who signs a report of the office and its number (the signer chosen, or the head of the phòng). */
  'print.reportSignature': command<ReportSignature>()(z.object({ signerId: entityId.optional(), number: shortText(20).regex(/^\d*$/, 'Số báo cáo chỉ gồm chữ số').optional() }).strict(), { reads: true }),
  /** The decision's annexes as a print-ready workbook. */
  'print.annexWorkbook': command<ExchangeFile>()(
    z.object({ id: entityId, ...annexChoice, orientation: z.enum(['portrait', 'landscape']).optional() }).strict(),
    { async: true, reads: true },
  ),
  /** The annex kinds an officer names: Roman numerals of the decision's annexes ("I,II") or kinds ("tong_hop,theo_xa"). */
  'print.chooseAnnexes': command<AnnexKind[]>()(z.object({ id: entityId, unit: moneyUnitSchema.optional(), named: shortText(200).min(1) }).strict(), { reads: true }),
  /** The annex workbook written to a file at the path given (hosts that write local files: CLI, desktop), whole or not at all. */
  'print.saveAnnexWorkbook': command<{ file: string; annexes: number }>()(
    z
      .object({
        id: entityId,
        unit: moneyUnitSchema.optional(),
        /** As `print.chooseAnnexes` takes them; all the decision's default annexes when left out. */
        named: shortText(200).min(1).optional(),
        /** The province's forms by key, printed after the annexes chosen. */
        templates: z.array(templateKeySchema).min(1).max(8).optional(),
        orientation: z.enum(['portrait', 'landscape']).optional(),
        file: z.string().min(1).max(4096),
      })
      .strict(),
    { async: true, reads: true },
  ),
} as const;
