import { currentYearInVietnam } from '../../shared/format/today';
/**
 * One working year for the whole app: it lives in the URL of every screen that shows a year (`/giai-ngan/2024`), the
 * frame keeps it when the officer moves between screens and remembers it per data file; with nothing remembered it
 * is the latest year that holds data, else the current year in Vietnam.
 */
import { useOutletContext, useParams } from 'react-router';

/** The screens whose route takes a year (`/<path>/:year`). */
export const YEAR_SCREENS = new Set(['tong-quan', 'von-duoc-giao', 'quyet-dinh', 'du-toan-thuong-xuyen', 'giai-ngan', 'trao-doi', 'bao-cao']);

const MIN_YEAR = 2021;
const MAX_YEAR = 2035;

export function isWorkingYear(value: number): boolean {
  return Number.isInteger(value) && value >= MIN_YEAR && value <= MAX_YEAR;
}

/** The screen and the year of a route path: `/quyet-dinh/2024/5` → { screen: 'quyet-dinh', year: 2024 }. */
export function parseYearPath(pathname: string): { screen: string; year: number | null } {
  const [, screen = '', second] = pathname.split('/');
  const year = second && /^\d{4}$/.test(second) ? Number(second) : null;
  return { screen, year: year !== null && isWorkingYear(year) ? year : null };
}

/** The current year in Vietnam (Asia/Ho_Chi_Minh): the year the app opens on when no year has data. */
export const vietnamYear = currentYearInVietnam;

const storageKey = (dataFile: string) => `sovon.workingYear:${dataFile}`;

export function rememberedYear(dataFile: string): number | null {
  try {
    const value = Number(window.localStorage.getItem(storageKey(dataFile)));
    return isWorkingYear(value) ? value : null;
  } catch {
    return null;
  }
}

export function rememberYear(dataFile: string, year: number): void {
  try {
    window.localStorage.setItem(storageKey(dataFile), String(year));
  } catch {
    // A browser that refuses storage only loses the memory across restarts; the URL still carries the year.
  }
}

/**
 * The year the frame opens on: the one remembered when it still has data (or when no year has any), otherwise the
 * latest year with data, otherwise the current year.
 */
export function initialYear(remembered: number | null, dataYears: number[], currentYear: number): number {
  if (remembered !== null && (dataYears.length === 0 || dataYears.includes(remembered))) return remembered;
  return dataYears[0] ?? currentYear;
}

/** The years offered by the frame's picker: those with data, the current one, the one shown, and the next; newest first. */
export function yearChoices(dataYears: number[], currentYear: number, shown: number): number[] {
  return [...new Set([...dataYears, currentYear, currentYear + 1, shown])].filter(isWorkingYear).sort((a, b) => b - a);
}

/** What the frame gives the screens about the year. */
export interface YearContext {
  workingYear: number;
}

/** The year a screen shows: the one in its route, else the frame's working year. */
export function useScreenYear(): number {
  const params = useParams();
  const frame = useOutletContext<YearContext | undefined>();
  const fromRoute = params.year && /^\d{4}$/.test(params.year) ? Number(params.year) : null;
  return fromRoute ?? frame?.workingYear ?? vietnamYear();
}
