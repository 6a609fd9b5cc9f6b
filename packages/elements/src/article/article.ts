import {
  ArticleSchema,
  formatDate,
  listFormat,
  toJsonLd,
  type Article,
  type Block,
} from '@dateline/core';
import { str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DatelineOperation } from '../operation/operation.js';
import { issueMessage } from '../operation/issue-message.js';
import { markupList, SLOTS, withMarkup } from '../operation/with-markup.js';
import { defineElement } from '../shared/define.js';
import { DataEvent, type OmittedPart } from '../shared/events.js';
import { hydrateSupport } from '../shared/hydrate.js';
import {
  directionOf,
  formatNumber,
  inLocale,
  Localized,
  msg,
  plural,
} from '../shared/localize.js';
import { salvage, type Issue } from '../shared/salvage.js';
import { base } from '../shared/styles.js';
import { styles } from './article.styles.js';

// Takes over what the server wrote, when it did (see `hydrateSupport`).
hydrateSupport();

/** Where the article's data came from: the `.article` property, a child script, or `src`. */
type Source = 'property' | 'inline' | 'address';

/** Why the article cannot be shown: kept as a reason, so its words follow a change of language. */
type Problem =
  | { kind: 'unreachable' }
  | { kind: 'status'; status: string }
  | { kind: 'json'; source: 'inline' | 'address' }
  | { kind: 'invalid'; source: Source; issues: readonly Issue[] };

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
  | { state: 'error'; problem: Problem };

const JSON_LD_MARK = 'data-dateline-json-ld';

/** The first few issues, each where it is (a field's path, as written in the data) and what is wrong. */
function describeIssues(issues: readonly Issue[], locale: string): string {
  const shown = issues
    .slice(0, 3)
    .map(
      (i) =>
        `${i.path.map(String).join('.') || 'article'}: ${issueMessage(i, locale)}`,
    )
    .join('; ');
  const more = issues.length - 3;
  if (more <= 0) return shown;
  const count = formatNumber(more);
  return plural(more, {
    zero: () =>
      msg(str`${shown} (and ${count} more)`, {
        id: 'article.error.more.zero',
        desc: 'After the first problems found in an article’s data (`shown`), how many more there are.',
      }),
    one: () =>
      msg(str`${shown} (and ${count} more)`, {
        id: 'article.error.more.one',
        desc: 'After the first problems found in an article’s data (`shown`), how many more there are.',
      }),
    two: () =>
      msg(str`${shown} (and ${count} more)`, {
        id: 'article.error.more.two',
        desc: 'After the first problems found in an article’s data (`shown`), how many more there are.',
      }),
    few: () =>
      msg(str`${shown} (and ${count} more)`, {
        id: 'article.error.more.few',
        desc: 'After the first problems found in an article’s data (`shown`), how many more there are.',
      }),
    many: () =>
      msg(str`${shown} (and ${count} more)`, {
        id: 'article.error.more.many',
        desc: 'After the first problems found in an article’s data (`shown`), how many more there are.',
      }),
    other: () =>
      msg(str`${shown} (and ${count} more)`, {
        id: 'article.error.more.other',
        desc: 'After the first problems found in an article’s data (`shown`), how many more there are.',
      }),
  });
}

