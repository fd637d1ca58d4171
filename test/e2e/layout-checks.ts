import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** Text elements clipped by their box (scrollWidth > clientWidth): the header text or the cell of a grid column. */
export interface Clipped {
  what: string;
  text: string;
  scrollWidth: number;
  clientWidth: number;
}

/**
 * The headers and visible cells of the given ag-grid columns (by col-id; `*` for every column) whose text does not fit
 * its box, and those scrolled out of the grid's view (an essential column must be seen without scrolling).
 */
export async function clippedColumns(page: Page, colIds: string[], scope = 'body'): Promise<Clipped[]> {
  return page.evaluate(
    ([ids, root]) => {
      const out: { what: string; text: string; scrollWidth: number; clientWidth: number }[] = [];
      const scopeEl = document.querySelector(root) ?? document.body;
      const selector = (id: string) => (id === '*' ? '' : `[col-id="${CSS.escape(id)}"]`);
      for (const grid of scopeEl.querySelectorAll<HTMLElement>('.ag-root-wrapper')) {
        const view = grid.getBoundingClientRect();
        for (const id of ids) {
          const headers = grid.querySelectorAll<HTMLElement>(`.ag-header-cell${selector(id)}`);
          for (const h of headers) {
            const text = h.querySelector<HTMLElement>('.ag-header-cell-text');
            if (!text) continue;
            const box = h.getBoundingClientRect();
            if (box.width === 0) continue;
            if (text.scrollWidth > text.clientWidth + 1) out.push({ what: `tiêu đề cột ${h.getAttribute('col-id')}`, text: text.textContent ?? '', scrollWidth: text.scrollWidth, clientWidth: text.clientWidth });
            if (id !== '*' && (box.left < view.left - 1 || box.right > view.right + 1)) out.push({ what: `cột ${h.getAttribute('col-id')} ngoài khung nhìn`, text: text.textContent ?? '', scrollWidth: Math.round(box.right), clientWidth: Math.round(view.right) });
          }
          // An essential column must also be seen, not covered (a scroll bar over a pinned column): the point just inside
          // the right edge of its first cell belongs to that cell.
          const first = id === '*' ? null : grid.querySelector<HTMLElement>(`.ag-row:not(.ag-row-pinned) .ag-cell${selector(id)}`);
          if (first) {
            const box = first.getBoundingClientRect();
            const hit = document.elementFromPoint(box.right - 3, box.top + box.height / 2);
            if (box.width > 0 && box.bottom <= window.innerHeight && !(hit && first.contains(hit))) out.push({ what: `ô cột ${id} bị che`, text: first.textContent ?? '', scrollWidth: Math.round(box.right), clientWidth: Math.round(view.right) });
          }
          for (const c of grid.querySelectorAll<HTMLElement>(`.ag-cell${selector(id)}`)) {
            const inner = c.querySelector<HTMLElement>('.ag-cell-value') ?? c;
            const target = inner.scrollWidth > inner.clientWidth + 1 ? inner : c.scrollWidth > c.clientWidth + 1 ? c : null;
            if (target) out.push({ what: `ô cột ${c.getAttribute('col-id')}`, text: c.textContent ?? '', scrollWidth: target.scrollWidth, clientWidth: target.clientWidth });
          }
        }
      }
      return out;
    },
    [colIds, scope] as const,
  );
}

/** Table header and cells (`th`, `td`) of the tables in scope whose text overflows its box. */
export async function clippedTableCells(page: Page, scope: string): Promise<Clipped[]> {
  return page.evaluate((root) => {
    const out: { what: string; text: string; scrollWidth: number; clientWidth: number }[] = [];
    for (const cell of document.querySelectorAll<HTMLElement>(`${root} th, ${root} td`)) {
      if (cell.scrollWidth > cell.clientWidth + 1) out.push({ what: cell.tagName.toLowerCase(), text: cell.textContent ?? '', scrollWidth: cell.scrollWidth, clientWidth: cell.clientWidth });
    }
    return out;
  }, scope);
}

/** The toolbars whose items wrapped onto a second line. */
export async function wrappedToolbars(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    // Forms laid out as a toolbar (a target's fields) may wrap; a screen's or a grid's toolbar may not.
    for (const bar of document.querySelectorAll<HTMLElement>('.toolbar:not(.target-form)')) {
      const tops = [...bar.children].filter((c) => (c as HTMLElement).offsetParent !== null).map((c) => Math.round((c as HTMLElement).getBoundingClientRect().top));
      if (tops.length > 1 && Math.max(...tops) - Math.min(...tops) > 8) out.push(bar.textContent?.slice(0, 80) ?? '');
    }
    return out;
  });
}

/** Serious and critical accessibility violations (WCAG 2 A/AA, contrast included), one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.slice(0, 6).map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join(' ') ?? ''}`));
}

/**
 * Amount columns of plain tables whose values do not all have the same number of decimals (issue 15 point 9:
 * 68.059,05 / 4.120 in one column). Only cells that are an amount (digits, dots, one comma) count; rates and text do not.
 */
export async function unevenDecimalColumns(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((root) => {
    const out: string[] = [];
    document.querySelectorAll<HTMLTableElement>(`${root}`).forEach((table) => {
      const columns = new Map<number, string[]>();
      for (const row of table.querySelectorAll<HTMLTableRowElement>('tbody tr, tfoot tr')) {
        for (const cell of row.cells) {
          if (cell.colSpan > 1) continue;
          const text = (cell.textContent ?? '').trim();
          if (!/^-?\d{1,3}(\.\d{3})*(,\d+)?$/.test(text)) continue;
          const list = columns.get(cell.cellIndex) ?? [];
          list.push(text);
          columns.set(cell.cellIndex, list);
        }
      }
      const name = table.getAttribute('aria-label') ?? table.querySelector('caption')?.textContent ?? 'bảng';
      for (const [index, texts] of columns) {
        const decimals = new Set(texts.map((t) => (t.includes(',') ? t.split(',')[1]!.length : 0)));
        if (decimals.size > 1) out.push(`${name}, cột ${index + 1}: ${texts.join(' / ')}`);
      }
    });
    return out;
  }, scope);
}
