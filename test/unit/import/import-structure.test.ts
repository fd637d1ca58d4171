// Rule 25 — the structure of an imported province workbook, on both sides, through the real reader and recognizer
// (the rule's check, importStructure, is the sheet recognizer).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importStructure } from '../../../electron/core/import/import-structure';
import { recognizeSheet } from '../../../electron/core/import/recognize';
import { testCore } from '../../support/helpers';

const FIXTURES = path.resolve(__dirname, '../../fixtures/excel');

async function preview(name: string) {
  const core = testCore({ district: '180' });
  const result = await core.invokeAsync('import.analyze', { fileName: name, base64: fs.readFileSync(path.join(FIXTURES, name)).toString('base64'), year: 2024 });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('Quy tắc 25 — Cấu trúc tệp nhập', () => {
  it('holds: the province workbook of Tràng Định 2024 is recognized with no rule 25 finding and can be committed', async () => {
    expect(importStructure).toBe(recognizeSheet);
    const p = await preview('tinh-giao-von-2024.xlsx');
    expect(p.findings.filter((f) => f.rule === '25')).toEqual([]);
    expect(p.canCommit).toBe(true);
  });

  it('broken: a workbook with a duplicated detail row, and one of another district, are refused under rule 25', async () => {
    const dup = await preview('dong-trung.xlsx');
    expect(dup.findings).toContainEqual(expect.objectContaining({ severity: 'E', rule: '25', code: 'IMPORT_DUPLICATE_ROW' }));
    expect(dup.canCommit).toBe(false);
    const other = await preview('huyen-van-quan.xlsx');
    expect(other.findings.filter((f) => f.severity === 'E').length).toBeGreaterThan(0);
    expect(other.canCommit).toBe(false);
  });
});
