import { cdp, page } from 'vitest/browser';
import { afterEach, describe, expect, it } from 'vitest';
import { DatelineArticle, DatelineComments } from '../index.js';
import {
  controllableStore,
  deepQuery,
  deepQueryAll,
  expectAccessible,
  makeComment,
  seedArticle,
  until,
} from '../test/helpers.js';

const threadId = seedArticle.comments.threadId;
const style = (el: Element) => getComputedStyle(el);

let pageStyles: HTMLStyleElement[] = [];
/** Adds a style sheet to the host page, as a site's own CSS would be. */
function pageCss(text: string): void {
  const sheet = document.createElement('style');
  sheet.textContent = text;
  document.head.append(sheet);
  pageStyles.push(sheet);
}

afterEach(async () => {
  document.body.replaceChildren();
  for (const sheet of pageStyles) sheet.remove();
  pageStyles = [];
  await cdp().send('Emulation.setEmulatedMedia', { features: [] });
  await page.viewport(414, 896);
});

/** Puts elements into the page inside a wrapper that stands for the site's own layout. */
async function place<
  T extends HTMLElement & { updateComplete: Promise<unknown> },
>(els: T[], wrapperStyle = ''): Promise<void> {
  const wrapper = document.createElement('main');
  wrapper.setAttribute('style', wrapperStyle);
  wrapper.append(...els);
  document.body.append(wrapper);
  await Promise.all(els.map((el) => el.updateComplete));
}

function commentsWith(
  ...comments: ReturnType<typeof makeComment>[]
): DatelineComments {
  const el = new DatelineComments();
  el.threadId = threadId;
  el.store = controllableStore(comments).store;
  return el;
}

function seedArticleElement(): DatelineArticle {
  const el = new DatelineArticle();
  el.article = seedArticle;
  el.noJsonLd = true;
  return el;
}

const submitOf = (root: Element) =>
  deepQuery<HTMLButtonElement>(root, '[part="submit"]')!;

