// What a page in English pays for the other languages: an esbuild plugin that builds the
// elements with English-only stand-ins for the language code, so `scripts/size-report.ts` can
// set each page beside the same page as built. The stand-ins keep what English itself needs
// (its words, its plurals, its numbers, the direction of an article's own language) and drop
// the rest: each element's language from `lang` and the watch for its change, a site's
// wording (`setStrings`, `setMessages`), looking words up by language, fetching a language.
// The strings' ids stay in both builds. An export a stand-in lacks fails the build.
import type { Plugin } from 'esbuild';

const STAND_INS: Record<string, string> = {
  'packages/elements/src/shared/localize.ts': `
export const LOCALES = ['en'];
function join(strings, values) {
  let text = strings[0];
  for (let i = 1; i < strings.length; i += 1) text += String(values[i - 1]) + strings[i];
  return text;
}
export const msg = (template) =>
  typeof template === 'string' ? template : join(template.strings, template.values);
export const inLocale = (_locale, fn) => fn();
export const matchLocale = () => 'en';
export const langOf = () => '';
export const isLoaded = () => true;
export const ensureLocale = () => Promise.resolve();
export const setStrings = () => {};
export const resetStrings = () => {};
export const Localized = (Base) =>
  class extends Base {
    get locale() { return 'en'; }
    relocale() {}
  };
const rules = new Intl.PluralRules('en');
export const plural = (n, forms) => (forms[rules.select(n)] ?? forms.other)();
const numbers = new Intl.NumberFormat('en');
export const formatNumber = (n) => numbers.format(n);
export const activeLocale = () => 'en';
const RIGHT_TO_LEFT = /^(?:ar|arc|ckb|dv|fa|he|ks|ps|sd|ug|ur|yi)(?:-|$)/i;
export const directionOf = (lang) => (RIGHT_TO_LEFT.test(lang) ? 'rtl' : 'ltr');
`,
  'packages/core/src/messages/locale.ts': `
export const SUPPORTED_LOCALES = ['en'];
export const MAX_TAG = 128;
export const shippedLocaleOf = () => undefined;
export const matchLocale = () => 'en';
export const intlLocale = () => 'en';
`,
  'packages/core/src/messages/lookup.ts': `
export function provideCatalogues() {}
export const own = () => undefined;
export const localeOf = () => 'en';
export function setLocale() {}
export const reworded = () => undefined;
export function fill(text, params) {
  if (!params) return text;
  return text.replace(/\\{(\\w+)\\}/g, (placeholder, name) =>
    Object.hasOwn(params, name)
      ? typeof params[name] === 'number' ? params[name].toLocaleString('en') : String(params[name])
      : placeholder);
}
export const wordsFor = (english, code, params) => fill(english[code], params);
const rules = new Intl.PluralRules('en');
export function pluralFor(english, code, count) {
  const forms = english[code];
  return forms[rules.select(count)] ?? forms.other;
}
export function issueWith(english, code, params) {
  const all = { ...params, code };
  return { params: all, error: () => fill(english[code], all) };
}
`,
  'packages/core/src/messages/platform.ts': `
export const ownWriters = () => undefined;
`,
};

/** Builds with English-only stand-ins for the language code (see the top of this file). */
export const englishOnlyPlugin: Plugin = {
  name: 'english-only',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const path = args.path.replaceAll('\\', '/');
      for (const [file, contents] of Object.entries(STAND_INS))
        if (path.endsWith(`/${file}`)) return { contents, loader: 'js' };
      return undefined;
    });
  },
};
