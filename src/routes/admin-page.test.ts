import { describe, expect, it } from 'vitest';
import { setStrings } from '../../packages/elements/src/shared/localize.js';
import { ADMIN_PAGE_POLICY, adminPage, pageLocale } from './admin-page.js';

const app = adminPage();
const open = (query = '', headers: Record<string, string> = {}) =>
  app.request(`/${query}`, { headers });
const htmlTag = (text: string) => /<html [^>]*>/.exec(text)?.[0];

describe('pageLocale', () => {
  it('takes the language a link names, as the elements match it', () => {
    expect(pageLocale('km', 'en')).toBe('km');
    expect(pageLocale('zh-TW', 'en')).toBe('zh-Hant');
    expect(pageLocale('zh', undefined)).toBe('zh-Hans');
    expect(pageLocale('en-GB', 'th')).toBe('en');
  });

  it('else takes the first language the browser prefers that the page speaks, by quality', () => {
    expect(pageLocale(undefined, 'fr-FR, km;q=0.8, en;q=0.5')).toBe('km');
    expect(pageLocale(undefined, 'en;q=0.2, vi-VN;q=0.9')).toBe('vi');
    expect(pageLocale(undefined, 'th;q=0, id')).toBe('id');
    expect(pageLocale(undefined, 'en-US,en;q=0.9,km;q=0.8')).toBe('en');
    // A language the page does not speak, asked for by a link, leaves the browser's choice.
    expect(pageLocale('fr', 'ar, en;q=0.5')).toBe('ar');
  });

  it('speaks English for a header or a tag that names nothing it speaks, whatever its shape', () => {
    for (const header of [
      undefined,
      '',
      '*',
      'fr, de;q=0.9',
      '__proto__, constructor;q=0.9',
      ';;;,,,;q=',
      'q=1',
      `${'x;'.repeat(20_000)}km`,
      `${'x'.repeat(100_000)}, km`,
      // Read only so far: no browser sends a hundred languages.
      `${'fr, '.repeat(100)}km`,
    ])
      expect(pageLocale(undefined, header), String(header).slice(0, 20)).toBe(
        'en',
      );
    for (const lang of [
      '__proto__',
      'toString',
      '<script>',
      'x'.repeat(10_000),
    ])
      expect(pageLocale(lang, undefined)).toBe('en');
  });
});

describe('GET /admin', () => {
  it('is in English by default, with the policy and headers it always had', async () => {
    const res = await open();
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(htmlTag(text)).toBe('<html lang="en" dir="ltr">');
    expect(text).toContain('<title>Moderation · Dateline</title>');
    expect(text).toContain('<h1>Moderation</h1>');
    expect(text).toContain('<button type="submit">Sign out</button>');
    expect(text).toContain('The moderation page needs JavaScript.');
    expect(res.headers.get('content-security-policy')).toBe(ADMIN_PAGE_POLICY);
    expect(res.headers.get('content-language')).toBe('en');
    expect(res.headers.get('vary')).toContain('Accept-Language');
    // The page's one stylesheet still matches the hash its policy allows.
    const style = /<style>([\s\S]*?)<\/style>/.exec(text)![1]!;
    const hash = await crypto.subtle.digest(
      'SHA-256',
      new TextEncoder().encode(style),
    );
    expect(ADMIN_PAGE_POLICY).toContain(
      `'sha256-${Buffer.from(hash).toString('base64')}'`,
    );
  });

  it('is in the moderator’s language, from the browser or a link, so the element is too', async () => {
    const fromBrowser = await open('', {
      'accept-language': 'km-KH,km;q=0.9,en;q=0.8',
    });
    expect(htmlTag(await fromBrowser.text())).toBe(
      '<html lang="km" dir="ltr">',
    );
    expect(fromBrowser.headers.get('content-language')).toBe('km');
    const fromLink = await open('?lang=ar', { 'accept-language': 'en' });
    expect(htmlTag(await fromLink.text())).toBe('<html lang="ar" dir="rtl">');
  });

  it('writes its words in that language, from the elements’ catalogue, as text', async () => {
    // A site's wording (this file runs in a process of its own).
    setStrings('vi', {
      'moderation.page-heading': 'Kiểm duyệt',
      'moderation.sign-out': '<b>Đăng xuất</b>',
    });
    const text = await (await open('?lang=vi')).text();
    expect(text).toContain('<h1>Kiểm duyệt</h1>');
    expect(text).toContain('&#60;b&#62;Đăng xuất&#60;/b&#62;');
    expect(text).not.toContain('<b>');
    // Another language's page keeps its own words.
    expect(await (await open('?lang=km')).text()).not.toContain('Kiểm duyệt');
  });
});
