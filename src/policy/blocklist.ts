/**
 * The site's block lists, as WordPress's Discussion settings have them: "Comment Moderation"
 * (`hold`: a matching comment waits for a moderator) and "Disallowed Comment Keys" (`refuse`:
 * a matching comment is marked as spam, and answered like a held one so its sender learns
 * nothing). Pure functions: the lists come in, a verdict goes out.
 *
 * Matching is linear in the comment's length whatever the lists hold: words are found by one
 * Aho–Corasick automaton per list (no pattern is ever built from what a moderator typed),
 * emails and addresses by set lookups.
 */

/** What one list holds. Addresses are salted hashes, never addresses. */
export interface BlocklistEntries {
  /** Found ignoring case anywhere in the name, email, website or text. */
  words: readonly string[];
  /** A whole address ("spam@example.com") or a domain ("@example.com"), ignoring case. */
  emails: readonly string[];
  /** Address hashes, compared exactly. */
  addresses: readonly string[];
}

export interface Blocklists {
  hold: BlocklistEntries;
  refuse: BlocklistEntries;
}

/** Who wrote a comment and what, as the lists look at it. */
export interface BlocklistSubject {
  name: string;
  email: string;
  url?: string | undefined;
  body: string;
  addressHash: string | null;
}

/** What the lists say of a comment. */
export interface BlocklistMatch {
  /** On the "hold" list: keep it for a moderator. */
  held: boolean;
  /** On the "refuse" list: mark it as spam. */
  refused: boolean;
}

/** A set of words found in text in one pass. */
export interface WordMatcher {
  /** Whether any of the words occurs in `text`, ignoring case. */
  test(text: string): boolean;
  /** Steps taken by every `test` so far: a test proves the pass is linear by counting them. */
  readonly work: number;
}

/** Transitions live in one Map keyed by state and character, far lighter than a Map per state. */
const key = (state: number, unit: number) => state * 0x10000 + unit;

/**
 * An Aho–Corasick automaton over `words` (lower-cased), read one UTF-16 unit at a time.
 * Building costs the words' total length; a test costs at most two steps per unit of text,
 * however the words overlap (failure links never move forward twice for one unit).
 *
 * @example
 * const m = wordMatcher(['casino', 'pills']);
 * m.test('Best CASINO bonus') // true
 */
export function wordMatcher(words: readonly string[]): WordMatcher {
  const next = new Map<number, number>();
  const fail: number[] = [0];
  const accepts: boolean[] = [false];
  let states = 1;
  for (const word of words) {
    const lower = word.toLowerCase();
    if (!lower) continue;
    let state = 0;
    for (let i = 0; i < lower.length; i += 1) {
      const k = key(state, lower.charCodeAt(i));
      let to = next.get(k);
      if (to === undefined) {
        to = states++;
        next.set(k, to);
        fail.push(0);
        accepts.push(false);
      }
      state = to;
    }
    accepts[state] = true;
  }

  // Failure links, breadth first: each state's link is the longest proper suffix that is
  // also a prefix of some word. Children are found from the transitions, grouped by parent.
  const children: Array<Array<[number, number]>> = Array.from(
    { length: states },
    () => [],
  );
  for (const [k, to] of next)
    children[Math.floor(k / 0x10000)]!.push([k % 0x10000, to]);
  const queue: number[] = [];
  for (const [, to] of children[0]!) queue.push(to);
  for (let head = 0; head < queue.length; head += 1) {
    const state = queue[head]!;
    for (const [unit, to] of children[state]!) {
      let f = fail[state]!;
      while (f !== 0 && !next.has(key(f, unit))) f = fail[f]!;
      const link = next.get(key(f, unit));
      fail[to] = link !== undefined && link !== to ? link : 0;
      // A state accepts when any suffix of it is a word.
      if (accepts[fail[to]!]) accepts[to] = true;
      queue.push(to);
    }
  }

  const empty = states === 1;
  let work = 0;
  return {
    test(text: string): boolean {
      if (empty) return false;
      const lower = text.toLowerCase();
      let state = 0;
      for (let i = 0; i < lower.length; i += 1) {
        const unit = lower.charCodeAt(i);
        for (;;) {
          work += 1;
          const to = next.get(key(state, unit));
          if (to !== undefined) {
            state = to;
            break;
          }
          if (state === 0) break;
          state = fail[state]!;
        }
        if (accepts[state]) return true;
      }
      return false;
    },
    get work() {
      return work;
    },
  };
}

/** ASCII and Unicode case alike: the lists and the comment are compared lower-cased. */
const lower = (s: string) => s.toLowerCase();

interface CompiledList {
  words: WordMatcher;
  emails: ReadonlySet<string>;
  addresses: ReadonlySet<string>;
}

function compileList(list: BlocklistEntries): CompiledList {
  return {
    words: wordMatcher(list.words),
    emails: new Set(list.emails.map(lower)),
    addresses: new Set(list.addresses),
  };
}

function matches(list: CompiledList, subject: BlocklistSubject): boolean {
  if (subject.addressHash !== null && list.addresses.has(subject.addressHash))
    return true;
  const email = lower(subject.email);
  const at = email.lastIndexOf('@');
  if (list.emails.has(email) || (at >= 0 && list.emails.has(email.slice(at))))
    return true;
  // Entries are single lines, so a word cannot match across the joins.
  return list.words.test(
    `${subject.name}\n${subject.email}\n${subject.url ?? ''}\n${subject.body}`,
  );
}

/** Block lists ready to judge comments; build once per version of the lists. */
export interface CompiledBlocklists {
  match(subject: BlocklistSubject): BlocklistMatch;
}

/**
 * Compiles both lists.
 *
 * @example
 * compileBlocklists({ hold: { words: ['casino'], emails: [], addresses: [] }, refuse: … })
 *   .match({ name: 'Ana', email: 'ana@example.com', body: 'Casino!', addressHash: null })
 * // → { held: true, refused: false }
 */
export function compileBlocklists(lists: Blocklists): CompiledBlocklists {
  const hold = compileList(lists.hold);
  const refuse = compileList(lists.refuse);
  return {
    match: (subject) => ({
      held: matches(hold, subject),
      refused: matches(refuse, subject),
    }),
  };
}

/** Where the lists are kept: a version that changes whenever they do, and the lists. */
export interface BlocklistSource {
  blocklistVersion(): Promise<number>;
  blocklists(): Promise<{
    hold: {
      words: readonly string[];
      emails: readonly string[];
      addresses: ReadonlyArray<{ hash: string }>;
    };
    refuse: {
      words: readonly string[];
      emails: readonly string[];
      addresses: ReadonlyArray<{ hash: string }>;
    };
  }>;
}

/**
 * Judges comments against the stored lists, compiling them again only when their version
 * changes: a post costs one small read, and every instance sees an edit at its next post.
 */
export function blocklistChecker(
  source: BlocklistSource,
): (subject: BlocklistSubject) => Promise<BlocklistMatch> {
  let cached: { version: number; lists: CompiledBlocklists } | undefined;
  return async (subject) => {
    const version = await source.blocklistVersion();
    if (cached?.version !== version) {
      const stored = await source.blocklists();
      const entries = (list: typeof stored.hold): BlocklistEntries => ({
        words: list.words,
        emails: list.emails,
        addresses: list.addresses.map((a) => a.hash),
      });
      // Should the lists change between the two reads, the next post compiles them again.
      cached = {
        version,
        lists: compileBlocklists({
          hold: entries(stored.hold),
          refuse: entries(stored.refuse),
        }),
      };
    }
    return cached.lists.match(subject);
  };
}
