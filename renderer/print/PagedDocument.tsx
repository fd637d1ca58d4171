/**
 * Lays out sections (the body, each annex) on A4 sheets: measures every block and table row off screen in the
 * bundled font, cuts them into sheets (paginate.ts) and prints each sheet as one page, the page number in the top
 * margin from the second sheet of each section on. The same sheets are what the preview shows, what window.print()
 * and Electron's printToPDF print, and what the command line prints with Chromium.
 */
import { Fragment as ReactFragment, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { paginate, printableHeightPx, printableWidthMm, type Fragment, type MeasuredItem } from './paginate';

export type PageItem =
  | { kind: 'block'; key: string; node: ReactNode; keepWithNext?: boolean }
  | { kind: 'table'; key: string; className: string; colgroup: ReactNode; head: ReactNode; rows: ReactNode[] };

export interface PageSection {
  key: string;
  label: string;
  orientation: 'portrait' | 'landscape';
  items: PageItem[];
}

interface Sheet {
  section: PageSection;
  /** The page number printed (null on the first sheet of a section). */
  number: number | null;
  fragments: Fragment[];
}

function renderFragment(item: PageItem, fragment: Fragment): ReactNode {
  if (item.kind === 'block') return <div className="paged-block">{item.node}</div>;
  return (
    <table className={item.className}>
      {item.colgroup}
      <thead>{item.head}</thead>
      <tbody>{item.rows.slice(fragment.from ?? 0, fragment.to ?? item.rows.length)}</tbody>
    </table>
  );
}

function measureSection(container: HTMLElement, section: PageSection): MeasuredItem[] {
  return section.items.map((item, i) => {
    const el = container.querySelector<HTMLElement>(`[data-measure="${section.key}:${i}"]`)!;
    if (item.kind === 'block') return { kind: 'block', height: el.getBoundingClientRect().height, keepWithNext: item.keepWithNext ?? false };
    const head = el.querySelector('thead')!.getBoundingClientRect().height;
    const rows = [...el.querySelectorAll(':scope > tbody > tr')].map((tr) => tr.getBoundingClientRect().height);
    return { kind: 'table', height: head, rows };
  });
}

export function PagedDocument({ sections, onReady }: { sections: PageSection[]; onReady: () => void }) {
  const measureRef = useRef<HTMLDivElement>(null);
  const [sheets, setSheets] = useState<Sheet[] | null>(null);

  useLayoutEffect(() => {
    setSheets(null);
    let cancelled = false;
    // Heights are only true in the font that prints: wait for it.
    void document.fonts.ready.then(() => {
      if (cancelled || !measureRef.current) return;
      const out: Sheet[] = [];
      for (const section of sections) {
        const pages = paginate(measureSection(measureRef.current, section), printableHeightPx(section.orientation));
        pages.forEach((fragments, i) => out.push({ section, number: i === 0 ? null : i + 1, fragments }));
      }
      setSheets(out);
    });
    return () => {
      cancelled = true;
    };
  }, [sections]);

  useLayoutEffect(() => {
    if (sheets) onReady();
  }, [sheets, onReady]);

  if (!sheets) {
    return (
      <div ref={measureRef} className="paged-measure" aria-hidden="true">
        {sections.map((s) => (
          <div key={s.key} className="paged-content" style={{ width: `${printableWidthMm(s.orientation)}mm` }}>
            {s.items.map((item, i) =>
              item.kind === 'block' ? (
                <div key={item.key} data-measure={`${s.key}:${i}`} className="paged-block">
                  {item.node}
                </div>
              ) : (
                <table key={item.key} data-measure={`${s.key}:${i}`} className={item.className}>
                  {item.colgroup}
                  <thead>{item.head}</thead>
                  <tbody>{item.rows}</tbody>
                </table>
              ),
            )}
          </div>
        ))}
      </div>
    );
  }
  return (
    <div className="paged-sheets">
      {sheets.map((sheet, i) => (
        <section key={i} className={`paged-sheet ${sheet.section.orientation}`} aria-label={`${sheet.section.label}, trang ${sheet.number ?? 1}`} data-section={sheet.section.key}>
          {sheet.number !== null ? <div className="paged-number">{sheet.number}</div> : null}
          <div className="paged-content">
            {sheet.fragments.map((f, j) => (
              <ReactFragment key={j}>{renderFragment(sheet.section.items[f.item]!, f)}</ReactFragment>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