/** What went wrong, in the language of the element being rendered. */
function describe(problem: Problem, locale: string): string {
  switch (problem.kind) {
    case 'unreachable':
      return msg(
        'This article could not be loaded (the server could not be reached).',
        { id: 'article.error.unreachable' },
      );
    case 'status': {
      const { status } = problem;
      return msg(
        str`This article could not be loaded (the server answered ${status}).`,
        { id: 'article.error.status' },
      );
    }
    case 'json':
      return problem.source === 'inline'
        ? msg('The article’s inline data is not valid JSON.', {
            id: 'article.error.inline-json',
          })
        : msg('The article at this address is not valid JSON.', {
            id: 'article.error.address-json',
          });
    case 'invalid': {
      const problems = describeIssues(problem.issues, locale);
      switch (problem.source) {
        case 'inline':
          return msg(
            str`The article’s inline data could not be shown because its data is invalid: ${problems}.`,
            { id: 'article.error.inline-invalid' },
          );
        case 'address':
          return msg(
            str`The article at this address could not be shown because its data is invalid: ${problems}.`,
            { id: 'article.error.address-invalid' },
          );
        default:
          return msg(
            str`The article could not be shown because its data is invalid: ${problems}.`,
            { id: 'article.error.invalid' },
          );
      }
    }
  }
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

/**
 * A block of the article's text, in the article's language (`lang`); the fact box writes in the
 * reader's, as the chrome around the text does, and marks the operation's words with `lang`.
 */
function renderBlock(block: Block, raw: unknown, lang: string) {
  switch (block.type) {
    case 'paragraph':
      return html`<p lang=${lang} dir=${directionOf(lang)}>${block.text}</p>`;
    case 'heading':
      return block.level === 3
        ? html`<h3 lang=${lang} dir=${directionOf(lang)}>${block.text}</h3>`
        : html`<h2 lang=${lang} dir=${directionOf(lang)}>${block.text}</h2>`;
    case 'quote':
      return html`<blockquote lang=${lang} dir=${directionOf(lang)}><p>${block.text}</p>${block.attribution ? html`<footer>— ${block.attribution}</footer>` : nothing}</blockquote>`;
    case 'list':
      return block.ordered
        ? html`<ol lang=${lang} dir=${directionOf(lang)}>${block.items.map((i) => html`<li>${i}</li>`)}</ol>`
        : html`<ul lang=${lang} dir=${directionOf(lang)}>${block.items.map((i) => html`<li>${i}</li>`)}</ul>`;
    case 'operation':
      return html`<dateline-operation exportparts="box, chart, note: box-note" content-lang=${lang} .operation=${givenOperation(raw, block.operation.id) ?? block.operation}></dateline-operation>`;
  }
}

/**
 * A news article: headline, standfirst, byline and dates when known, the dateline and the
 * body blocks, with an embedded operation shown as a `<dateline-operation>` fact box. Data
 * comes from the `.article` property, a `src` URL, or a child `<script type="application/json">`.
 * It writes the article's schema.org JSON-LD into the page for search engines. Its byline,
 * dates, notes and fact box are in the reader's language (its `lang`, an ancestor's, or the
 * page's); the headline and body keep the article's own `language`.
 *
 * @fires dateline-load - A `DataEvent` once the article is validated and shown; its `omitted` lists the parts left out.
 * @fires dateline-error - A `DataEvent` with a `message` (in the reader's language) when the article cannot be shown.
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
export class DatelineArticle extends Localized(LitElement) {
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
      if (script) {
        let data: unknown;
        try {
          data = JSON.parse(script.textContent ?? '');
        } catch {
          this.fail({ kind: 'json', source: 'inline' });
          return;
        }
        this.accept(data, 'inline');
      }
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
        this.accept(this.article, 'property');
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
    // A fact box takes its language from this shadow root, where no change of `lang` is
    // observed: it looks again once the article has written in its new one.
    for (const box of this.renderRoot.querySelectorAll('dateline-operation'))
      box.relocale();
  }

  private async fetchArticle(src: string): Promise<void> {
    const request = ++this.request;
    this._state = { state: 'loading' };
    let text: string;
    try {
      const response = await fetch(src, {
        headers: { accept: 'application/json' },
      });
      if (!response.ok) {
        if (request === this.request)
          this.fail({
            kind: 'status',
            status: `${response.status} ${response.statusText}`.trim(),
          });
        return;
      }
      text = await response.text();
    } catch {
      if (request === this.request) this.fail({ kind: 'unreachable' });
      return;
    }
    if (request !== this.request) return;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      this.fail({ kind: 'json', source: 'address' });
      return;
    }
    this.accept(data, 'address');
  }

  private accept(data: unknown, source: Source): void {
    // A bad block or field is left out with a note; only a bad required part fails it all.
    const result = salvage(ArticleSchema, data);
    if (!result.ok) {
      this.fail({ kind: 'invalid', source, issues: result.issues });
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

  private fail(problem: Problem): void {
    this._state = { state: 'error', problem };
    // The event says what the notice says, in the same language.
    const message = inLocale(this.locale, () => describe(problem, this.locale));
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

  /** Who wrote it and when, in the reader's language; the names stay as the article gives them. */
  private renderByline(a: Article) {
    const locale = this.locale;
    const published = a.datePublished ? new Date(a.datePublished) : undefined;
    const modified = a.dateModified ? new Date(a.dateModified) : undefined;
    const authors = a.byline?.length
      ? markupList(
          a.byline.map((p) =>
            p.url ? html`<a href=${p.url} rel="author">${p.name}</a>` : p.name,
          ),
          listFormat({ locale }),
        )
      : undefined;
    if (!authors && !published) return nothing;
    const [names] = SLOTS;
    const [date] = SLOTS;
    return html`<p class="byline">
      ${
        authors
          ? withMarkup(
              msg(str`By ${names}`, {
                id: 'article.byline',
                desc: 'The article’s authors, as a list (some are links).',
              }),
              [() => authors],
            )
          : nothing
      }
      ${authors && published ? ' · ' : nothing}
      ${published ? html`<time datetime=${a.datePublished!}>${formatDate(published, { locale })}</time>` : nothing}
      ${
        modified
          ? html` · ${withMarkup(
              msg(str`Updated ${date}`, {
                id: 'article.updated',
                desc: 'The date the article was last changed, after the date it was published.',
              }),
              [
                () =>
                  html`<time datetime=${a.dateModified!}>${formatDate(modified, { locale })}</time>`,
              ],
            )}`
          : nothing
      }
    </p>`;
  }

  protected override render() {
    const s = this._state;
    const locale = this.locale;
    if (s.state === 'empty') return nothing;
    if (s.state === 'loading')
      return html`<p class="loading" role="status" lang=${locale}>${msg('Loading the article…', { id: 'article.loading' })}</p>`;
    if (s.state === 'error')
      return html`<div class="alert" role="alert" part="error" lang=${locale}><p>${describe(s.problem, locale)}</p></div>`;
    const a = s.article;
    const lang = a.language;
    // The chrome (byline, dates, notes, the fact box) is in the reader's language; the
    // article's own text keeps the language it is written in.
    return html`<article part="article" lang=${locale}>
      <header>
        <h1 part="headline" lang=${lang} dir=${directionOf(lang)}>${a.headline}</h1>
        ${a.standfirst ? html`<p class="standfirst" lang=${lang} dir=${directionOf(lang)}>${a.standfirst}</p>` : nothing}
        ${this.renderByline(a)}
      </header>
      ${a.body.map((block, i) =>
        i === 0 && a.dateline && block.type === 'paragraph'
          ? html`<p lang=${lang} dir=${directionOf(lang)}><span class="dateline">${a.dateline.place?.name ?? a.dateline.name}</span> — ${block.text}</p>`
          : renderBlock(block, s.raw, lang),
      )}
      ${
        s.omitted.some((o) => !IN_FACT_BOX.test(o.path))
          ? html`<p class="note" part="note">${msg(
              'Part of this article could not be shown because its data is invalid.',
              { id: 'article.note' },
            )}</p>`
          : nothing
      }
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dateline-article': DatelineArticle;
  }
}
