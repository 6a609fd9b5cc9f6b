/**
 * How a list's items are joined where the platform's Intl has no data for the reader's
 * language: two items; the last two of three or more; any other two, and every two of a list
 * that says no "and".
 */
export type ListWordCode = 'list-and' | 'list-and-last' | 'list-separator';

/** English for core's own list words; `{first}` is what comes before, `{last}` what follows. */
export const englishListWords: Readonly<Record<ListWordCode, string>> = {
  'list-and': '{first} and {last}',
  'list-and-last': '{first}, and {last}',
  'list-separator': '{first}, {last}',
};
