import {
  arrestBreakdown,
  countryName,
  demonym,
  formatEdtf,
  formatList,
  formatQuantity,
  listFormat,
  OperationSchema,
  quantityBounds,
  subdivisionName,
  type NamedPlace,
  type Operation,
  type Quantity,
} from '@dateline/core';
import { str } from '@lit/localize';
import { html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DataEvent, type OmittedPart } from '../shared/events.js';
import {
  formatNumber,
  inLocale,
  Localized,
  msg,
  plural,
} from '../shared/localize.js';
import { salvage, type Issue } from '../shared/salvage.js';
import { base } from '../shared/styles.js';
import { issueMessage } from './issue-message.js';
import { styles } from './operation.styles.js';
import { capitalize, markupList, SLOTS, withMarkup } from './with-markup.js';

/** The parts of the box, each under its own heading. */
type Section =
  | 'when'
  | 'ordered-by'
  | 'where'
  | 'arrested'
  | 'by-nationality'
  | 'seized'
  | 'estimates'
  | 'offences'
  | 'reactions';

/** The section that shows each part of the operation. */
const SECTIONS: ReadonlyArray<[prefix: string, section: Section]> = [
  ['period.', 'when'],
  ['directive', 'ordered-by'],
  ['locations.', 'where'],
  ['arrests.total', 'arrested'],
  ['arrests.', 'by-nationality'],
  ['seizures.', 'seized'],
  ['estimates.', 'estimates'],
  ['offences.', 'offences'],
  ['reactions.', 'reactions'],
];

/** A section's heading, in the language of the element being rendered. */
function heading(section: Section): string {
  switch (section) {
    case 'when':
      return msg('When', { id: 'operation.heading.when' });
    case 'ordered-by':
      return msg('Ordered by', { id: 'operation.heading.ordered-by' });
    case 'where':
      return msg('Where', { id: 'operation.heading.where' });
    case 'arrested':
      return msg('Arrested', {
        id: 'operation.heading.arrested',
        desc: 'Heading of the chart’s column of figures: how many people of a nationality were arrested.',
      });
    case 'by-nationality':
      return msg('Arrests by nationality', {
        id: 'operation.heading.by-nationality',
      });
    case 'seized':
      return msg('Seized', { id: 'operation.heading.seized' });
    case 'estimates':
      return msg('Estimates', { id: 'operation.heading.estimates' });
    case 'offences':
      return msg('Offences reported', { id: 'operation.heading.offences' });
    case 'reactions':
      return msg('Reactions', { id: 'operation.heading.reactions' });
  }
}

/** An offence's name; the schema allows only these codes. */
function offenceName(offence: Operation['offences'][number]): string {
  switch (offence) {
    case 'online-fraud':
      return msg('Online fraud', { id: 'operation.offence.online-fraud' });
    case 'human-trafficking':
      return msg('Human trafficking', {
        id: 'operation.offence.human-trafficking',
      });
    case 'forced-labour':
      return msg('Forced labour', { id: 'operation.offence.forced-labour' });
    case 'child-labour':
      return msg('Child labour', { id: 'operation.offence.child-labour' });
    case 'torture':
      return msg('Torture', { id: 'operation.offence.torture' });
    case 'money-laundering':
      return msg('Money laundering', {
        id: 'operation.offence.money-laundering',
      });
    case 'illegal-gambling':
      return msg('Illegal gambling', {
        id: 'operation.offence.illegal-gambling',
      });
    case 'kidnapping':
      return msg('Kidnapping', { id: 'operation.offence.kidnapping' });
    case 'corruption':
      return msg('Corruption', { id: 'operation.offence.corruption' });
    default:
      return String(offence);
  }
}

/** How an organisation took the operation. */
function stanceName(stance: Operation['reactions'][number]['stance']): string {
  switch (stance) {
    case 'supportive':
      return msg('supportive', {
        id: 'operation.stance.supportive',
        desc: 'An organisation’s stance on the operation, in brackets after its name.',
      });
    case 'concerned':
      return msg('concerned', {
        id: 'operation.stance.concerned',
        desc: 'An organisation’s stance on the operation, in brackets after its name.',
      });
    case 'critical':
      return msg('critical', {
        id: 'operation.stance.critical',
        desc: 'An organisation’s stance on the operation, in brackets after its name.',
      });
    case 'neutral':
      return msg('neutral', {
        id: 'operation.stance.neutral',
        desc: 'An organisation’s stance on the operation, in brackets after its name.',
      });
    default:
      return String(stance);
  }
}

