import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation (offline) and ships resources", async () => {
    const { load } = require('js-yaml') as { load: (text: string) => Record<string, unknown> };
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util/out/DebugLogger') as { DebugLogger: new (enabled: boolean) => unknown };
    const config = load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, notAnOption: true }, new DebugLogger(false))).rejects.toThrow();
    expect(JSON.stringify(config.extraResources)).toContain('migrations/**');
  });
});
