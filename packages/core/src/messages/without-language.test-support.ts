/**
 * For tests: a platform whose Intl lacks a language's data, as Debian's Chromium lacks
 * Khmer's. Asked which languages it has, it leaves that one out; asked to write in it, it
 * writes in its default language, American English, as such a browser does.
 */
import { vi } from 'vitest';

/** The Intl services a browser may ship without a language's data for. */
export const SERVICES = [
  'DateTimeFormat',
  'RelativeTimeFormat',
  'ListFormat',
  'DisplayNames',
] as const;
type Service = (typeof SERVICES)[number];

type Constructor = {
  new (locales?: unknown, options?: unknown): object;
  supportedLocalesOf(locales?: unknown, options?: unknown): string[];
};

/**
 * Replaces the global Intl until `vi.unstubAllGlobals()`: `services` lack `language` ("km",
 * with its regional and extended tags), or every language but English for "*".
 */
export function withoutLanguage(
  language: string,
  services: readonly Service[] = SERVICES,
): void {
  const real = globalThis.Intl;
  const lacks = (tag: string) => {
    const lower = tag.toLowerCase();
    return language === '*'
      ? !/^en\b/.test(lower)
      : lower === language || lower.startsWith(`${language}-`);
  };
  const tags = (locales: unknown) =>
    ([locales ?? []].flat() as unknown[]).map((tag) =>
      typeof tag === 'string' && lacks(tag) ? 'en-US' : tag,
    );
  const fake = Object.create(real) as Record<string, unknown>;
  for (const name of services) {
    const Real = (real as unknown as Record<Service, Constructor>)[name];
    const Lacking = class extends Real {
      constructor(locales?: unknown, options?: unknown) {
        super(tags(locales), options);
      }
      static override supportedLocalesOf(locales?: unknown, options?: unknown) {
        return Real.supportedLocalesOf(locales, options).filter(
          (tag) => !lacks(tag),
        );
      }
    };
    Object.defineProperty(fake, name, { value: Lacking });
  }
  vi.stubGlobal('Intl', fake);
}
