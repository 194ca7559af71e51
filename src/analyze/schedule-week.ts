import { addDays, daysBetween, fromIso, toIso } from './calendar.ts';

/** The days a fixture list covers, when they fall within one week that starts after the coming one. */
export interface ScheduleWeek {
  first: string;
}

const WEEK_DAYS = 7;

/**
 * The week a schedule lists ("Thursday March 2 ... Saturday March 4") when the story's weekdays
 * must be that week's: every listed day within seven days, the first more than a week after
 * publication. "Penrith will kick off at home on Friday night" in a November preview of a March
 * round is that round's Friday, not the coming one.
 */
export function findScheduleWeek(dates: readonly string[], published: string): ScheduleWeek | null {
  if (dates.length < 2) return null;
  const sorted = [...dates].sort();
  const first = sorted[0] ?? '';
  const last = sorted[sorted.length - 1] ?? '';
  if (daysBetween(first, last) >= WEEK_DAYS || daysBetween(published, first) <= WEEK_DAYS) return null;
  return { first };
}

/** The day of the schedule's week that falls on the same weekday as `date`. */
export function moveIntoWeek(date: string, week: ScheduleWeek): string {
  const start = fromIso(week.first);
  const diff = (fromIso(date).getUTCDay() - start.getUTCDay() + WEEK_DAYS) % WEEK_DAYS;
  return toIso(addDays(start, diff));
}