describe('styles on any page', () => {
  it('keeps the page’s rules out of the elements, and theirs out of the page', async () => {
    pageCss(`
      button, .button { background-color: rgb(0, 255, 0); border-radius: 30px; }
      h3 { margin-left: 77px; }
      article { border-left: 9px solid rgb(0, 0, 255); }
    `);
    const el = commentsWith(makeComment('1'));
    const outsideButton = Object.assign(document.createElement('button'), {
      className: 'button',
      textContent: 'The site’s own',
    });
    const outsideHidden = Object.assign(document.createElement('span'), {
      className: 'visually-hidden',
      textContent: 'The site’s own',
    });
    await place([el]);
    document.body.append(outsideButton, outsideHidden);
    await until(() => deepQuery(el, '[part="comment"]'), 'the comment');

    expect(style(submitOf(el)).backgroundColor).toBe('rgb(164, 22, 26)');
    expect(style(submitOf(el)).borderRadius).not.toBe('30px');
    expect(style(deepQuery(el, 'h3')!).marginLeft).not.toBe('77px');
    expect(style(deepQuery(el, '[part="comment"]')!).borderLeftWidth).toBe(
      '0px',
    );
    // The elements' classes mean nothing outside them
    expect(style(submitOf(el)).minHeight).toBe('44px');
    expect(style(outsideButton).minHeight).not.toBe('44px');
    expect(style(outsideHidden).position).toBe('static');
  });

  it('inherits the page’s font and colour', async () => {
    const el = commentsWith(makeComment('1'));
    const article = seedArticleElement();
    await place(
      [article, el],
      'font-family: "Courier New", monospace; font-size: 21px; color: rgb(10, 20, 30)',
    );
    const body = await until(
      () => deepQuery(el, '.body p'),
      'the comment body',
    );

    for (const text of [
      body,
      deepQuery(el, 'label')!,
      deepQuery(article, 'p')!,
      deepQuery(article, 'h1')!,
    ]) {
      expect(style(text).fontFamily).toBe('"Courier New", monospace');
      expect(style(text).color).toBe('rgb(10, 20, 30)');
    }
    expect(style(body).fontSize).toBe('21px');
  });

  it('takes the page’s --dateline-* tokens, and ::part rules through the elements that contain others', async () => {
    pageCss(`
      dateline-comments::part(submit) { text-transform: uppercase; }
      dateline-comments::part(form-heading) { letter-spacing: 3px; }
      dateline-comments::part(comment) { outline: 3px solid rgb(0, 128, 0); }
      dateline-article::part(box) { border-top: 7px solid rgb(0, 0, 255); }
      dateline-article::part(headline) { word-spacing: 5px; }
    `);
    const el = commentsWith(makeComment('1'));
    el.style.setProperty('--dateline-accent', 'rgb(1, 2, 3)');
    el.style.setProperty('--dateline-on-accent', 'rgb(250, 250, 250)');
    el.style.setProperty('--dateline-radius', '0px');
    const article = seedArticleElement();
    await place([article, el]);
    await until(() => deepQuery(el, '[part="comment"]'), 'the comment');

    const submit = style(submitOf(el));
    expect([
      submit.backgroundColor,
      submit.color,
      submit.borderRadius,
      submit.textTransform,
    ]).toEqual(['rgb(1, 2, 3)', 'rgb(250, 250, 250)', '0px', 'uppercase']);
    expect(
      style(deepQuery(el, '[part="heading"]#reply-title')!).letterSpacing,
    ).toBe('3px');
    expect(style(deepQuery(el, '[part="comment"]')!).outlineColor).toBe(
      'rgb(0, 128, 0)',
    );
    const box = await until(
      () => deepQuery(article, '[part="box"]'),
      'the fact box',
    );
    expect(style(box).borderTopWidth).toBe('7px');
    expect(style(deepQuery(article, '[part="headline"]')!).wordSpacing).toBe(
      '5px',
    );
  });

  it('follows the reader’s dark scheme on a page that has one, and stays legible on a page that has not', async () => {
    const el = commentsWith(
      makeComment('1', null, {
        author: { name: 'Sophal', url: 'https://example.org/sophal' },
      }),
    );
    await place(
      [el],
      'color-scheme: light dark; background: Canvas; color: CanvasText',
    );
    await until(() => deepQuery(el, '[part="comment"]'), 'the comment');
    const colours = () => [
      style(submitOf(el)).backgroundColor,
      style(submitOf(el)).color,
      style(deepQuery(el, 'a.author')!).color,
    ];
    expect(colours()).toEqual([
      'rgb(164, 22, 26)',
      'rgb(255, 255, 255)',
      'rgb(164, 22, 26)',
    ]);
    await expectAccessible(el);

    await cdp().send('Emulation.setEmulatedMedia', {
      features: [{ name: 'prefers-color-scheme', value: 'dark' }],
    });
    expect(colours()).toEqual([
      'rgb(255, 138, 128)',
      'rgb(26, 26, 26)',
      'rgb(255, 138, 128)',
    ]);
    await expectAccessible(el);

    // A page without a dark scheme stays light for a reader who prefers dark, and so do the
    // elements: pale links on its white background would be unreadable.
    document.body.replaceChildren();
    const light = commentsWith(
      makeComment('1', null, {
        author: { name: 'Sophal', url: 'https://example.org/sophal' },
      }),
    );
    await place([light], 'background: white; color: rgb(26, 26, 26)');
    await until(() => deepQuery(light, '[part="comment"]'), 'the comment');
    expect(style(deepQuery(light, 'a.author')!).color).toBe('rgb(164, 22, 26)');
    await expectAccessible(light);
  });

  it('fits a 320 px phone column: the seed article, and a thread five replies deep with long words', async () => {
    await page.viewport(320, 640);
    const long = 'Unbreakable'.repeat(12);
    const thread = [
      makeComment('1', null, {
        author: { name: long, url: `https://example.org/${long}` },
        body: `See https://example.org/${long}/${long}`,
      }),
    ];
    for (let depth = 2; depth <= 5; depth++)
      thread.push(
        makeComment(String(depth), String(depth - 1), {
          body: `${long} ${long}`,
        }),
      );
    const el = commentsWith(...thread);
    const article = seedArticleElement();
    await place([article, el]);
    await until(() => deepQuery(el, '#comment-5'), 'the fifth reply');
    deepQuery<HTMLButtonElement>(el, '#reply-5')!.click();
    await until(
      () => deepQuery(el, '#comment-5 dateline-comment-form'),
      'the reply form under the deepest comment',
    );

    const width = document.documentElement.clientWidth;
    expect(document.documentElement.scrollWidth).toBe(width);
    const overflowing = [article, el]
      .flatMap((host) => deepQueryAll<HTMLElement>(host, '*'))
      .filter(
        (node) =>
          node.getClientRects().length > 0 &&
          node.getBoundingClientRect().right > width + 0.5,
      )
      .map(
        (node) =>
          `${node.localName}${node.id ? `#${node.id}` : ''}.${node.className}`,
      );
    expect(overflowing).toEqual([]);
  });
});
