import {
  type LocaleModule as CoreLocaleModule,
  matchLocale as matchCoreLocale,
} from '@dateline/core';
import type { StrResult } from '@lit/localize';
import type { LitElement } from 'lit';
import type { StringId } from '../locales/ids.js';
import { loadLocale } from './locales/lazy.js';

/**
 * The languages the elements write in. English is the source: it is in the elements' own
 * code, so a page in English loads nothing more. Every other language is a module of its own,
 * fetched the first time an element on the page needs it.
 */
export const LOCALES = [
  'en',
  'km',
  'vi',
  'id',
  'th',
  'zh-Hans',
  'zh-Hant',
  'ar',
] as const;

/** A language the elements write in. */
export type Locale = (typeof LOCALES)[number];

/** A translated template: plain text, or text with the English's values placed by index. */
type Template = string | StrResult;

/** What a locale module holds: the templates `lit-localize build` writes, and core's messages. */
export interface LocaleModule extends CoreLocaleModule {
  templates: Readonly<Record<string, Template>>;
}

/**
 * A site's own wording, by string id (`StringId` lists each with its English): plain text,
 * with `{0}`, `{1}`… where the English has values, in the English's order.
 */
export type StringOverrides = Readonly<Partial<Record<StringId, string>>>;

const shipped = new Map<Locale, LocaleModule['templates']>();
const loading = new Map<Locale, Promise<void>>();
const sites = new Map<Locale, Record<string, string>>();

/**
 * The locale whose templates `msg` reads: the element being rendered's. Lit renders an element
 * synchronously inside `performUpdate`, so setting it around that call scopes it to one
 * element, whatever language the elements around it write in.
 */
let active: Locale = 'en';

/** Lit's `str` values joined into the translation's order. */
function join(
  strings: readonly string[],
  values: readonly unknown[],
  order?: readonly unknown[],
): string {
  let text = strings[0] ?? '';
  for (let i = 1; i < strings.length; i += 1) {
    text += String(values[order ? (order[i - 1] as number) : i - 1]);
    text += strings[i];
  }
  return text;
}

/** A site's text, with `{0}`… replaced by the English template's values. */
function fillSite(text: string, values: readonly unknown[]): string {
  return text.replace(/\{(\d{1,2})\}/g, (placeholder, index: string) => {
    const i = Number(index);
    return i < values.length ? String(values[i]) : placeholder;
  });
}

/**
 * Looks a string up in the language of the element being rendered. The English is written
 * where it is used, with a stable `id` that the translations, a site's overrides and
 * `lit-localize extract` share.
 *
 * @example
 * msg('Leave a Reply', { id: 'form.title' })
 * msg(str`${n} replies`, { id: 'comments.replies.other' })
 */
export const msg = ((
  template: string | StrResult,
  options: { id: string; desc?: string },
): string => {
  const { id } = options;
  const values = typeof template === 'string' ? [] : template.values;
  const site = sites.get(active);
  if (site && Object.hasOwn(site, id)) return fillSite(site[id]!, values);
  const translated = active === 'en' ? undefined : shipped.get(active)?.[id];
  if (translated !== undefined) {
    if (typeof translated === 'string') return translated;
    return join(translated.strings, values, translated.values);
  }
  return typeof template === 'string'
    ? template
    : join(template.strings, template.values);
}) as ((
  template: string | StrResult,
  options: { id: string; desc?: string },
) => string) & {
  // What `lit-localize extract` looks for to find the messages.
  _LIT_LOCALIZE_MSG_?: never;
};

/** Runs `fn` with `msg` writing in `locale`, and returns what it returns. */
export function inLocale<T>(locale: Locale, fn: () => T): T {
  const previous = active;
  active = locale;
  try {
    return fn();
  } finally {
    active = previous;
  }
}

/**
 * The language the elements write in for a BCP 47 tag: Khmer for "km-KH", Traditional
 * Chinese for "zh-TW", "zh-HK" and "zh-Hant", Simplified for other Chinese, English for a
 * language they do not write in (or a tag that is not one). Core's reading of a tag, so that
 * the elements and the service's messages agree on the language a tag names.
 */
export function matchLocale(tag: string | null | undefined): Locale {
  return typeof tag === 'string' ? matchCoreLocale(tag) : 'en';
}

/**
 * The language an element's text is in, as HTML inherits it: its own `lang`, else its nearest
 * ancestor's, through shadow roots to their hosts, up to the document's.
 */
export function langOf(element: Element): string {
  for (let node: Node | null = element; node; ) {
    if (node instanceof Element && node.hasAttribute('lang'))
      return node.getAttribute('lang') ?? '';
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return '';
}

/** Whether `locale`'s strings are ready (English always is). */
export function isLoaded(locale: Locale): boolean {
  return locale === 'en' || shipped.has(locale);
}

/**
 * Fetches a language's strings, once per page. A language that cannot be fetched (a network
 * error, a blocked request) leaves the elements in English rather than blank.
 */
export function ensureLocale(locale: Locale): Promise<void> {
  if (isLoaded(locale)) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    // Core's messages are added as the module arrives: the elements' validation messages
    // come from there.
    pending = loadLocale(locale).then(
      (module) => {
        shipped.set(locale, module.templates);
      },
      (error: unknown) => {
        loading.delete(locale);
        console.warn(`Dateline could not load its ${locale} strings.`, error);
      },
    );
    loading.set(locale, pending);
  }
  return pending;
}

/** Every element that writes in a language, so a change of `lang` reaches each. */
const watching = new Set<{ relocale(force?: boolean): void }>();
let observer: MutationObserver | undefined;

const LANG_CHANGES: MutationObserverInit = {
  attributes: true,
  attributeFilter: ['lang'],
  subtree: true,
};

