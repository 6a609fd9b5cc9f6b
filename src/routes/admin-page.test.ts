import { describe, expect, it } from 'vitest';
import { setStrings } from '../../packages/elements/src/shared/localize.js';
import { ADMIN_PAGE_POLICY, adminPage } from './admin-page.js';

const app = adminPage();
const open = (query = '', headers: Record<string, string> = {}) =>
  app.request(`/${query}`, { headers });
const htmlTag = (text: string) => /<html [^>]*>/.exec(text)?.[0];

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
