import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../../..');

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

  it('names an icon that exists: a Windows icon with a 256 px image (what the installer and the exe need)', () => {
    const config = (require('js-yaml') as { load: (text: string) => { directories: { buildResources: string }; win: { icon: string }; nsis: { installerIcon: string; perMachine: boolean; language: string } } }).load(
      fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'),
    );
    const icon = fs.readFileSync(path.join(root, config.directories.buildResources, config.win.icon));
    expect(config.nsis).toMatchObject({ installerIcon: config.win.icon, perMachine: false, language: '1066' });
    // ICONDIR: reserved 0, type 1 (icon), then one 16-byte entry per image; width byte 0 means 256 px.
    expect([icon.readUInt16LE(0), icon.readUInt16LE(2)]).toEqual([0, 1]);
    const widths = Array.from({ length: icon.readUInt16LE(4) }, (_, i) => icon.readUInt8(6 + 16 * i) || 256);
    expect(widths).toContain(256);
    expect(widths).toContain(16);
  });

  it("package:win lets electron-builder rebuild better-sqlite3 for the bundle and puts the Node build back, even when packaging fails", async () => {
    const config = (require('js-yaml') as { load: (text: string) => { npmRebuild?: boolean; asarUnpack: string[] } }).load(
      fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'),
    );
    // electron-builder's own rebuild (npmRebuild, true by default) makes the Electron-ABI build it packs, unpacked from the asar.
    expect(config.npmRebuild ?? true).toBe(true);
    expect(config.asarUnpack.join(' ')).toContain('better-sqlite3');
    const scripts = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    // No install-app-deps / rebuild:electron on the working node_modules before packaging: the script runs the steps below.
    expect(scripts['package:win']).not.toMatch(/install-app-deps|rebuild:electron|electron-builder/);
    expect(scripts['package:win']).toContain('scripts/package-win.ts');
    const { packageWindows, RESTORE_NODE_BUILD } = await import('../../../scripts/package-win');
    for (const failAt of [null, 'electron-builder']) {
      const ran: string[] = [];
      const code = packageWindows((step) => {
        ran.push([step.command, ...step.args].join(' '));
        return step.args.includes(failAt ?? '') ? 7 : 0;
      });
      expect(code).toBe(failAt ? 7 : 0);
      expect(ran.at(-1)).toBe([RESTORE_NODE_BUILD.command, ...RESTORE_NODE_BUILD.args].join(' '));
      expect(ran.at(-1)).toBe('npm rebuild better-sqlite3');
      expect(ran.findIndex((line) => line.includes('electron-builder --win'))).toBe(ran.length - 2);
      expect(ran.some((line) => line.includes('install-app-deps'))).toBe(false);
    }
  });
});
