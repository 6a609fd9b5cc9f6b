/** The months, by number as a date's month is counted: `month-7` is July. */
export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
export type MonthCode = `month-${(typeof MONTHS)[number]}`;

/**
 * The words of a date where the platform's Intl has no data for the reader's language: the
 * months' names as a full date writes them, and where the day, the month and the year go.
 */
export type CalendarWordCode =
  | MonthCode
  | 'date-day'
  | 'date-month'
  | 'date-year'
  | 'date-range'
  | 'date-years'
  | 'date-days-in-month'
  | 'date-days-in-year'
  | 'date-months-in-year'
  | 'date-at-time'
  | 'time-of-day';

/**
 * English for core's own calendar words, the source of every locale's. English itself is
 * always written by Intl; these words serve a language the platform lacks (Chromium has no
 * Khmer) once its catalogue is added. `{day}`, `{year}`, `{from}`, `{to}`, `{hour}` and
 * `{minute}` are figures, `{month}`, `{fromMonth}` and `{toMonth}` months' names, `{date}`
 * and `{time}` a date and a time already written.
 */
export const englishCalendarWords: Readonly<Record<CalendarWordCode, string>> =
  {
    'month-1': 'January',
    'month-2': 'February',
    'month-3': 'March',
    'month-4': 'April',
    'month-5': 'May',
    'month-6': 'June',
    'month-7': 'July',
    'month-8': 'August',
    'month-9': 'September',
    'month-10': 'October',
    'month-11': 'November',
    'month-12': 'December',
    'date-day': '{month} {day}, {year}',
    'date-month': '{month} {year}',
    'date-year': '{year}',
    // Two dates written whole, across years; two years alone.
    'date-range': '{from}\u2009–\u2009{to}',
    'date-years': '{from}\u2009–\u2009{to}',
    // Days of one month ("July 10 – 19, 2025"), days of one year across months, months of one year.
    'date-days-in-month': '{month} {from}\u2009–\u2009{to}, {year}',
    'date-days-in-year':
      '{fromMonth} {from}\u2009–\u2009{toMonth} {to}, {year}',
    'date-months-in-year': '{fromMonth}\u2009–\u2009{toMonth} {year}',
    'date-at-time': '{date} at {time}',
    // A time on the 24-hour clock, read the same in every language.
    'time-of-day': '{hour}:{minute}',
  };
