import {
  arrestBreakdown,
  formatEdtf,
  formatQuantity,
  OperationSchema,
  quantityBounds,
  subdivisionName,
  type Operation,
  type Quantity,
} from '@dateline/core';
import { html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { DataEvent } from '../shared/events.js';
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
 * the places with their provinces, the period, seizures, estimates and who made them.
 *
 * @fires dateline-load - A `DataEvent` once the operation is validated and shown.
 * @fires dateline-error - A `DataEvent` with a `message` when its data is invalid.
 * @csspart box - The box.
 * @csspart chart - The arrests table with its bars.
 * @cssprop --dateline-accent - The bars, the top rule and the lead figure.
 * @cssprop --dateline-surface - The box's background.
 */
export class DatelineOperation extends LitElement {
  static override styles = [base, styles];

  static override properties = {
    operation: { attribute: false },
    _error: { state: true },
  };

  /** The operation to show; validated with core's `OperationSchema`. */
  declare operation: Operation | undefined;
  declare private _error: string | undefined;
  declare private _valid: Operation | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.operation === undefined) {
      const script = this.querySelector('script[type="application/json"]');
      if (script?.textContent) {
        try {
          this.operation = JSON.parse(script.textContent) as Operation;
        } catch {
          this._error = 'The operation’s data is not valid JSON.';
        }
      }
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('operation') || this.operation === undefined) return;
    const parsed = OperationSchema.safeParse(this.operation);
    if (parsed.success) {
      this._valid = parsed.data;
      this._error = undefined;
      this.dispatchEvent(new DataEvent('dateline-load'));
    } else {
      this._valid = undefined;
      const first = parsed.error.issues[0]!;
      this._error = `The operation’s data is invalid: ${first.path.join('.') || 'operation'}: ${first.message}`;
      this.dispatchEvent(new DataEvent('dateline-error', this._error));
    }
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
        b.total && counted.length
          ? html`<p class="muted">The figures by nationality account for ${formatQuantity(b.named)} of the ${figure(b.total)} arrested${b.unaccountedAtMinimum ? html`; at least ${b.unaccountedAtMinimum.toLocaleString('en')} are not broken down` : nothing}.</p>`
          : nothing
      }
    </section>`;
  }

  protected override render() {
    if (this._error)
      return html`<div class="alert" role="alert">${this._error}</div>`;
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
            ? html`<div>
              <dt>Where${op.locations.count ? html` <span class="muted">(${formatQuantity(op.locations.count)})</span>` : nothing}</dt>
              <dd>
                <ul class="plain">
                  ${op.locations.named.map(({ name, place }) => {
                    if (!place) return html`<li>${name}</li>`;
                    const unit = place.subdivision
                      ? subdivisionName(place.subdivision)
                      : undefined;
                    const detail =
                      place.kind === 'city'
                        ? `city in ${unit} province`
                        : place.kind === 'municipality'
                          ? 'municipality'
                          : unit && unit !== name
                            ? `${unit} province`
                            : 'province';
                    return html`<li>${name} <span class="muted">— ${detail}${place.subdivision ? ` (${place.subdivision})` : ''}</span></li>`;
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
    </aside>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dateline-operation': DatelineOperation;
  }
}
