import type { Page } from '@playwright/test';
import type { CommandInput, CommandName, CommandOutput } from '../../shared/api/contract';

/**
 * Calls the core through the web host's API with the page's token (setup steps that are not under test). Typed by
 * the contract, as the renderer's client is: a renamed command or a changed input fails the typecheck, not the run.
 */
export async function invoke<K extends CommandName>(page: Page, name: K, input: CommandInput<K>): Promise<CommandOutput<K>> {
  const result = await page.evaluate(
    async ([command, body]) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="sovon-token"]')!.content;
      const response = await fetch('./api/invoke', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Sovon-Token': token }, body: JSON.stringify({ command, input: body }) });
      return response.json();
    },
    [name, input] as const,
  );
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as CommandOutput<K>;
}

/** One change of `decisions.lines.apply`, and the line an `add` carries: for specs that build lines in a helper. */
export type LineChange = CommandInput<'decisions.lines.apply'>['changes'][number];
export type NewLine = Extract<LineChange, { op: 'add' }>['line'];
