/** Noon UTC of a YYYY-MM-DD date: far from midnight, so no time zone moves it to another day. */
export function fromIso(iso: string): Date {
  return new Date(`${iso}T12:00:00Z`);
}

const DAY_STEMS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** The weekday (0 Sunday - 6 Saturday, as getUTCDay) a name or a cut of it names: "Tues", "Wednes", "friday"; -1 for none. */
export function weekdayIndex(name: string): number {
  return DAY_STEMS.indexOf(name.slice(0, 3).toLowerCase());
}

/** The YYYY-MM-DD of a date, in UTC. */
export function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The date `days` days after (or before, when negative) `date`. */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** True for a real YYYY-MM-DD calendar date. */
export function isIsoDate(text: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(text) &&
    !Number.isNaN(fromIso(text).getTime()) &&
    toIso(fromIso(text)) === text
  );
}

/** Whole days from one YYYY-MM-DD date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((fromIso(to).getTime() - fromIso(from).getTime()) / 86_400_000);
}
