import type { OmittedPart } from './events.js';

/** An issue as Zod reports it. */
export interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  /** Zod's code: "custom" for core's own checks, whose `params.code` names the message. */
  readonly code?: string;
  readonly params?: unknown;
}

/**
 * What `OmittedPart` keeps of an issue beside its message: core's code and its parameters,
 * so an element can word the issue in its reader's language rather than the one the schema
 * reported in.
 */
function wording(
  issue: Issue,
): Pick<OmittedPart, 'message' | 'code' | 'params'> {
  const params = issue.params as Record<string, unknown> | undefined;
  return issue.code === 'custom' && typeof params?.code === 'string'
    ? { message: issue.message, code: params.code, params }
    : { message: issue.message };
}

/** What `salvage` needs of a schema: core's Zod schemas fit. */
export interface SalvageSchema<T> {
  safeParse(
    data: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly Issue[] } };
}

export type Salvaged<T> =
  | { ok: true; value: T; omitted: OmittedPart[] }
  /** What is wrong is required at the top: nothing can be shown. `issues` are the first parse's. */
  | { ok: false; issues: readonly Issue[] };

/** Each round leaves parts out or climbs one level; data nested deeper than this is not ours. */
const MAX_ROUNDS = 32;
/** Marks a list element to leave out, until its list is compacted. */
const GONE: unique symbol = Symbol('gone');

type Path = PropertyKey[];
// A separator no key of ours holds, so that "a.b" and ["a", "b"] stay apart.
const keyOf = (path: readonly PropertyKey[]) => path.map(String).join('\u0000');
const isContainer = (v: unknown): v is Record<PropertyKey, unknown> =>
  typeof v === 'object' && v !== null;

/**
 * A copy of the plain objects and arrays in `value`, to prune without touching the caller's
 * data. Keys are defined, not assigned, so an own `__proto__` key stays a key.
 */
function clone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clone);
  if (!isContainer(value)) return value;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value))
    Object.defineProperty(copy, key, {
      value: clone(value[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return copy;
}

function at(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (!isContainer(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/**
 * Parses `data` with `schema`, and where parts of it fail, leaves out the smallest part that
 * holds each failure and parses again: a list element, or an optional field (a required one
 * takes the part that holds it along). So one bad row or field never blanks the whole; the
 * parse fails only when what is wrong is required at the top. Runs a parse per level of
 * nesting at most, whatever the number of bad parts.
 *
 * @example
 * const result = salvage(OperationSchema, data);
 * if (result.ok) show(result.value, result.omitted); // omitted: [{ path: 'seizures.1', message }]
 */
export function salvage<T>(
  schema: SalvageSchema<T>,
  data: unknown,
): Salvaged<T> {
  const first = schema.safeParse(data);
  if (first.success) return { ok: true, value: first.data, omitted: [] };
  const fail = { ok: false, issues: first.error.issues } as const;
  let current: unknown;
  try {
    current = clone(data);
  } catch {
    return fail; // nested too deep, or a cycle
  }
  /** What was left out, by its path in the caller's data. */
  const left = new Map<
    string,
    { path: Path } & Pick<OmittedPart, 'message' | 'code' | 'params'>
  >();
  /** For each list pruned, by its path in the caller's data: the original index of each element kept. */
  const kept = new Map<string, number[]>();
  /** A path in the pruned data, as a path in the caller's data. */
  const original = (path: readonly PropertyKey[]): Path => {
    const out: Path = [];
    for (const key of path) {
      const map = kept.get(keyOf(out));
      out.push(map && typeof key === 'number' ? (map[key] ?? key) : key);
    }
    return out;
  };
  const within = (path: Path) =>
    path.some((_, i) => i > 0 && left.has(keyOf(path.slice(0, i))));

  let parsed = first as ReturnType<typeof schema.safeParse>;
  for (let round = 0; !parsed.success; round++) {
    if (round === MAX_ROUNDS) return fail;
    const before = new Set(left.keys());
    const removals: Array<{ here: Path; there: Path }> = [];
    for (const issue of parsed.error.issues) {
      const here = [...issue.path];
      const there = original(here);
      let why = wording(issue);
      // Left out in an earlier round and still wanted: it was required, so what holds it goes.
      while (here.length && before.has(keyOf(there))) {
        const earlier = left.get(keyOf(there));
        if (earlier) {
          const { path: _place, ...reason } = earlier;
          why = reason;
        }
        left.delete(keyOf(there));
        here.pop();
        there.pop();
      }
      if (!here.length) return fail;
      // Already going this round, or inside a part that is.
      if (left.has(keyOf(there)) || within(there)) continue;
      left.set(keyOf(there), { path: there, ...why });
      removals.push({ here, there });
    }
    const lists = new Map<unknown[], Path>();
    for (const { here, there } of removals) {
      const parent = at(current, here.slice(0, -1));
      const last = here[here.length - 1]!;
      if (!isContainer(parent) || !Object.hasOwn(parent, last)) continue;
      if (Array.isArray(parent)) {
        parent[Number(last)] = GONE;
        lists.set(parent, there.slice(0, -1));
      } else delete parent[last];
    }
    for (const [list, path] of lists) {
      const key = keyOf(path);
      const map = kept.get(key) ?? list.map((_, i) => i);
      const stay: unknown[] = [];
      const indices: number[] = [];
      list.forEach((value, i) => {
        if (value === GONE) return;
        stay.push(value);
        indices.push(map[i]!);
      });
      list.length = 0;
      for (const value of stay) list.push(value);
      kept.set(key, indices);
    }
    parsed = schema.safeParse(current);
  }
  return {
    ok: true,
    value: parsed.data,
    // An optional field left out first may sit inside a part that went later: name the part.
    omitted: [...left.values()]
      .filter(({ path }) => !within(path))
      .map(({ path, ...why }) => ({
        path: path.map(String).join('.'),
        ...why,
      })),
  };
}