/**
 * Watches the document, and the element's shadow root: an element inside another's shadow
 * root takes its language from there, where a document-wide observer does not look.
 */
function watch(element: { relocale(force?: boolean): void }, root: Node): void {
  watching.add(element);
  if (typeof MutationObserver === 'undefined') return;
  if (!observer) {
    observer = new MutationObserver(() => {
      for (const each of watching) each.relocale();
    });
    observer.observe(document.documentElement, LANG_CHANGES);
  }
  if (root instanceof ShadowRoot) observer.observe(root, LANG_CHANGES);
}

function unwatch(element: { relocale(force?: boolean): void }): void {
  watching.delete(element);
  if (watching.size === 0) {
    observer?.disconnect();
    observer = undefined;
  }
}

/**
 * Rewords any string in any language, ahead of the shipped translations: ids are typed
 * (`StringId`); `{0}`, `{1}`… stand for the English's values, in order. Elements already on
 * the page write the new words at their next render; call it before they appear.
 *
 * @example
 * setStrings('en', { 'form.title': 'Join the discussion' });
 * setStrings('km', { 'form.submit': 'ផ្ញើ' });
 */
export function setStrings(locale: Locale, strings: StringOverrides): void {
  // Spread defines own properties, so a "__proto__" key from JSON stays a harmless entry.
  sites.set(locale, { ...sites.get(locale), ...strings });
  for (const each of watching) each.relocale(true);
}

/** Takes back what `setStrings` set: for `ids` alone, or every string of `locale`. */
export function resetStrings(locale: Locale, ids?: readonly StringId[]): void {
  const site = sites.get(locale);
  if (!site) return;
  if (ids) for (const id of ids) delete site[id];
  else sites.delete(locale);
  for (const each of watching) each.relocale(true);
}

// biome-ignore lint/suspicious/noExplicitAny: a mixin's constructor takes any arguments.
type Constructor<T> = new (...args: any[]) => T;

/** What `Localized` adds to an element. */
export interface LocalizedElement {
  /** The language the element writes in, from `lang` as HTML inherits it. */
  readonly locale: Locale;
  /** Looks the language up again; `force` renders even if it did not change. */
  relocale(force?: boolean): void;
}

/**
 * Makes an element write in its language: `lang` on the element, else on its nearest ancestor,
 * else on the document, else English; it follows a change of `lang` at run time, and waits for
 * a language's strings before its first render in it, so a reader never sees English flash by.
 */
export function Localized<T extends Constructor<LitElement>>(
  Base: T,
): T & Constructor<LocalizedElement> {
  class LocalizedBase extends Base implements LocalizedElement {
    #locale: Locale = 'en';

    get locale(): Locale {
      return this.#locale;
    }

    relocale(force = false): void {
      const locale = matchLocale(langOf(this));
      if (locale === this.#locale && !force) return;
      this.#locale = locale;
      this.requestUpdate();
    }

    override connectedCallback(): void {
      super.connectedCallback();
      watch(this, this.renderRoot);
      this.relocale();
    }

    override disconnectedCallback(): void {
      super.disconnectedCallback();
      unwatch(this);
    }

    // biome-ignore lint/suspicious/noConfusingVoidType: Lit's own signature.
    protected override scheduleUpdate(): void | Promise<unknown> {
      const locale = this.#locale;
      if (isLoaded(locale)) return super.scheduleUpdate();
      return ensureLocale(locale).then(() => super.scheduleUpdate());
    }

    protected override performUpdate(): void {
      inLocale(this.#locale, () => super.performUpdate());
    }
  }
  return LocalizedBase;
}

/** The words for a count, by the language's plural category; thunks, so only one is looked up. */
export interface PluralForms {
  /** Arabic's form for 0; a language without one says "other". */
  zero?: () => string;
  one?: () => string;
  /** Arabic's dual. */
  two?: () => string;
  few?: () => string;
  many?: () => string;
  other: () => string;
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

/**
 * The form of `forms` that `n` takes in the language `msg` writes in (`Intl.PluralRules`).
 * Give every form a language we ship uses (Arabic uses all six), so translators have each.
 */
export function plural(n: number, forms: PluralForms): string {
  let rules = pluralRules.get(active);
  if (!rules) {
    rules = new Intl.PluralRules(active);
    pluralRules.set(active, rules);
  }
  const form = rules.select(n);
  const thunk: (() => string) | 0 | undefined = forms[form];
  if (thunk) return thunk();
  // The built files write a form whose English is "other"'s as 0, and "other" as a function of
  // the form's name that looks that form's id up (scripts/compact-messages.ts): a language
  // with words of its own for the form still gets them. A form not given at all says "other".
  return (forms.other as (form?: string) => string)(
    thunk === 0 ? form : undefined,
  );
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();

/** `n` written as the language `msg` writes in writes numbers ("1,204", "١٬٢٠٤"). */
export function formatNumber(n: number): string {
  let format = numberFormats.get(active);
  if (!format) {
    format = new Intl.NumberFormat(active);
    numberFormats.set(active, format);
  }
  return format.format(n);
}

/** The language `msg` writes in now: inside a render, the element's. */
export function activeLocale(): Locale {
  return active;
}

/** Languages written right to left, by their language subtag. */
const RIGHT_TO_LEFT = /^(?:ar|arc|ckb|dv|fa|he|ks|ps|sd|ug|ur|yi)(?:-|$)/i;

/**
 * The direction a language is written in, for text in another language than the page's: an
 * English report on an Arabic page stays left to right.
 */
export function directionOf(lang: string): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.test(lang) ? 'rtl' : 'ltr';
}
