import { afterEach, describe, expect, it } from 'vitest';
import { loadingAbove, watchNear } from './lazy.js';

afterEach(() => document.body.replaceChildren());

const frames = () =>
  new Promise<void>((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
  );

function page(html: string): Element {
  document.body.innerHTML = html;
  return document.querySelector('#section')!;
}

describe('loadingAbove', () => {
  it('finds a busy element above the section', () => {
    const section = page(
      '<div><p id="busy" aria-busy="true"></p></div><div id="section"></div>',
    );
    expect(loadingAbove(section)?.id).toBe('busy');
  });

  it('ignores what is below the section, inside it, or around it', () => {
    const section = page(
      '<main aria-busy="true"><div id="section"><p aria-busy="true"></p></div><p aria-busy="true"></p></main>',
    );
    expect(loadingAbove(section)).toBeUndefined();
  });

  it('ignores aria-busy="false" and undefined elements that are not ours', () => {
    const section = page(
      '<p aria-busy="false"></p><other-widget></other-widget><dateline-artcle></dateline-artcle><div id="section"></div>',
    );
    expect(loadingAbove(section)).toBeUndefined();
  });

  it('looks only within the section’s own shadow root', () => {
    document.body.innerHTML = '<p aria-busy="true"></p><div id="host"></div>';
    const root = document
      .querySelector('#host')!
      .attachShadow({ mode: 'open' });
    root.innerHTML = '<div id="section"></div>';
    expect(loadingAbove(root.querySelector('#section')!)).toBeUndefined();
  });
});

describe('watchNear', () => {
  it('calls once when in view, after what was busy above it is done', async () => {
    const section = page(
      '<p id="busy" aria-busy="true">Loading</p><div id="section">Comments</div>',
    );
    let calls = 0;
    watchNear(section, { rootMargin: '0px' }, () => calls++);
    await frames();
    expect(calls).toBe(0);
    document.querySelector('#busy')!.removeAttribute('aria-busy');
    await frames();
    await frames();
    expect(calls).toBe(1);
    // Once: later changes do not call it again.
    document.body.append(document.createElement('p'));
    await frames();
    expect(calls).toBe(1);
  });

  it('never calls once stopped', async () => {
    const section = page(
      '<p id="busy" aria-busy="true">Loading</p><div id="section">Comments</div>',
    );
    let calls = 0;
    const stop = watchNear(section, { rootMargin: '0px' }, () => calls++);
    stop();
    document.querySelector('#busy')!.removeAttribute('aria-busy');
    await frames();
    await frames();
    expect(calls).toBe(0);
  });

  it('keeps waiting while another element above is still busy', async () => {
    const section = page(
      '<p id="a" aria-busy="true"></p><p id="b" aria-busy="true"></p><div id="section">Comments</div>',
    );
    let calls = 0;
    watchNear(section, { rootMargin: '0px' }, () => calls++);
    document.querySelector('#a')!.removeAttribute('aria-busy');
    await frames();
    await frames();
    expect(calls).toBe(0);
    document.querySelector('#b')!.remove();
    await frames();
    await frames();
    expect(calls).toBe(1);
  });
});
