import { useCallback, useEffect, useRef, useState } from 'react';
import type { LineChange } from '../../../shared/api/decisions';
import type { Balance } from '../../../shared/api/ledger';
import type { DecisionDocument, DecisionLine, LineChangeResult } from '../../../shared/api/decisions';
import type { RuleCheck } from '../../../shared/api/rules';
import type { ApiError } from '../../../shared/api/result';
import { api } from '../../api/client';

export interface DecisionState {
  doc: DecisionDocument | null;
  lines: DecisionLine[];
  balance: Balance | null;
  check: RuleCheck | null;
  loadError: string | null;
}

/**
 * One open decision: its document as the core last answered, the live balance and the rule findings.
 * Edits go to the core; the grid shows only what the core accepted.
 */
export function useDecision(id: number) {
  const [state, setState] = useState<DecisionState>({ doc: null, lines: [], balance: null, check: null, loadError: null });
  const linesRef = useRef(new Map<number, DecisionLine>());
  const timers = useRef<{ balance?: ReturnType<typeof setTimeout>; check?: ReturnType<typeof setTimeout> }>({});
  const docRef = useRef<DecisionDocument | null>(null);

  const refreshBalance = useCallback(async (doc: DecisionDocument) => {
    const result = await api.invoke('ledger.balance', { year: doc.header.year, ...(doc.header.status === 'draft' ? { draftId: doc.header.id } : {}) });
    if (result.ok) setState((s) => ({ ...s, balance: result.value }));
  }, []);

  const refreshCheck = useCallback(async (doc: DecisionDocument) => {
    if (doc.header.status !== 'draft') return setState((s) => ({ ...s, check: null }));
    const result = await api.invoke('decisions.check', { id: doc.header.id });
    if (result.ok) setState((s) => ({ ...s, check: result.value }));
  }, []);

  /** The balance follows each edit quickly; the rules (heavier on big drafts) once typing pauses. */
  const scheduleRefresh = useCallback(
    (doc: DecisionDocument) => {
      clearTimeout(timers.current.balance);
      clearTimeout(timers.current.check);
      timers.current.balance = setTimeout(() => void refreshBalance(doc), 120);
      timers.current.check = setTimeout(() => void refreshCheck(doc), 500);
    },
    [refreshBalance, refreshCheck],
  );

  const setDocument = useCallback(
    (doc: DecisionDocument) => {
      linesRef.current = new Map(doc.lines.map((l) => [l.id, l]));
      docRef.current = doc;
      setState((s) => ({ ...s, doc, lines: doc.lines, loadError: null }));
      scheduleRefresh(doc);
    },
    [scheduleRefresh],
  );

  const reload = useCallback(async () => {
    const result = await api.invoke('decisions.get', { id });
    if (result.ok) setDocument(result.value);
    else setState((s) => ({ ...s, loadError: result.error.message }));
  }, [id, setDocument]);

  useEffect(() => {
    void reload();
    const t = timers.current;
    return () => {
      clearTimeout(t.balance);
      clearTimeout(t.check);
    };
  }, [reload]);

  /** Sends a batch of line changes; merges what the core answered. */
  const apply = useCallback(
    async (changes: LineChange[], options: { partial?: boolean; label?: string } = {}): Promise<{ ok: true; value: LineChangeResult } | { ok: false; error: ApiError }> => {
      const doc = docRef.current;
      if (!doc) return { ok: false, error: { code: 'NOT_FOUND', message: 'Quyết định chưa tải xong.' } };
      const result = await api.invoke('decisions.lines.apply', { decisionId: doc.header.id, changes, ...options });
      if (!result.ok) return result;
      const map = linesRef.current;
      const added = result.value.changed.some((l) => !map.has(l.id));
      for (const removed of result.value.removedIds) map.delete(removed);
      for (const line of result.value.changed) map.set(line.id, line);
      // Most edits change one amount: replace in place; re-sort only when lines come or go.
      const lines =
        added || result.value.removedIds.length > 0
          ? [...map.values()].sort((a, b) => a.position - b.position || a.id - b.id)
          : (docRef.current?.lines ?? []).map((l) => map.get(l.id) ?? l);
      const next: DecisionDocument = { header: result.value.header, lines, totals: result.value.totals, history: result.value.history };
      docRef.current = next;
      setState((s) => ({ ...s, doc: next, lines }));
      scheduleRefresh(next);
      return result;
    },
    [scheduleRefresh],
  );

  const step = useCallback(
    async (direction: 'undo' | 'redo'): Promise<ApiError | null> => {
      const doc = docRef.current;
      if (!doc) return null;
      const result = await api.invoke(direction === 'undo' ? 'decisions.undo' : 'decisions.redo', { decisionId: doc.header.id });
      if (!result.ok) return result.error;
      setDocument(result.value);
      return null;
    },
    [setDocument],
  );

  return { ...state, apply, step, reload, setDocument, refreshCheck };
}
