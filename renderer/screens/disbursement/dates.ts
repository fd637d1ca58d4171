import { useEffect, useState } from 'react';
import { api } from '../../api/client';

/**
 * The date the disbursement screens read their figures at when none is chosen: the latest cut-off reported in the year
 * (the core decides; null while it answers).
 */
export function useDefaultCutoff(year: number, chosen: string | null): string | null {
  const [found, setFound] = useState<{ year: number; date: string } | null>(null);
  useEffect(() => {
    if (chosen) return;
    let live = true;
    void api.invoke('disbursement.defaultCutoff', { year }).then((r) => live && r.ok && setFound({ year, date: r.value.date }));
    return () => {
      live = false;
    };
  }, [year, chosen]);
  return chosen ?? (found?.year === year ? found.date : null);
}
