/** What the follow-up forms share: Vietnam's today, a dd/mm/yyyy field, and how a form hands its result to the screen. */
import { useState } from 'react';
import { parseDateVi } from '../../../shared/format/date';
import { todayInVietnam } from '../../../shared/format/today';

export const today = () => todayInVietnam();

/** A date typed as dd/mm/yyyy: its text, and its ISO value (null when empty or not a date). */
export function useDate(initial = '') {
  const [text, setText] = useState(initial);
  return { text, setText, iso: text.trim() === '' ? null : parseDateVi(text) };
}

/** A command's outcome as the forms see it. */
export type SaveResult = { ok: boolean; error?: { message: string } };

/** Reports a form's outcome on the screen's message area; true when it was saved (the form then closes or clears). */
export type Saved = (result: SaveResult) => boolean;