/** The headings of the sections a reader sees that lost a part; parts never shown are not named. */
function sectionsMissing(omitted: readonly OmittedPart[]): Section[] {
  const sections = new Set<Section>();
  for (const { path } of omitted) {
    const hit = SECTIONS.find(([prefix]) => `${path}.`.startsWith(prefix));
    if (hit) sections.add(hit[1]);
  }
  return [...sections];
}

/**
 * A province's name from the gazetteer, which names Cambodia's provinces in English: marked so,
 * whatever the language around it.
 */
function english(text: string) {
  return html`<span lang="en" dir="auto">${text}</span>`;
}

/** Where a place is, in words: its province by name (its ISO code stays in the data). */
function placeDetail({ name, place }: NamedPlace) {
  if (!place) return undefined;
  const provinceName = place.subdivision
    ? subdivisionName(place.subdivision)
    : undefined;
  const [province] = SLOTS;
  const named = (sentence: string) =>
    withMarkup(spaced(sentence, [provinceName]), [
      () => english(provinceName!),
    ]);
  switch (place.kind) {
    case 'city':
      return provinceName
        ? named(
            msg(str`city in ${province} province`, {
              id: 'operation.place.city-in-province',
              desc: 'After a place the report names (“Poipet — city in Banteay Meanchey province”): what kind of place it is.',
            }),
          )
        : msg('city', {
            id: 'operation.place.city',
            desc: 'After a place the report names (“Poipet — city in Banteay Meanchey province”): what kind of place it is.',
          });
    case 'municipality':
      return msg('municipality', {
        id: 'operation.place.municipality',
        desc: 'After a place the report names (“Poipet — city in Banteay Meanchey province”): what kind of place it is.',
      });
    case 'province':
      return provinceName && provinceName !== name
        ? named(
            msg(str`${province} province`, {
              id: 'operation.place.province-named',
              desc: 'After a place the report names (“Poipet — city in Banteay Meanchey province”): what kind of place it is.',
            }),
          )
        : msg('province', {
            id: 'operation.place.province',
            desc: 'After a place the report names (“Poipet — city in Banteay Meanchey province”): what kind of place it is.',
          });
    default:
      return undefined;
  }
}

const SLOT = new RegExp(`([${SLOTS.join('')}])`);
/** What words are made of: letters, their marks, digits. */
const WORDLIKE = /[\p{L}\p{M}\p{N}]/u;
const LATIN = /\p{Script=Latin}/u;

/**
 * A translated sentence whose slots will hold `texts` (undefined: a slot that holds no text),
 * with a space wherever a text in Latin letters meets a letter of another script with none
 * between. Thai, Khmer and Chinese write their words together ("หลายร้อย{what}"), but a word
 * of the report in English is set apart ("หลายร้อย computers"); a space the translation has
 * stays one space.
 */
function spaced(
  sentence: string,
  texts: readonly (string | undefined)[],
): string {
  const apart = (a: string | undefined, b: string | undefined) =>
    a !== undefined &&
    b !== undefined &&
    WORDLIKE.test(a) &&
    WORDLIKE.test(b) &&
    LATIN.test(a) !== LATIN.test(b);
  const pieces = sentence.split(SLOT);
  let out = '';
  for (let i = 0; i < pieces.length; i += 1) {
    const piece = pieces[i]!;
    const index = i % 2 === 1 ? SLOTS.indexOf(piece as never) : -1;
    const text = index === -1 ? undefined : texts[index];
    if (text === undefined) {
      out += piece;
      continue;
    }
    const before = [...out].at(-1);
    const after = [...(pieces[i + 1] ?? '')][0];
    const chars = [...text];
    if (apart(before, chars[0])) out += ' ';
    out += piece;
    if (apart(chars.at(-1), after)) out += ' ';
  }
  return out;
}

/**
 * One bar: solid up to the lowest the figure can be; a lighter band up to its highest when it
 * is a range or a vague word; a fading tail and an arrow when it has no upper bound.
 */
