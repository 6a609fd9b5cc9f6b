import type { PluralMessage } from './types.js';

/** The units `formatRelativeTime` counts in. */
export const RELATIVE_UNITS = [
  'second',
  'minute',
  'hour',
  'day',
  'week',
  'month',
  'year',
] as const;
export type RelativeUnit = (typeof RELATIVE_UNITS)[number];

/** How long ago or until, counted: "3 hours ago", "in 2 days". */
export type RelativeCountCode =
  | `relative-${RelativeUnit}s-ago`
  | `relative-in-${RelativeUnit}s`;

/** The moments a reader names rather than counts: "now", "yesterday", "last week". */
export type RelativeWordCode =
  | 'relative-now'
  | 'relative-yesterday'
  | 'relative-tomorrow'
  | 'relative-last-week'
  | 'relative-next-week'
  | 'relative-last-month'
  | 'relative-next-month'
  | 'relative-last-year'
  | 'relative-next-year';

/**
 * English for the relative times core writes itself where the platform's Intl has no data for
 * the reader's language (English is always Intl's); the source of every locale's words.
 */
export const englishRelativeWords: Readonly<Record<RelativeWordCode, string>> =
  {
    'relative-now': 'now',
    'relative-yesterday': 'yesterday',
    'relative-tomorrow': 'tomorrow',
    'relative-last-week': 'last week',
    'relative-next-week': 'next week',
    'relative-last-month': 'last month',
    'relative-next-month': 'next month',
    'relative-last-year': 'last year',
    'relative-next-year': 'next year',
  };

/** English for a counted relative time, by the count's plural category; `{n}` is the count. */
export const englishRelativeCounts: Readonly<
  Record<RelativeCountCode, PluralMessage>
> = {
  'relative-seconds-ago': { one: '{n} second ago', other: '{n} seconds ago' },
  'relative-in-seconds': { one: 'in {n} second', other: 'in {n} seconds' },
  'relative-minutes-ago': { one: '{n} minute ago', other: '{n} minutes ago' },
  'relative-in-minutes': { one: 'in {n} minute', other: 'in {n} minutes' },
  'relative-hours-ago': { one: '{n} hour ago', other: '{n} hours ago' },
  'relative-in-hours': { one: 'in {n} hour', other: 'in {n} hours' },
  'relative-days-ago': { one: '{n} day ago', other: '{n} days ago' },
  'relative-in-days': { one: 'in {n} day', other: 'in {n} days' },
  'relative-weeks-ago': { one: '{n} week ago', other: '{n} weeks ago' },
  'relative-in-weeks': { one: 'in {n} week', other: 'in {n} weeks' },
  'relative-months-ago': { one: '{n} month ago', other: '{n} months ago' },
  'relative-in-months': { one: 'in {n} month', other: 'in {n} months' },
  'relative-years-ago': { one: '{n} year ago', other: '{n} years ago' },
  'relative-in-years': { one: 'in {n} year', other: 'in {n} years' },
};
