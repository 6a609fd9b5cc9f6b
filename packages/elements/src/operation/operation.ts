import {
  arrestBreakdown,
  formatEdtf,
  formatQuantity,
  OperationSchema,
  quantityBounds,
  subdivisionName,
  type NamedPlace,
  type Operation,
  type Quantity,
} from '@dateline/core';
import { html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DataEvent, type OmittedPart } from '../shared/events.js';
import { salvage } from '../shared/salvage.js';
import { base } from '../shared/styles.js';
import { styles } from './operation.styles.js';

const OFFENCE_LABELS: Record<string, string> = {
  'online-fraud': 'Online fraud',
  'human-trafficking': 'Human trafficking',
  'forced-labour': 'Forced labour',
  'child-labour': 'Child labour',
  torture: 'Torture',
  'money-laundering': 'Money laundering',
  'illegal-gambling': 'Illegal gambling',
  kidnapping: 'Kidnapping',
  corruption: 'Corruption',
};

/** The fact box's headings, by the part of the operation they show. */
const SECTIONS: ReadonlyArray<[prefix: string, heading: string]> = [
  ['period.', 'When'],
  ['directive', 'Ordered by'],
  ['locations.', 'Where'],
  ['arrests.total', 'Arrested'],
  ['arrests.', 'Arrests by nationality'],
  ['seizures.', 'Seized'],
  ['estimates.', 'Estimates'],
  ['offences.', 'Offences reported'],
  ['reactions.', 'Reactions'],
];

/** The headings of the sections a reader sees that lost a part; parts never shown are not named. */
function sectionsMissing(omitted: readonly OmittedPart[]): string[] {
  const headings = new Set<string>();
  for (const { path } of omitted) {
    const hit = SECTIONS.find(([prefix]) => `${path}.`.startsWith(prefix));
    if (hit) headings.add(hit[1]);
  }
  return [...headings];
}