function bar(q: Quantity, scale: number) {
  const { min, max } = quantityBounds(q);
  const x = (v: number) => Math.min(100, (v / scale) * 100);
  const solid = x(min);
  return svg`<svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
    <rect class="solid" x="0" y="1" width=${solid} height="8"></rect>
    ${
      max === Infinity
        ? svg`<rect class="open" x=${solid} y="1" width=${Math.min(12, 100 - solid)} height="8"></rect>`
        : max > min
          ? svg`<rect class="range" x=${solid} y="1" width=${x(max) - solid} height="8"></rect>`
          : nothing
    }
  </svg>`;
}

/** Why the box cannot be shown: kept as a reason, so its words follow a change of language. */
type Problem = { kind: 'inline-json' } | { kind: 'invalid'; issue: Issue };

/**
 * The fact box of an enforcement operation: total arrests in words, a bar chart of arrests
 * by nationality (an open figure such as "more than 200" looks different from an exact one),
 * the places with their provinces, the period, seizures, estimates and who made them. A part
 * whose data is invalid (one arrests row, one seizure) is left out with a note; the rest shows.
 * It writes in the language of its `lang` (its own, an ancestor's, or the page's); the
 * operation's own words (places, wordings, items) keep `content-lang`.
 *
 * @fires dateline-load - A `DataEvent` once the operation is validated and shown; its `omitted` lists the parts left out.
 * @fires dateline-error - A `DataEvent` with a `message` (in the box's language) when its data cannot be shown at all.
 * @csspart box - The box.
 * @csspart chart - The arrests table with its bars.
 * @csspart note - The note saying which part could not be shown.
 * @csspart error - The notice shown when the operation cannot be shown.
 * @cssprop --dateline-accent - The bars, the top rule and the lead figure.
 * @cssprop --dateline-surface - The box's background.
 */
export class DatelineOperation extends Localized(LitElement) {
  static override styles = [base, styles];

  /** The operation to show; validated with core's `OperationSchema`. Set `undefined` to clear. */
  @property({ attribute: false }) operation: Operation | undefined;
  /** The language the operation's own words are written in (BCP 47), when not the box's; `<dateline-article>` sets the article's. */
  @property({ attribute: 'content-lang' }) contentLang: string | undefined;

