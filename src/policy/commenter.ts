/** A commenter as they identify themselves in the form. */
export interface CommenterIdentity {
  name: string;
  email: string;
}

/**
 * Emails are compared ignoring ASCII case: the domain is case-insensitive and mail systems
 * treat the local part so in practice; both repositories compare the same way (SQLite's
 * NOCASE folds ASCII only).
 */
export function sameEmail(a: string, b: string): boolean {
  return asciiLower(a) === asciiLower(b);
}

function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (run) => run.toLowerCase());
}

/**
 * Whether `author` counts as a returning commenter, given approved comments that carry their
 * email: one of them must have the same name AND the same email.
 *
 * This is WordPress's rule ("Comment author must have a previously approved comment"): its
 * `check_comment()` looks for an approved comment `WHERE comment_author = %s AND
 * comment_author_email = %s`. An email alone is no proof of identity (anyone can type
 * someone else's), so borrowing a known commenter's email under another name is held like any
 * first comment. Names are compared exactly, after the schema's trimming and normalisation.
 *
 * @example
 * isReturningCommenter({ name: 'Sokha', email: 's@example.com' }, [{ name: 'Sokha', email: 'S@example.com' }]) // → true
 * isReturningCommenter({ name: 'Dara', email: 's@example.com' }, [{ name: 'Sokha', email: 's@example.com' }]) // → false
 */
export function isReturningCommenter(
  author: CommenterIdentity,
  approved: readonly CommenterIdentity[],
): boolean {
  return approved.some(
    (earlier) =>
      earlier.name === author.name && sameEmail(earlier.email, author.email),
  );
}
