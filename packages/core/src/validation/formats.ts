/**
 * Format checks shared by the schemas. Written as plain predicates used through `z.refine`
 * rather than Zod's own url/iso formats: each Zod format adds about half a kilobyte (gzip) to
 * the script-tag bundle, and these say exactly what Dateline accepts.
 */

/** An absolute http(s) URL with a host. */
export function isHttpUrl(s: string): boolean {
  if (!/^https?:\/\//i.test(s)) return false;
  try {
    const u = new URL(s);
    return (
      (u.protocol === 'http:' || u.protocol === 'https:') &&
      u.hostname.length > 0
    );
  } catch {
    return false;
  }
}

/**
 * Zod's email pattern (HTML-form addresses, no quoted local parts, a dotted domain), kept here
 * so the bundle does not carry every other pattern Zod ships. Each part is delimited by a
 * character the part before cannot hold, so matching is linear.
 */
const EMAIL =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/** An email address as a comment form accepts it: `name@example.com`. */
export function isEmail(s: string): boolean {
  return EMAIL.test(s);
}

const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 date and time with a time zone ("2025-07-20T08:00:00Z", "…+07:00") that exists. */
export function isIsoDateTime(s: string): boolean {
  return (
    ISO_DATE_TIME.test(s) &&
    !Number.isNaN(Date.parse(s)) &&
    new Date(s.slice(0, 10)).toISOString().startsWith(s.slice(0, 10))
  );
}