/** Where a place is, in words: its province by name (its ISO code stays in the data). */
function placeDetail({ name, place }: NamedPlace): string | undefined {
  if (!place) return undefined;
  const unit = place.subdivision
    ? subdivisionName(place.subdivision)
    : undefined;
  switch (place.kind) {
    case 'city':
      return unit ? `city in ${unit} province` : 'city';
    case 'municipality':
      return 'municipality';
    case 'province':
      return unit && unit !== name ? `${unit} province` : 'province';
    default:
      return undefined;
  }
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const figure = (q: Quantity) => formatQuantity(q, 'en', { noun: false });

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

/**
 * The fact box of an enforcement operation: total arrests in words, a bar chart of arrests
 * by nationality (an open figure such as "more than 200" looks different from an exact one),
 * the places with their provinces, the period, seizures, estimates and who made them. A part
 * whose data is invalid (one arrests row, one seizure) is left out with a note; the rest shows.
 *
 * @fires dateline-load - A `DataEvent` once the operation is validated and shown; its `omitted` lists the parts left out.
 * @fires dateline-error - A `DataEvent` with a `message` when its data cannot be shown at all.
 * @csspart box - The box.
 * @csspart chart - The arrests table with its bars.
 * @csspart note - The note saying which part could not be shown.
 * @csspart error - The notice shown when the operation cannot be shown.
 * @cssprop --dateline-accent - The bars, the top rule and the lead figure.
 * @cssprop --dateline-surface - The box's background.
 */
export class DatelineOperation extends LitElement {
  static override styles = [base, styles];

  /** The operation to show; validated with core's `OperationSchema`. Set `undefined` to clear. */
  @property({ attribute: false }) operation: Operation | undefined;

  @state() private _error: string | undefined;
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
      this.fail('The operation’s inline data is not valid JSON.');
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('operation')) return;
    this._valid = undefined;
    this._omitted = [];
    this._error = undefined;
    if (this.operation === undefined) return;
    const result = salvage(OperationSchema, this.operation);
    if (result.ok) {
      this._valid = result.value;
      this._omitted = result.omitted;
      this.dispatchEvent(
        new DataEvent('dateline-load', undefined, result.omitted),
      );
    } else {
      const first = result.issues[0]!;
      this.fail(
        `The operation’s data is invalid: ${first.path.map(String).join('.') || 'operation'}: ${first.message}`,
      );
    }
  }

  private fail(message: string): void {
    this._valid = undefined;
    this._omitted = [];
    this._error = message;
    this.dispatchEvent(new DataEvent('dateline-error', message));
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
    return html`<section>
      ${
        counted.length
          ? html`<table part="chart">
            <caption>Arrests by nationality</caption>
            <thead class="visually-hidden"><tr><th scope="col">Nationality</th><th scope="col">Arrested</th><th scope="col">Bar</th></tr></thead>
            <tbody>
              ${counted.map(
                (r) => html`<tr>
                  <th scope="row">${r.demonym}</th>
                  <td class="figure">${figure(r.count!)}</td>
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
                <li><svg viewBox="0 0 24 12"><rect class="solid" width="24" height="12"></rect></svg>at least this many</li>
                ${hasOpen ? html`<li><svg viewBox="0 0 24 12"><rect class="open" width="24" height="12"></rect></svg>more, number not given</li>` : nothing}
                ${hasRange ? html`<li><svg viewBox="0 0 24 12"><rect class="range" width="24" height="12"></rect></svg>possible range</li>` : nothing}
              </ul>`
              : nothing
          }`
          : nothing
      }
      ${
        named.length || op.arrests.others
          ? html`<p>Also arrested, number not given: ${[...named.map((r) => r.demonym), ...(op.arrests.others ? ['people of other nationalities'] : [])].join(', ')}.</p>`
          : nothing
      }
      ${
        // A row left out would make the sum wrong: say nothing rather than something false.
        b.total &&
        counted.length &&
        !this._omitted.some((o) => o.path.startsWith('arrests.'))
          ? html`<p class="muted">The figures by nationality account for ${formatQuantity(b.named)} of the ${figure(b.total)} arrested${b.unaccountedAtMinimum ? html`; at least ${b.unaccountedAtMinimum.toLocaleString('en')} are not broken down` : nothing}.</p>`
          : nothing
      }
    </section>`;
  }

  protected override render() {
    if (this._error)
      return html`<div class="alert" role="alert" part="error">${this._error}</div>`;
    const op = this._valid;
    if (!op) return nothing;
    // OperationSchema has checked the period, so it formats.
    const period = formatEdtf(op.period.edtf);
    const total = op.arrests.total;
    return html`<aside part="box" aria-labelledby="op-title">
      <h2 id="op-title">The operation in figures</h2>
      ${total ? html`<p class="lead"><strong>${capitalize(figure(total))}</strong> arrested</p>` : nothing}
      <dl class="facts">
        <div>
          <dt>When</dt>
          <dd><time datetime=${op.period.edtf}>${period}</time>${op.period.wording ? html`<br /><span class="muted">“${op.period.wording}”</span>` : nothing}</dd>
        </div>
        ${
          op.directive
            ? html`<div>
              <dt>Ordered by</dt>
              <dd>${op.directive.role ? `${op.directive.role} ` : ''}${op.directive.issuedBy}</dd>
            </div>`
            : nothing
        }
        ${
          op.locations.named.length
            ? html`<div class="wide">
              <dt>Where${op.locations.count ? html` <span class="muted">(${formatQuantity(op.locations.count)})</span>` : nothing}</dt>
              <dd>
                <ul class="plain">
                  ${op.locations.named.map((named) => {
                    const detail = placeDetail(named);
                    return html`<li data-subdivision=${named.place?.subdivision ?? nothing}>${named.name}${detail ? html` <span class="muted">— ${detail}</span>` : nothing}</li>`;
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
            <h3>Seized</h3>
            <ul class="plain">${op.seizures.map((s) => html`<li>${s.quantity ? capitalize(formatQuantity({ ...s.quantity, noun: s.item })) : capitalize(s.item)}</li>`)}</ul>
          </section>`
          : nothing
      }
      ${
        op.estimates.length
          ? html`<section>
            <h3>Estimates</h3>
            <ul class="plain">
              ${op.estimates.map(
                (e) => html`<li>
                  <strong>${capitalize(figure(e.quantity))}</strong> ${e.what}
                  <span class="muted">— ${e.by ? `${e.by}${e.basis?.length ? `, citing ${e.basis.map((s) => s.name).join(' and ')}` : ''}` : 'source not named'}</span>
                </li>`,
              )}
            </ul>
          </section>`
          : nothing
      }
      ${
        op.offences.length
          ? html`<section>
            <h3>Offences reported</h3>
            <ul class="tags">${op.offences.map((o) => html`<li>${OFFENCE_LABELS[o] ?? o}</li>`)}</ul>
          </section>`
          : nothing
      }
      ${
        op.reactions.length
          ? html`<section>
            <h3>Reactions</h3>
            ${op.reactions.map((r) => html`<blockquote><p><strong>${r.organisation}</strong> (${r.stance}): ${r.summary}</p></blockquote>`)}
          </section>`
          : nothing
      }
      ${this.renderNote()}
    </aside>`;
  }

  /** Which sections lost a part because its data is invalid, so no reader takes the box as whole. */
  private renderNote() {
    const missing = sectionsMissing(this._omitted);
    return missing.length
      ? html`<p class="note" part="note">Part of this fact box could not be shown because its data is invalid (${missing.join(', ')}).</p>`
      : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dateline-operation': DatelineOperation;
  }
}
