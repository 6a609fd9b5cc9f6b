import * as z from 'zod/mini';

/**
 * What a reader has typed, kept in localStorage per thread so that a reload, a crash or a
 * failed post loses nothing. Cleared only after a store accepts the comment.
 */
const DraftSchema = z.object({
  body: z.string(),
  name: z.string(),
  email: z.string(),
  url: z.string(),
  parentId: z.nullable(z.string()),
  /** "Notify me of follow-up comments by email.", ticked. */
  notify: z.optional(z.boolean()),
  /** The idempotency key of the last attempt and what it sent, so a retry reuses the key. */
  attempt: z.optional(z.object({ key: z.string(), fingerprint: z.string() })),
});
export type Draft = z.infer<typeof DraftSchema>;

/** The "Save my name, email, and website" details, shared by every thread. */
const DetailsSchema = z.object({
  name: z.string(),
  email: z.string(),
  url: z.string(),
});
export type Details = z.infer<typeof DetailsSchema>;

const DETAILS_KEY = 'dateline:commenter';
const draftKey = (threadId: string) => `dateline:draft:${threadId}`;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // denied (sandboxed frame, privacy settings)
  }
}

function read<T>(key: string, schema: z.ZodMiniType<T>): T | undefined {
  try {
    const raw = storage()?.getItem(key);
    if (!raw) return undefined;
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function write(key: string, value: unknown): boolean {
  try {
    storage()?.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false; // full or denied: the text stays in the form for this visit
  }
}

function remove(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // nothing to do
  }
}

export const drafts = {
  load: (threadId: string) => read(draftKey(threadId), DraftSchema),
  save: (threadId: string, draft: Draft) => write(draftKey(threadId), draft),
  clear: (threadId: string) => remove(draftKey(threadId)),
};

export const details = {
  load: () => read(DETAILS_KEY, DetailsSchema),
  save: (value: Details) => write(DETAILS_KEY, value),
  forget: () => remove(DETAILS_KEY),
};

export function isEmptyDraft(d: Draft): boolean {
  return !d.body.trim() && !d.name.trim() && !d.email.trim() && !d.url.trim();
}
