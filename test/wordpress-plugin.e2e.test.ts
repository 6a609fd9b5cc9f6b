import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../vitest.config.js';
import {
  startTemporaryWordPress,
  type WordPressSite,
} from '../examples/wordpress/site.js';
import { freePort } from './service-process.js';

let site: WordPressSite;
let browser: Browser;
let postUrl: string;
let postId: number;

beforeAll(async () => {
  // `npm test` builds the packages before the tests run, so the script-tag bundle exists.
  site = await startTemporaryWordPress(await freePort(), true);
  postId = Number(
    site.php(
      `echo wp_insert_post(['post_title' => 'Cambodia lets loose the cannons', 'post_status' => 'publish', 'post_content' => '<!-- wp:paragraph --><p>Text.</p><!-- /wp:paragraph -->', 'comment_status' => 'open', 'post_author' => 1]);`,
    ),
  );
  postUrl = site.php(`echo get_permalink(${postId});`);
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

async function open(context = browser): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(postUrl);
  await page.locator('dateline-comments').scrollIntoViewIfNeeded();
  return page;
}

async function post(page: Page, body: string, name: string, email: string) {
  const form = page.locator('dateline-comment-form').last();
  await form.locator('#comment').fill(body);
  await form.locator('#author').fill(name);
  await form.locator('#email').fill(email);
  await form.getByRole('button', { name: 'Post Comment' }).click();
}

describe('the WordPress plugin', () => {
  it('puts <dateline-comments> in place of the theme’s comments, reading WordPress’s own', async () => {
    site.php(
      `wp_insert_comment(['comment_post_ID' => ${postId}, 'comment_author' => 'Dara', 'comment_author_email' => 'dara@example.com', 'comment_content' => "Where is Poipet?\\n\\nIt is on the border.", 'comment_approved' => 1]);`,
    );
    const page = await open();
    const element = page.locator('dateline-comments');
    expect(await element.getAttribute('wordpress-site')).toBe(site.url);
    expect(await element.getAttribute('post-id')).toBe(String(postId));
    await element
      .locator('article .body', { hasText: 'Where is Poipet?' })
      .waitFor();
    expect(await element.locator('article .body p').allTextContents()).toEqual([
      'Where is Poipet?',
      'It is on the border.',
    ]);
    expect(await element.locator('h2').first().textContent()).toContain('1');
    // The theme's own form is gone; Dateline's is there, and not in demo mode.
    expect(
      await page
        .locator('form#commentform, .wp-block-post-comments-form')
        .count(),
    ).toBe(0);
    expect(await element.locator('.demo').count()).toBe(0);
    await page.close();
  });

  it('fetches the section’s code only as the reader nears it, and the WordPress store’s with it', async () => {
    // A long report: its comments start several screens down.
    const paragraphs =
      '<!-- wp:paragraph --><p>A paragraph of the report, long enough to fill a line or two on a phone.</p><!-- /wp:paragraph -->'.repeat(
        60,
      );
    const id = site.php(
      `echo wp_insert_post(['post_title' => 'A long report', 'post_status' => 'publish', 'post_content' => '${paragraphs}', 'comment_status' => 'open', 'post_author' => 1]);`,
    );
    const url = site.php(`echo get_permalink(${id});`);
    const page = await browser.newPage({
      viewport: { width: 390, height: 844 },
    });
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script')
        scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    const fetched = (name: string) =>
      scripts.some((p) => p.split('/').pop()!.startsWith(`${name}-`));
    expect(scripts.some((p) => p.endsWith('/cdn/dateline.js'))).toBe(true);
    expect(fetched('comments')).toBe(false);
    await page.locator('dateline-comments').scrollIntoViewIfNeeded();
    await page
      .locator('dateline-comments dateline-comment-form form')
      .waitFor();
    expect(fetched('comments')).toBe(true);
    // The section asks for its store as it starts to load its thread, which may be just
    // after its form is drawn.
    await expect.poll(() => fetched('wordpress')).toBe(true);
    expect(fetched('article')).toBe(false);
    await page.close();
  });

  it('posts a first-time comment that awaits moderation, and keeps the draft when WordPress says "too fast"', async () => {
    const context = await browser.newContext();
    const page = await open(context as unknown as Browser);
    await post(
      page,
      'Thank you for the figures by nationality.',
      'Sokha',
      'sokha@example.com',
    );
    // The element's own rendering (its comments have a part), not the copy the page was served with.
    const mine = page.locator('dateline-comments article[part="comment"]', {
      hasText: 'Thank you for the figures',
    });
    await mine.locator('.moderation').waitFor();
    expect(await mine.locator('.moderation').textContent()).toBe(
      'Your comment is awaiting moderation.',
    );
    const [held] = JSON.parse(
      site.php(
        `echo json_encode(array_map(fn($c) => [$c->comment_ID, wp_get_comment_status($c)], get_comments(['post_id' => ${postId}, 'status' => 'hold'])));`,
      ),
    );
    expect(held[1]).toBe('unapproved');

    // Its author still sees it after a reload; WordPress shows it to nobody else yet.
    await page.reload();
    await page.locator('dateline-comments').scrollIntoViewIfNeeded();
    await mine.locator('.moderation').waitFor();
    const stranger = await open();
    await stranger
      .locator('dateline-comments article .body', {
        hasText: 'Where is Poipet?',
      })
      .waitFor();
    expect(
      await stranger
        .locator('dateline-comments article', {
          hasText: 'Thank you for the figures',
        })
        .count(),
    ).toBe(0);
    await stranger.close();

    // A second comment at once from the same address: WordPress's flood check says no.
    await post(page, 'And one more thing.', 'Sokha', 'sokha@example.com');
    const form = page.locator('dateline-comment-form').last();
    await form
      .getByText(
        'You are posting comments too quickly. Please wait 15 seconds and try again. Your comment has been kept.',
      )
      .waitFor();
    expect(await form.locator('#comment').inputValue()).toBe(
      'And one more thing.',
    );

    // Approved in WordPress's admin, it is there for everyone, no longer marked as waiting.
    site.php(`wp_set_comment_status(${held[0]}, 'approve');`);
    await page.reload();
    await page.locator('dateline-comments').scrollIntoViewIfNeeded();
    await mine.waitFor();
    expect(await mine.locator('.moderation').count()).toBe(0);
    await context.close();
  });

  describe('puts the approved comments in the page, inside the element', () => {
    let url: string;
    const ids: Record<string, number> = {};

    beforeAll(() => {
      const id = Number(
        site.php(
          `echo wp_insert_post(['post_title' => 'Poipet raids', 'post_status' => 'publish', 'post_content' => '<!-- wp:paragraph --><p>Text.</p><!-- /wp:paragraph -->', 'comment_status' => 'open', 'post_author' => 1]);`,
        ),
      );
      url = site.php(`echo get_permalink(${id});`);
      // Straight into the database, as an importer or another plugin may put them: not
      // filtered on the way in, so whatever they hold must be escaped on the way out.
      const insert = (
        name: string,
        author: string,
        text: string,
        extra = '',
      ) => {
        ids[name] = Number(
          site.php(
            `echo wp_insert_comment(['comment_post_ID' => ${id}, 'comment_author' => base64_decode('${Buffer.from(author).toString('base64')}'), 'comment_author_email' => '${name}@example.com', 'comment_content' => base64_decode('${Buffer.from(text).toString('base64')}'), 'comment_date' => '2025-07-2${Object.keys(ids).length} 10:00:00', ${extra}]);`,
          ),
        );
      };
      insert(
        'sreymom',
        'Sreymom',
        'Which provinces were raided?\n\nThe report names five.',
        "'comment_approved' => 1",
      );
      insert(
        'vanna',
        'Vanna',
        'Poipet, Sihanoukville & Phnom Penh.',
        `'comment_approved' => 1, 'comment_parent' => ${ids.sreymom}`,
      );
      insert(
        'mallory',
        '<img src=x onerror="window.pwned=1">Mallory',
        '<script>window.pwned=1</script>See </div></dateline-comments><b onmouseover="window.pwned=1">this</b>',
        "'comment_approved' => 1",
      );
      insert(
        'held',
        'Held',
        'A comment that awaits moderation.',
        "'comment_approved' => 0",
      );
    });

    it('in the HTML as served, escaped, without emails or comments that await moderation', async () => {
      const served = await (await fetch(url)).text();
      const element = served.slice(
        served.indexOf('<dateline-comments'),
        served.indexOf('</dateline-comments>'),
      );
      expect(element).toContain('Which provinces were raided?');
      expect(element).toContain('Poipet, Sihanoukville &amp; Phnom Penh.');
      expect(element).toContain('Comments (3)');
      expect(element).toContain(
        '&lt;img src=x onerror=&quot;window.pwned=1&quot;&gt;Mallory',
      );
      // Tags in a comment's text are left out, as the element shows text only: none survives.
      expect(element).toContain('<p>See this</p>');
      expect(served).not.toContain('window.pwned=1</script>');
      expect(served).not.toMatch(/<(img|b)\b[^>]*pwned/);
      expect(served).not.toContain('@example.com');
      expect(served).not.toContain('awaits moderation');
      // The loader, a module, waits for the page to be drawn.
      expect(served).toMatch(/<script type="module" [^>]*cdn\/dateline\.js/);
    });

    it('readable with scripts off, threaded as WordPress threads them', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(url);
      const reply = page.locator(
        `#comment-${ids.sreymom} > ol.children > #comment-${ids.vanna}`,
      );
      await expect.poll(() => reply.isVisible()).toBe(true);
      expect(await reply.locator('.fn').textContent()).toBe('Vanna');
      expect(
        await page
          .locator(`#comment-${ids.sreymom} > article .comment-content p`)
          .allTextContents(),
      ).toEqual(['Which provinces were raided?', 'The report names five.']);
      expect(
        await page.getByText('Which provinces were raided?').isVisible(),
      ).toBe(true);
      await context.close();
    });

    it('shows each comment once: the served copy until the element has its own, then the element’s', async () => {
      const page = await browser.newPage();
      page.setDefaultTimeout(10_000);
      // WordPress's answer to the element is held back, so the page is seen as it is before it comes.
      let answer!: () => void;
      const answered = new Promise<void>((resolve) => {
        answer = resolve;
      });
      await page.route('**/wp-json/wp/v2/comments**', async (route) => {
        await answered;
        await route.continue();
      });
      const asked = page.waitForRequest('**/wp-json/wp/v2/comments**');
      await page.goto(url);
      const visible = (text: string) =>
        page.getByText(text, { exact: true }).filter({ visible: true });
      // Upgraded and asking for its comments: the served ones are shown, once.
      await page.locator('dateline-comments').scrollIntoViewIfNeeded();
      await asked;
      await expect
        .poll(() => visible('Which provinces were raided?').count())
        .toBe(1);
      expect(
        await page.locator('dateline-comments article[part="comment"]').count(),
      ).toBe(0);
      // WordPress answers: the element's own comments, each once, and the served copy no longer shown.
      answer();
      await page
        .locator('dateline-comments article[part="comment"]', {
          hasText: 'Which provinces',
        })
        .waitFor();
      for (const text of [
        'Which provinces were raided?',
        'Poipet, Sihanoukville & Phnom Penh.',
        'Vanna',
        'Sreymom',
      ])
        expect(await visible(text).count(), text).toBe(1);
      expect(await page.locator('.dateline-comments-list').isVisible()).toBe(
        false,
      );
      expect(await page.evaluate(() => 'pwned' in window)).toBe(false);
      await page.close();
    });
  });
});
