import type { Page } from '@playwright/test';

/** Calls the core through the web host's API with the page's token (setup steps that are not under test). */
export async function invoke<T = unknown>(page: Page, name: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([command, body]) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="sovon-token"]')!.content;
      const response = await fetch('./api/invoke', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Sovon-Token': token }, body: JSON.stringify({ command, input: body }) });
      return response.json();
    },
    [name, input] as const,
  );
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}
