/** An import's report as a person reads it in a terminal. */
import type { ImportReport, ReportGroup } from './import.js';
import type { ThreadRule } from './threads.js';

const FORMAT_NAME = { wxr: 'WordPress export', disqus: 'Disqus export' };

/** How a thread's id was chosen, completing "thread id …". */
const RULE: Record<ThreadRule, string> = {
  map: 'from the mapping file',
  dateline: 'as a Dateline export gave it',
  'known-address': 'of the thread the service has at this address',
  'post-id': 'from the WordPress post id, as the Dateline plugin names it',
  address: 'from the page’s address',
  position: 'from the post’s place in the file (it has no address)',
};

/** What happened to a group's comments, in words, with its count. */
function said(g: ReportGroup): string {
  const n = g.count;
  const many = n !== 1;
  switch (g.what) {
    case 'pingback':
      return `skipped ${n}: ${many ? 'pingbacks' : 'a pingback'} (a notice from another site, not a reader’s comment)`;
    case 'trackback':
      return `skipped ${n}: ${many ? 'trackbacks' : 'a trackback'} (a notice from another site, not a reader’s comment)`;
    case 'not-a-comment':
      return `skipped ${n}: ${g.detail ?? 'not a reader’s comment'}`;
    case 'no-id':
      return `skipped ${n}: no id in the file, so a second import could not tell ${many ? 'them' : 'it'} apart`;
    case 'no-thread':
      return `skipped ${n}: ${many ? 'their' : 'its'} thread is not in the file`;
    case 'duplicate':
      return `skipped ${n}: the same id came earlier in the file`;
    case 'invalid':
      return `skipped ${n}: ${g.detail ?? 'refused by the comment schema'}${g.code ? ` [${g.code}]` : ''}`;
    case 'parent-missing':
      return `${n} ${many ? 'replies are' : 'reply is'} now top-level: the comment answered is not in the file (WordPress leaves spam out of its exports)`;
    case 'parent-skipped':
      return `${n} ${many ? 'replies' : 'reply'} moved up a level: the comment answered was skipped`;
    case 'parent-cycle':
      return `${n} ${many ? 'comments are' : 'comment is'} now top-level: ${many ? 'their' : 'its'} replies went round in a circle`;
    case 'email-left-out':
      return `${n} without ${many ? 'their' : 'its'} email, which is not an address`;
    case 'url-left-out':
      return `${n} without ${many ? 'their' : 'its'} author’s link, which is not an http(s) address of at most 200 characters`;
    case 'name-empty':
      return `${n} without an author’s name, shown as “Anonymous”`;
    case 'date-local':
      return `${n} dated by the site’s own clock, read as UTC (no GMT time in the file)`;
    case 'status-unknown':
      return `${n} held for moderation: ${many ? 'their' : 'its'} status is not one WordPress writes`;
    case 'characters-replaced':
      return `${n} with control characters, which became spaces`;
  }
}

const line = (g: ReportGroup) => `    ${said(g)} — ${g.examples.join(', ')}`;

/**
 * The report, thread by thread, then the totals.
 *
 * @example
 * formatReport(report) // 'Imported comments.xml (WordPress export) …'
 */
export function formatReport(report: ImportReport): string {
  const out: string[] = [`${report.file} (${FORMAT_NAME[report.format]}):`];
  for (const t of report.threads) {
    out.push('');
    out.push(
      `  ${t.threadId}${t.title ? ` — “${t.title.slice(0, 80)}”` : ''}${t.url ? ` ${t.url}` : ''}`,
    );
    out.push(`    thread id ${RULE[t.rule]}`);
    out.push(
      `    imported ${t.imported}, already present ${t.present}, skipped ${t.skipped}`,
    );
    for (const g of t.skips) out.push(line(g));
    for (const g of t.notes) out.push(line(g));
  }
  if (report.outside.length) {
    out.push('');
    out.push('  not in any thread:');
    for (const g of report.outside) out.push(line(g));
  }
  if (report.bareAmpersands)
    out.push(
      '',
      `  ${report.bareAmpersands} “&” that began no character reference ${report.bareAmpersands === 1 ? 'was' : 'were'} read as text (WordPress writes commenters’ addresses without escaping them).`,
    );
  const { imported, present, skipped } = report.totals;
  const threads = report.threads.length;
  out.push(
    '',
    `Imported ${imported}, already present ${present}, skipped ${skipped}, in ${threads} ${threads === 1 ? 'thread' : 'threads'}.`,
  );
  return out.join('\n');
}
