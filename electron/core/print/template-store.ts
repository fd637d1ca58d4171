/**
 * Where print templates come from: the built-in annexes, and the province's forms as JSON files in the data
 * folder's `mau-bieu/` (one template per file, the shape of `shared/print/annex-template.ts`). A file that is not
 * a valid template is listed with what is wrong and where, never printed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { annexTemplateSchema, type AnnexTemplate, type AnnexTemplateEntry } from '../../../shared/print/annex-template';
import { BUILTIN_TEMPLATES, type BuiltinTemplateKey } from '../../../shared/print/builtin-templates';
import { CoreError } from '../errors';

export const TEMPLATE_FOLDER = 'mau-bieu';

const builtins = new Map<string, AnnexTemplate>(Object.entries(BUILTIN_TEMPLATES).map(([key, t]) => [key, annexTemplateSchema.parse(t)]));

export function builtinTemplate(key: BuiltinTemplateKey): AnnexTemplate {
  return builtins.get(key)!;
}

interface Loaded {
  entry: AnnexTemplateEntry;
  template: AnnexTemplate | null;
}

function loadProvinceTemplates(dataDir: string): Loaded[] {
  const folder = path.join(dataDir, TEMPLATE_FOLDER);
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((f) => f.toLowerCase().endsWith('.json'))
    .sort()
    .map((name) => {
      const file = path.join(folder, name);
      const fallbackKey = name.replace(/\.json$/i, '');
      let raw: unknown;
      try {
        raw = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
      } catch (error) {
        return { entry: { key: fallbackKey, name: fallbackKey, origin: 'province', file, problem: `Không đọc được tệp JSON: ${(error as Error).message}` }, template: null };
      }
      const parsed = annexTemplateSchema.safeParse(raw);
      if (!parsed.success) {
        const problem = parsed.error.issues.map((i) => `${i.path.join('.') || '(gốc)'}: ${i.message}`).join('; ');
        return { entry: { key: fallbackKey, name: fallbackKey, origin: 'province', file, problem: `Mẫu biểu không hợp lệ — ${problem}` }, template: null };
      }
      const t = parsed.data;
      const problem = builtins.has(t.key) ? `Mã "${t.key}" trùng một phụ lục có sẵn; đặt mã khác trong tệp` : null;
      return { entry: { key: t.key, name: t.name, origin: 'province', file, problem }, template: problem ? null : t };
    });
}

/** Every template: the built-in ones first, then the province's files with their problems if any. */
export function listAnnexTemplates(dataDir: string): AnnexTemplateEntry[] {
  const builtin = [...builtins.values()].map<AnnexTemplateEntry>((t) => ({ key: t.key, name: t.name, origin: 'builtin', file: null, problem: null }));
  return [...builtin, ...loadProvinceTemplates(dataDir).map((l) => l.entry)];
}

/** A province template by its key; refused, saying where the file should be, when there is none or it is wrong. */
export function provinceTemplate(dataDir: string, key: string): AnnexTemplate {
  const loaded = loadProvinceTemplates(dataDir).filter((l) => l.entry.key === key);
  const folder = path.join(dataDir, TEMPLATE_FOLDER);
  if (loaded.length === 0) {
    throw new CoreError('TEMPLATE_NOT_FOUND', `Không có mẫu biểu "${key}". Đặt tệp ${key}.json (mẫu biểu của tỉnh) vào thư mục ${folder} rồi in lại.`, { key, folder });
  }
  if (loaded.length > 1) throw new CoreError('TEMPLATE_INVALID', `Có ${loaded.length} tệp cùng mã mẫu biểu "${key}" trong ${folder}: giữ một tệp.`, { key, files: loaded.map((l) => l.entry.file) });
  const { entry, template } = loaded[0]!;
  if (!template) throw new CoreError('TEMPLATE_INVALID', `Tệp ${entry.file}: ${entry.problem}. Sửa tệp rồi in lại.`, { key, file: entry.file });
  return template;
}
