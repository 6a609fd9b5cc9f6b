/** The words `formatEdtf` adds to a date Intl wrote: its qualifiers and open ends. */
export type DateWordCode =
  | 'date-approximate'
  | 'date-uncertain'
  | 'date-approximate-uncertain'
  | 'date-from'
  | 'date-until';

/** English for `formatEdtf`; `{date}` is the date or range as Intl writes it. */
export const englishDateWords: Readonly<Record<DateWordCode, string>> = {
  'date-approximate': '{date} (approximate)',
  'date-uncertain': '{date} (uncertain)',
  'date-approximate-uncertain': '{date} (approximate, uncertain)',
  // An interval open at its end ("2025-07-10/..") or at its start ("../2025-07-19").
  'date-from': '{date} –',
  'date-until': '– {date}',
};
