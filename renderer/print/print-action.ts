import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../api/client';

/**
 * "In" and "Lưu PDF" from the documents hub open the preview with ?action=print|pdf: once the sheets are laid out,
 * the preview prints (or saves the PDF in the desktop app) by itself, exactly as its own buttons would.
 */
export function usePrintAction(ready: boolean, pdfName: string | null): void {
  const [search, setSearch] = useSearchParams();
  const action = search.get('action');
  const done = useRef(false);
  useEffect(() => {
    if (!ready || !action || done.current || pdfName === null) return;
    done.current = true;
    const next = new URLSearchParams(search);
    next.delete('action');
    setSearch(next, { replace: true });
    if (action === 'pdf' && api.savePdf) void api.savePdf(pdfName);
    else window.print();
  }, [ready, action, pdfName, search, setSearch]);
}
