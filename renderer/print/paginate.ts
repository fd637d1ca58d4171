/**
 * Pagination of a printed document by measured heights. The print view lays out its own A4 sheets instead of
 * leaving page breaks to the browser, because Nghị định 30/2020 numbers the pages of the body and of each annex
 * separately (no number on a first page), which CSS page counters cannot do in Chromium: the page counter does not
 * restart. Every block is kept whole; a table is cut between rows and its header repeated on each sheet.
 */

export interface MeasuredItem {
  kind: 'block' | 'table';
  /** Block: its height. Table: the height of its header rows. */
  height: number;
  /** Table only: each body row's height. */
  rows?: number[];
  /** A block (a title) that must not end a sheet: it goes on with what follows it. */
  keepWithNext?: boolean;
}

/** A piece of an item on one sheet: the whole block, or rows [from, to) of a table. */
export interface Fragment {
  item: number;
  from?: number;
  to?: number;
}

/** Cuts the items of one section (body or an annex) into sheets of `available` height. */
export function paginate(items: MeasuredItem[], available: number): Fragment[][] {
  const pages: Fragment[][] = [[]];
  let used = 0;
  const newPage = () => {
    pages.push([]);
    used = 0;
  };
  const firstUnit = (i: number): number => {
    const item = items[i];
    if (!item) return 0;
    return item.kind === 'table' ? item.height + (item.rows?.[0] ?? 0) : item.height + (item.keepWithNext ? firstUnit(i + 1) : 0);
  };
  items.forEach((item, i) => {
    if (item.kind === 'block') {
      const need = item.height + (item.keepWithNext ? firstUnit(i + 1) : 0);
      if (used > 0 && used + need > available) newPage();
      pages[pages.length - 1]!.push({ item: i });
      used += item.height;
      return;
    }
    const rows = item.rows ?? [];
    let from = 0;
    let open = false;
    for (let r = 0; r < rows.length; r++) {
      const need = (open ? 0 : item.height) + rows[r]!;
      if (used + need > available && (used > 0 || open)) {
        if (open) pages[pages.length - 1]!.push({ item: i, from, to: r });
        newPage();
        from = r;
        open = false;
      }
      if (!open) {
        used += item.height;
        open = true;
      }
      used += rows[r]!;
    }
    if (open || rows.length === 0) pages[pages.length - 1]!.push({ item: i, from, to: rows.length });
  });
  return pages.filter((p, i) => p.length > 0 || i === 0);
}

/** The printable height of an A4 sheet under the decree's margins (top and bottom 20 mm), in CSS pixels. */
export function printableHeightPx(orientation: 'portrait' | 'landscape'): number {
  const mm = (orientation === 'portrait' ? 297 : 210) - 40;
  // A millimetre short of the full height: rounding in the print engine must never push a row to a sheet of its own.
  return ((mm - 1) * 96) / 25.4;
}

/** The printable width under the decree's margins (left 30 mm, right 15 mm), in millimetres. */
export function printableWidthMm(orientation: 'portrait' | 'landscape'): number {
  return (orientation === 'portrait' ? 210 : 297) - 45;
}
