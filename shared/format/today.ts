/**
 * "Today" is Vietnam's day (Asia/Ho_Chi_Minh), never UTC's: before 07:00 in Hà Nội the UTC date is still
 * yesterday, and an officer would be offered yesterday's date on a decision. Every place that needs the
 * calendar date of an instant goes through here.
 */

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: VIETNAM_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The ISO date ("yyyy-mm-dd") an instant falls on in Vietnam; accepts a Date or an ISO timestamp. */
export function vietnamDate(instant: Date | string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Thời điểm không hợp lệ: ${String(instant)}`);
  const part = (type: Intl.DateTimeFormatPartTypes) => dayFormat.formatToParts(date).find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Today's ISO date in Vietnam. */
export function todayInVietnam(now: Date = new Date()): string {
  return vietnamDate(now);
}

/** The current calendar year in Vietnam (on 31/12 at 23:30 UTC it is already the next year there). */
export function currentYearInVietnam(now: Date = new Date()): number {
  return Number(vietnamDate(now).slice(0, 4));
}

const instantFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * An instant (stored as an ISO timestamp in UTC) as an officer reads it: "dd/mm/yyyy HH:MM" in Vietnam's time, so a
 * file imported at 08:15 in Lạng Sơn never reads "01:15". A text that is not a timestamp is returned as it is.
 */
export function formatInstantInVietnam(instant: Date | string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return String(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => instantFormat.formatToParts(date).find((p) => p.type === type)!.value;
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}