  @state() private _problem: Problem | undefined;
  private _valid: Operation | undefined;
  private _omitted: readonly OmittedPart[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.operation !== undefined) return;
    const script = this.querySelector(
      ':scope > script[type="application/json"]',
    );
    if (!script) return;
    try {
      this.operation = JSON.parse(script.textContent ?? '') as Operation;
    } catch {
      this.fail({ kind: 'inline-json' });
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('operation')) return;
    this._valid = undefined;
    this._omitted = [];
    this._problem = undefined;
    if (this.operation === undefined) return;
    const result = salvage(OperationSchema, this.operation);
    if (result.ok) {
      this._valid = result.value;
      this._omitted = result.omitted;
      this.dispatchEvent(
        new DataEvent('dateline-load', undefined, result.omitted),
      );
    } else {
      this.fail({ kind: 'invalid', issue: result.issues[0]! });
    }
  }

  private fail(problem: Problem): void {
    this._valid = undefined;
    this._omitted = [];
    this._problem = problem;
    // The event says what the notice says, in the same language.
    const message = inLocale(this.locale, () => this.describe(problem));
    this.dispatchEvent(new DataEvent('dateline-error', message));
  }

  private describe(problem: Problem): string {
    if (problem.kind === 'inline-json')
      return msg('The operation’s inline data is not valid JSON.', {
        id: 'operation.error.inline-json',
      });
    const { issue } = problem;
    // The path names fields of the data, for whoever fixes it: it stays as written.
    const where = issue.path.map(String).join('.') || 'operation';
    const why = issueMessage(issue, this.locale);
    return msg(str`The operation’s data is invalid: ${where}: ${why}`, {
      id: 'operation.error.invalid',
    });
  }

  /** A figure without its noun ("more than 200"), in the box's language. */
  private figure(q: Quantity): string {
    return formatQuantity(q, this.locale, { noun: false });
  }

  /** A nationality, plural ("Indonesians"); a country the words do not cover goes by its name. */
  private nationality(code: string): string {
    return (
      demonym(code, { plural: true, locale: this.locale }) ??
      countryName(code, this.locale) ??
      code
    );
  }

  /** A list with the language's separators and no "and": the figures' rows already read as a list. */
  private list(items: readonly string[]): string {
    return formatList(items, { locale: this.locale, style: 'narrow' });
  }

  /**
   * A quantity with what it counts ("hundreds of computers"), in the box's language, the
   * report's noun marked with its own language and set apart from the words around it;
   * `sentence` puts the quantity in the sentence that shows it. `first`: a capital to start.
   */
  private counted(
    q: Quantity,
    first = false,
    sentence: (quantity: string) => string = (quantity) => quantity,
  ) {
    const [slot] = SLOTS;
    const noun = q.noun || undefined;
    const text = sentence(
      formatQuantity(noun ? { ...q, noun: slot } : q, this.locale),
    );
    return withMarkup(
      spaced(first ? capitalize(text, this.locale) : text, [noun]),
      [
        (start) =>
          this.own(
            first && start
              ? capitalize(noun!, this.contentLang || this.locale)
              : noun!,
          ),
      ],
    );
  }

  /**
   * The operation's own words, marked with their language when it is known, and set apart so
   * that a left-to-right name keeps its order in a right-to-left sentence and the reverse.
   */
  private own(text: string) {
    return html`<span lang=${this.contentLang || nothing} dir="auto">${text}</span>`;
  }

  private renderArrests(op: Operation) {
    const b = arrestBreakdown(op);
    const counted = b.rows.filter((r) => r.count);
    const named = b.rows.filter((r) => !r.count);
    const scale = Math.max(
      1,
      ...counted.map((r) =>
        r.bounds!.max === Infinity ? r.bounds!.min * 1.15 : r.bounds!.max,
      ),
    );
    const hasOpen = counted.some((r) => r.bounds!.max === Infinity);
    const hasRange = counted.some(
      (r) => r.bounds!.max !== Infinity && r.bounds!.max > r.bounds!.min,
    );
    const unnumbered = [
      ...named.map((r) => this.nationality(r.country)),
      ...(op.arrests.others
        ? [
            msg('people of other nationalities', {
              id: 'operation.other-nationalities',
            }),
          ]
        : []),
    ];
    const nationalities = this.list(unnumbered);
    return html`<section class="arrests">
      ${
        counted.length
          ? html`<table part="chart">
            <caption>${heading('by-nationality')}</caption>
            <thead class="visually-hidden"><tr><th scope="col">${msg('Nationality', { id: 'operation.chart.nationality', desc: 'Header, read by screen readers only, of the chart’s column of nationalities.' })}</th><th scope="col">${heading('arrested')}</th><th scope="col">${msg('Bar', { id: 'operation.chart.bar', desc: 'Header, read by screen readers only, of the chart’s column of bars.' })}</th></tr></thead>
            <tbody>
              ${counted.map(
                (r) => html`<tr>
                  <th scope="row">${this.nationality(r.country)}</th>
                  <td class="figure">${this.figure(r.count!)}</td>
                  <td class="bar">${bar(r.count!, scale)}</td>
                </tr>`,
              )}
            </tbody>
          </table>
          <svg width="0" height="0" aria-hidden="true" focusable="false" style="position:absolute">
            <defs><linearGradient id="open-fade"><stop class="fade-from" offset="0"></stop><stop class="fade-to" offset="1"></stop></linearGradient></defs>
          </svg>
          ${
            hasOpen || hasRange
              ? html`<ul class="legend" aria-hidden="true">
                <li><svg viewBox="0 0 24 12"><rect class="solid" width="24" height="12"></rect></svg>${msg('at least this many', { id: 'operation.legend.at-least' })}</li>
                ${hasOpen ? html`<li><svg viewBox="0 0 24 12"><rect class="open" width="24" height="12"></rect></svg>${msg('more, number not given', { id: 'operation.legend.open' })}</li>` : nothing}
                ${hasRange ? html`<li><svg viewBox="0 0 24 12"><rect class="range" width="24" height="12"></rect></svg>${msg('possible range', { id: 'operation.legend.range' })}</li>` : nothing}
              </ul>`
              : nothing
          }`
          : nothing
      }
      ${
        unnumbered.length
          ? html`<p>${msg(str`Also arrested, number not given: ${nationalities}.`, { id: 'operation.also-arrested', desc: 'After the chart: nationalities the report names among those arrested without saying how many; the list is written by the language’s own list rules.' })}</p>`
          : nothing
      }
      ${
        // A row left out would make the sum wrong: say nothing rather than something false.
        b.total &&
        counted.length &&
        !this._omitted.some((o) => o.path.startsWith('arrests.'))
          ? html`<p class="muted">${this.accountedFor(b.named, b.total, b.unaccountedAtMinimum)}</p>`
          : nothing
      }
    </section>`;
  }

  /** What the rows by nationality add up to, of the total, and how many at least they leave out. */
  private accountedFor(sum: Quantity, all: Quantity, rest = 0): string {
    const named = formatQuantity(sum, this.locale);
    const total = this.figure(all);
    if (!rest)
      return msg(
        str`The figures by nationality account for ${named} of the ${total} arrested.`,
        { id: 'operation.accounted-for' },
      );
    const count = formatNumber(rest);
    return plural(rest, {
      zero: () =>
        msg(
          str`The figures by nationality account for ${named} of the ${total} arrested; at least ${count} are not broken down.`,
          { id: 'operation.accounted-for-rest.zero' },
        ),
      one: () =>
        msg(
          str`The figures by nationality account for ${named} of the ${total} arrested; at least ${count} is not broken down.`,
          { id: 'operation.accounted-for-rest.one' },
        ),
      two: () =>
        msg(
          str`The figures by nationality account for ${named} of the ${total} arrested; at least ${count} are not broken down.`,
          { id: 'operation.accounted-for-rest.two' },
        ),
      few: () =>
        msg(
          str`The figures by nationality account for ${named} of the ${total} arrested; at least ${count} are not broken down.`,
          { id: 'operation.accounted-for-rest.few' },
        ),
      many: () =>
        msg(
          str`The figures by nationality account for ${named} of the ${total} arrested; at least ${count} are not broken down.`,
          { id: 'operation.accounted-for-rest.many' },
        ),
      other: () =>
        msg(
          str`The figures by nationality account for ${named} of the ${total} arrested; at least ${count} are not broken down.`,
          { id: 'operation.accounted-for-rest.other' },
        ),
    });
  }

  /** Who made an estimate, and whom they cite. */
  private attribution(estimate: Operation['estimates'][number]) {
    if (!estimate.by)
      return msg('source not named', {
        id: 'operation.estimate.unnamed',
        desc: 'Beside an estimate whose author the report does not name.',
      });
    if (!estimate.basis?.length) return this.own(estimate.by);
    const [by, sources] = SLOTS;
    const names = markupList(
      estimate.basis.map((s) => this.own(s.name)),
      listFormat({ locale: this.locale }),
    );
    return withMarkup(
      msg(str`${by}, citing ${sources}`, {
        id: 'operation.estimate.citing',
        desc: 'Who made an estimate and the sources they rely on (a list).',
      }),
      [() => this.own(estimate.by!), () => names],
    );
  }

  protected override render() {
    const locale = this.locale;
    if (this._problem)
      return html`<div class="alert" role="alert" part="error" lang=${locale}>${this.describe(this._problem)}</div>`;
    const op = this._valid;
    if (!op) return nothing;
    const content = this.contentLang || nothing;
    // OperationSchema has checked the period, so it formats.
    const period = formatEdtf(op.period.edtf, { locale });
    const total = op.arrests.total ? this.figure(op.arrests.total) : undefined;
    const placeCount = op.locations.count;
    const [figure] = SLOTS;
    const [wording] = SLOTS;
    return html`<aside part="box" aria-labelledby="op-title" lang=${locale}>
      <h2 id="op-title">${msg('The operation in figures', { id: 'operation.title' })}</h2>
      ${
        total
          ? html`<p class="lead">${withMarkup(
              msg(str`${figure} arrested`, {
                id: 'operation.lead',
                desc: 'The box’s lead: the figure (“more than 1,000”) is shown large, on a line of its own.',
              }),
              [
                (first) =>
                  html`<strong>${first ? capitalize(total, locale) : total}</strong>`,
              ],
            )}</p>`
          : nothing
      }
      <dl class="facts">
        <div>
          <dt>${heading('when')}</dt>
          <dd><time datetime=${op.period.edtf}>${period}</time>${
            op.period.wording
              ? html`<br /><span class="muted">${withMarkup(
                  msg(str`“${wording}”`, {
                    id: 'operation.period.wording',
                    desc: 'The report’s own words for when it happened, quoted.',
                  }),
                  [() => this.own(op.period.wording!)],
                )}</span>`
              : nothing
          }</dd>
        </div>
        ${
          op.directive
            ? html`<div>
              <dt>${heading('ordered-by')}</dt>
              <dd lang=${content} dir="auto">${op.directive.role ? `${op.directive.role} ` : ''}${op.directive.issuedBy}</dd>
            </div>`
            : nothing
        }
        ${
          op.locations.named.length
            ? html`<div class="wide">
              <dt>${heading('where')}${
                placeCount
                  ? html` <span class="muted">${this.counted(
                      placeCount,
                      false,
                      (places) =>
                        msg(str`(${places})`, {
                          id: 'operation.where.count',
                        }),
                    )}</span>`
                  : nothing
              }</dt>
              <dd>
                <ul class="plain">
                  ${op.locations.named.map((named) => {
                    const detail = placeDetail(named);
                    return html`<li data-subdivision=${named.place?.subdivision ?? nothing}>${this.own(named.name)}${detail ? html` <span class="muted">— ${detail}</span>` : nothing}</li>`;
                  })}
                </ul>
              </dd>
            </div>`
            : nothing
        }
      </dl>
      ${this.renderArrests(op)}
      ${
        op.seizures.length
          ? html`<section>
            <h3>${heading('seized')}</h3>
            <ul class="plain">${op.seizures.map((s) =>
              s.quantity
                ? html`<li>${this.counted({ ...s.quantity, noun: s.item }, true)}</li>`
                : html`<li lang=${content} dir="auto">${capitalize(s.item, this.contentLang || locale)}</li>`,
            )}</ul>
          </section>`
          : nothing
      }
      ${
        op.estimates.length
          ? html`<section>
            <h3>${heading('estimates')}</h3>
            <ul class="plain">
              ${op.estimates.map((e) => {
                const amount = this.figure(e.quantity);
                const [figure, what] = SLOTS;
                return html`<li>
                  ${withMarkup(
                    msg(str`${figure} ${what}`, {
                      id: 'operation.estimate',
                      desc: 'An estimate: the figure (“more than 100,000”, in bold) and what it counts, in the report’s words (“people who may be trapped in modern-day slavery”).',
                    }),
                    [
                      (first) =>
                        html`<strong>${first ? capitalize(amount, locale) : amount}</strong>`,
                      () => this.own(e.what),
                    ],
                  )}
                  <span class="muted">— ${this.attribution(e)}</span>
                </li>`;
              })}
            </ul>
          </section>`
          : nothing
      }
      ${
        op.offences.length
          ? html`<section>
            <h3>${heading('offences')}</h3>
            <ul class="tags">${op.offences.map((o) => html`<li>${offenceName(o)}</li>`)}</ul>
          </section>`
          : nothing
      }
      ${
        op.reactions.length
          ? html`<section>
            <h3>${heading('reactions')}</h3>
            ${op.reactions.map((r) => {
              const [organisation, summary] = SLOTS;
              const stance = stanceName(r.stance);
              return html`<blockquote><p>${withMarkup(
                msg(str`${organisation} (${stance}): ${summary}`, {
                  id: 'operation.reaction',
                  desc: 'An organisation’s reaction: its name (bold), its stance (one word: supportive, concerned, critical or neutral) and a summary in the report’s words.',
                }),
                [
                  () =>
                    html`<strong lang=${content} dir="auto">${r.organisation}</strong>`,
                  () => this.own(r.summary),
                ],
              )}</p></blockquote>`;
            })}
          </section>`
          : nothing
      }
      ${this.renderNote()}
    </aside>`;
  }

  /** Which sections lost a part because its data is invalid, so no reader takes the box as whole. */
  private renderNote() {
    const missing = sectionsMissing(this._omitted);
    const sections = this.list(missing.map(heading));
    return missing.length
      ? html`<p class="note" part="note">${msg(
          str`Part of this fact box could not be shown because its data is invalid (${sections}).`,
          {
            id: 'operation.note',
            desc: 'The sections are the fact box’s own headings, listed.',
          },
        )}</p>`
      : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dateline-operation': DatelineOperation;
  }
}
