import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/core';
import { createFileLogger } from '../../../electron/core/log';
import { tempDir } from '../../support/helpers';

describe('errors the page caught', () => {
  it('are written to the rotating log file with their stack, through the ordinary command', () => {
    const data = tempDir();
    const logs = path.join(data, 'logs');
    const core = openCore({ dataDir: data, actor: 'test', log: createFileLogger(logs) });
    try {
      const result = core.invoke('app.logError', { kind: 'error', message: 'Cannot read properties of undefined', stack: 'TypeError: Cannot read…\n    at DecisionEditor (DecisionEditor.tsx:12)', screen: '#/quyet-dinh/2024/3' });
      expect(result).toEqual({ ok: true, value: { logged: true } });
      const text = fs.readFileSync(path.join(logs, 'so-von.log'), 'utf8');
      expect(text).toContain('Lỗi giao diện (error) tại #/quyet-dinh/2024/3: Cannot read properties of undefined');
      expect(text).toContain('    at DecisionEditor (DecisionEditor.tsx:12)');
      expect(core.invoke('app.logError', { kind: 'error', message: 'x'.repeat(3000) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    } finally {
      core.close();
    }
  });
});
