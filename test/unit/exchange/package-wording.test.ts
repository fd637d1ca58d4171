// Issue 16: the exchange package carries each decision's wording as frozen at issue, and the import restores it, so
// the receiving office prints 215/QĐ-UBND with the text that was signed — not with its own templates. A package of
// format 1 (no "Lời văn" sheet) still imports; its decisions print with the receiving office's wording, as before.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { testCore } from '../../support/helpers';
import { asOlderFormat } from '../../support/old-package';
import { call, must, officeCore } from '../../support/ledger-helpers';

const NUMBER = '215/QĐ-UBND';

function decisionId(core: Core): number {
  const header = call(core, 'decisions.list', { year: 2024 }).find((d) => d.numberText === NUMBER);
  if (!header) throw new Error(`${NUMBER} not found`);
  return header.id;
}

/** The lines of the printed body: who decides, căn cứ, proposal, the articles, Nơi nhận and the signature. */
function bodyLines(core: Core): string[] {
  const doc = call(core, 'print.decision', { id: decisionId(core), unit: 'dong' });
  const body = doc.body!;
  return [body.docType, body.summary, ...body.authority, ...body.bases, ...body.articles.flatMap((a) => [a.label, ...a.paragraphs]), ...doc.recipients, ...doc.signature.role, doc.signature.name];
}

/** A fresh office of the same district whose own template for 215's kind says something else than 215 was signed with. */
function receivingOffice(source: Core): Core {
  const target = officeCore('180');
  const key = call(source, 'documents.decisionWording', { id: decisionId(source) }).templateKey;
  const template = call(target, 'documents.templates', {}).find((t) => t.key === key && t.issuer === 'UBND')!;
  call(target, 'documents.saveTemplate', {
    key,
    issuer: 'UBND',
    wording: { ...template.wording, article2: 'Giao Văn phòng HĐND và UBND huyện theo dõi (mẫu riêng của văn phòng nhận gói).', recipients: ['- Như Điều 3;', '- Lưu: VT, mẫu nhận.'] },
  });
  return target;
}

async function exported(source: Core): Promise<string> {
  const r = await source.invokeAsync('exchange.exportPackage', { year: 2024 });
  return must(r).base64;
}

describe('the exchange package carries the frozen wording', () => {
  it('export → import into a fresh office of the same district: 215/QĐ-UBND prints the same body lines', async () => {
    const source = testCore();
    call(source, 'demo.seed', {});
    const signed = bodyLines(source);
    const target = receivingOffice(source);
    must(await target.invokeAsync('exchange.importPackage', { fileName: 'goi.xlsx', base64: await exported(source) }));
    expect(call(target, 'documents.decisionWording', { id: decisionId(target) }).source).toBe('frozen');
    expect(bodyLines(target)).toEqual(signed);
    expect(bodyLines(target).join('\n')).not.toContain('mẫu riêng của văn phòng nhận gói');
  }, 240_000);

  it('a package of format 1, without the wording, still imports and prints with the office’s own wording', async () => {
    const source = testCore();
    call(source, 'demo.seed', {});
    const target = receivingOffice(source);
    const result = await target.invokeAsync('exchange.importPackage', { fileName: 'goi-v1.xlsx', base64: await asOlderFormat(await exported(source), 1) });
    expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
    expect(call(target, 'documents.decisionWording', { id: decisionId(target) }).source).toBe('template');
    expect(bodyLines(target).join('\n')).toContain('mẫu riêng của văn phòng nhận gói');
  }, 240_000);
});
