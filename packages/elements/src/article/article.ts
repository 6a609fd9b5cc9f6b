import {
  ArticleSchema,
  toJsonLd,
  type Article,
  type Block,
} from '@dateline/core';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DataEvent, type OmittedPart } from '../shared/events.js';
import { salvage, type Issue } from '../shared/salvage.js';
import { base } from '../shared/styles.js';
import { styles } from './article.styles.js';
import { DatelineOperation } from '../operation/operation.js';
import { defineElement } from '../shared/define.js';

type State =
  | { state: 'empty' }
  | { state: 'loading' }
  | {
      state: 'ready';
      article: Article;
      omitted: readonly OmittedPart[];
      /** The data as given, where each fact box finds its own operation. */
      raw: unknown;
    }
  | { state: 'error'; message: string };

const JSON_LD_MARK = 'data-dateline-json-ld';

function describeIssues(issues: readonly Issue[]): string {
  const shown = issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || 'article'}: ${i.message}`);
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return `${shown.join('; ')}${more}`;
}

/** Parts left out inside a fact box: the box says so itself, where its figures are. */
const IN_FACT_BOX = /^body\.\d+\.operation\./;

/**
 * An operation as given, before the article's parse left anything out of it, found by its id:
 * the fact box checks it again, says what it left out, and makes no claim (such as what the
 * rows by nationality add up to) that a left-out row would make false.
 */
function givenOperation(raw: unknown, id: string): unknown {
  const body = (raw as { body?: unknown } | null)?.body;
  if (!Array.isArray(body)) return undefined;
  for (const block of body) {
    const operation = (block as { operation?: { id?: unknown } } | null)
      ?.operation;
    if (
      (block as { type?: unknown } | null)?.type === 'operation' &&
      typeof operation?.id === 'string' &&
      operation.id.trim() === id
    )
      return operation;
  }
  return undefined;
}

function renderBlock(block: Block, raw: unknown) {
  switch (block.type) {
    case 'paragraph':
      return html`<p>${block.text}</p>`;
    case 'heading':
      return block.level === 3
        ? html`<h3>${block.text}</h3>`
        : html`<h2>${block.text}</h2>`;
    case 'quote':
      return html`<blockquote><p>${block.text}</p>${block.attribution ? html`<footer>— ${block.attribution}</footer>` : nothing}</blockquote>`;
    case 'list':
      return block.ordered
        ? html`<ol>${block.items.map((i) => html`<li>${i}</li>`)}</ol>`
        : html`<ul>${block.items.map((i) => html`<li>${i}</li>`)}</ul>`;
    case 'operation':
      return html`<dateline-operation exportparts="box, chart, note: box-note" .operation=${givenOperation(raw, block.operation.id) ?? block.operation}></dateline-operation>`;
  }
}

/**
 * A news article: headline, standfirst, byline and dates when known, the dateline and the
 * body blocks, with an embedded operation shown as a `<dateline-operation>` fact box. Data
 * comes from the `.article` property, a `src` URL, or a child `<script type="application/json">`.
 * It writes the article's schema.org JSON-LD into the page for search engines.
 *
 * @fires dateline-load - A `DataEvent` once the article is validated and shown; its `omitted` lists the parts left out.
 * @fires dateline-error - A `DataEvent` with a `message` when the article cannot be shown.
 * @csspart article - The article.
 * @csspart headline - The headline.
 * @csspart note - The note saying that part of the article could not be shown.
 * @csspart error - The notice shown when the article cannot be shown.
 * @csspart box - The operation's fact box (from `<dateline-operation>`).
 * @csspart chart - The fact box's arrests table with its bars.
 * @csspart box-note - The fact box's note saying which part of it could not be shown.
 * @cssprop --dateline-measure - The widest a line of text gets (default 42rem).
 * @cssprop --dateline-article-reserve - Room kept for the article while its data loads, so what follows it does not move when it arrives (default one viewport's height).
 * @cssprop --dateline-headline-size - The headline's font size.
 * @cssprop --dateline-accent - Quotes and the fact box's accents.
 */
export class DatelineArticle extends LitElement {
  static override styles = [base, styles];

  /** The article to show; validated with core's `ArticleSchema`. Set `undefined` to clear. */
  @property({ attribute: false }) article: Article | undefined;
  /** A URL to fetch the article's JSON from, when no `.article` is set. */
  @property() src: string | undefined;
  /** Don't write the article's JSON-LD into the page. */
  @property({ type: Boolean, attribute: 'no-json-ld' }) noJsonLd = false;

  @state() private _state: State = { state: 'empty' };
  /** Counts loads, so an answer that arrives after a newer request is dropped. */
  private request = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    // The fact box is part of the article: make sure it can render even when only the
    // article's class was registered by hand.
    defineElement('dateline-operation', DatelineOperation);
    if (this.article === undefined && !this.src) {
      const script = this.querySelector(
        ':scope > script[type="application/json"]',
      );
      if (script)
        this.accept(
          () => JSON.parse(script.textContent ?? ''),
          'The article’s inline data',
        );
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.querySelector(`:scope > script[${JSON_LD_MARK}]`)?.remove();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('article') && !changed.has('src')) return;
    if (this.article !== undefined) {
      if (changed.has('article')) {
        this.request += 1; // a fetch still under way must not replace it
        this.accept(() => this.article, 'The article');
      }
    } else if (this.src) {
      void this.fetchArticle(this.src);
    } else {
      // Cleared: what was shown goes, rather than staying on screen as if current.
      this.request += 1;
      this._state = { state: 'empty' };
    }
  }

  // Untyped: `_state` is private, so it is not a key `PropertyValues<this>` knows.
  protected override updated(changed: PropertyValues): void {
    if (changed.has('_state') || changed.has('noJsonLd')) this.writeJsonLd();
    // Busy while the data is on its way: the host keeps room for the article meanwhile, and
    // a lazy comment section below waits for it before deciding whether it is near.
    if (changed.has('_state')) {
      if (this._state.state === 'loading')
        this.setAttribute('aria-busy', 'true');
      else this.removeAttribute('aria-busy');
    }
  }

  private async fetchArticle(src: string): Promise<void> {
    const request = ++this.request;
    this._state = { state: 'loading' };
    let data: unknown;
    try {
      const response = await fetch(src, {
        headers: { accept: 'application/json' },
      });
      if (!response.ok)
        throw new Error(
          `the server answered ${response.status} ${response.statusText}`.trim(),
        );
      data = await response.json();
    } catch (error) {
      if (request === this.request)
        this.fail(
          `This article could not be loaded (${error instanceof Error ? error.message : String(error)}).`,
        );
      return;
    }
    if (request === this.request)
      this.accept(() => data, 'The article at this address');
  }

  private accept(read: () => unknown, what: string): void {
    let data: unknown;
    try {
      data = read();
    } catch {
      this.fail(`${what} is not valid JSON.`);
      return;
    }
    // A bad block or field is left out with a note; only a bad required part fails it all.
    const result = salvage(ArticleSchema, data);
    if (!result.ok) {
      this.fail(
        `${what} could not be shown because its data is invalid: ${describeIssues(result.issues)}.`,
      );
      return;
    }
    this._state = {
      state: 'ready',
      article: result.value,
      omitted: result.omitted,
      raw: data,
    };
    this.dispatchEvent(
      new DataEvent('dateline-load', undefined, result.omitted),
    );
  }

  private fail(message: string): void {
    this._state = { state: 'error', message };
    this.dispatchEvent(new DataEvent('dateline-error', message));
  }

  /** JSON-LD lives in the light DOM, where crawlers read it; textContent never parses HTML. */
  private writeJsonLd(): void {
    let script = this.querySelector<HTMLScriptElement>(
      `:scope > script[${JSON_LD_MARK}]`,
    );
    if (this.noJsonLd || this._state.state !== 'ready') {
      script?.remove();
      return;
    }
    if (!script) {
      script = document.createElement('script');
      script.type = 'application/ld+json';
      script.setAttribute(JSON_LD_MARK, '');
      this.append(script);
    }
    script.textContent = JSON.stringify(toJsonLd(this._state.article));
  }

  protected override render() {
    const s = this._state;
    if (s.state === 'empty') return nothing;
    if (s.state === 'loading')
      return html`<p class="loading" role="status">Loading the article…</p>`;
    if (s.state === 'error')
      return html`<div class="alert" role="alert" part="error"><p>${s.message}</p></div>`;
    const a = s.article;
    const published = a.datePublished ? new Date(a.datePublished) : undefined;
    const modified = a.dateModified ? new Date(a.dateModified) : undefined;
    const dateFormat = new Intl.DateTimeFormat(a.language, {
      dateStyle: 'long',
    });
    return html`<article part="article" lang=${a.language}>
      <header>
        <h1 part="headline">${a.headline}</h1>
        ${a.standfirst ? html`<p class="standfirst">${a.standfirst}</p>` : nothing}
        ${
          a.byline?.length || published
            ? html`<p class="byline">
              ${
                a.byline?.length
                  ? html`By ${a.byline.map((p, i) => html`${i > 0 ? (i === a.byline!.length - 1 ? ' and ' : ', ') : ''}${p.url ? html`<a href=${p.url} rel="author">${p.name}</a>` : p.name}`)}`
                  : nothing
              }
              ${a.byline?.length && published ? ' · ' : nothing}
              ${published ? html`<time datetime=${a.datePublished!}>${dateFormat.format(published)}</time>` : nothing}
              ${modified ? html` · Updated <time datetime=${a.dateModified!}>${dateFormat.format(modified)}</time>` : nothing}
            </p>`
            : nothing
        }
      </header>
      ${a.body.map((block, i) =>
        i === 0 && a.dateline && block.type === 'paragraph'
          ? html`<p><span class="dateline">${a.dateline.place?.name ?? a.dateline.name}</span> — ${block.text}</p>`
          : renderBlock(block, s.raw),
      )}
      ${s.omitted.some((o) => !IN_FACT_BOX.test(o.path)) ? html`<p class="note" part="note">Part of this article could not be shown because its data is invalid.</p>` : nothing}
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dateline-article': DatelineArticle;
  }
}
