import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../../../electron/cli/cli';
import { openCore } from '../../../electron/core/core';
import { decisionDocx } from '../../../electron/core/print/docx';
import { tempDir } from '../../support/helpers';

const PYTHON = '/usr/bin/python3';
const WJ = '\u2060';

describe('Word: a document number is never broken at a slash or hyphen (issue 16)', () => {
  it('QĐ 215: every "111/2024/QH15" and "215/QĐ-UBND" in the .docx carries word joiners; the text reads the same without them', async () => {
    const data = tempDir();
    expect(runCli(['seed-demo', '--data', data], { out: () => {}, err: () => {}, env: {} })).toBe(EXIT.ok);
    const core = openCore({ dataDir: data, actor: 'test', create: false });
    let buffer: Buffer;
    try {
      const found = core.invoke('decisions.find', { ref: '215/QĐ-UBND' });
      if (!found.ok) throw new Error(found.error.message);
      const doc = core.invoke('print.decision', { id: found.value.id, body: true });
      if (!doc.ok) throw new Error(doc.error.message);
      buffer = await decisionDocx(doc.value);
    } finally {
      core.close();
    }
    const file = path.join(data, 'qd-215.docx');
    fs.writeFileSync(file, buffer);

    // The XML, as Word reads it: no number with a bare slash or hyphen a line could break after.
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
    expect(xml).toContain(`111/${WJ}2024/${WJ}QH15`);
    expect(xml).toContain(`215/${WJ}QĐ-${WJ}UBND`);
    const words = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!).join('\n');
    expect(words).not.toMatch(/\d\S*\/(?!\u2060)\S/);
    expect(words).not.toContain('111/2024');

    // An independent reader (python-docx) gets the words back unchanged once the invisible joiners are removed.
    const text = execFileSync(PYTHON, ['-c', 'import sys, docx\nd = docx.Document(sys.argv[1])\nprint("\\n".join(p.text for p in d.paragraphs))', file], { encoding: 'utf8' });
    expect(text).toContain(WJ);
    const plain = text.replaceAll(WJ, '');
    expect(plain).toContain('111/2024/QH15');
    expect(plain).toContain('215/QĐ-UBND');
  }, 120_000);
});
