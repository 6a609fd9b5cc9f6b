import {
  fieldErrors,
  NewCommentSchema,
  newId,
  CommentStoreError,
  type Comment,
  type CommentStore,
  type FieldErrors,
  type NewCommentInput,
} from '@dateline/core';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { CancelReplyEvent, CommentPostedEvent } from '../shared/events.js';
import { details, drafts, isEmptyDraft, type Draft } from '../shared/draft.js';
import { resolveStore } from '../shared/store.js';
import { base } from '../shared/styles.js';
import { styles } from './comment-form.styles.js';

const FIELDS = ['body', 'author.name', 'author.email', 'author.url'] as const;
type Field = (typeof FIELDS)[number];
/** Ids and names as WordPress's form has them, so browsers autofill as they do there. */
const FIELD_IDS: Record<Field, string> = {
  body: 'comment',
  'author.name': 'author',
  'author.email': 'email',
  'author.url': 'url',
};

const emptyDraft = (parentId: string | null): Draft => ({
  body: '',
  name: '',
  email: '',
  url: '',
  parentId,
});

/**
 * The "Leave a Reply" form, as WordPress shows it: Comment, Name, Email and Website, the
 * "save my details" box and "Post Comment". Validates with core's `NewCommentSchema`, keeps
 * the reader's draft in localStorage until the store accepts it, and retries with the same
 * idempotency key so a retry never posts twice.
 *
 * @fires dateline-comment-posted - A `CommentPostedEvent` once the store accepted the comment.
 * @fires cancel - A `CancelReplyEvent` when the reader cancels a reply.
 * @csspart form - The form.
 * @csspart heading - The "Leave a Reply" heading.
 * @csspart field - Each label and input group.
 * @csspart submit - The "Post Comment" button.
 * @csspart error - Field messages and the failure notice.
 * @cssprop --dateline-accent - Buttons, links and focus rings.
 * @cssprop --dateline-danger - Required marks and error messages.
 * @cssprop --dateline-border - Input borders.
 */
export class DatelineCommentForm extends LitElement {
  static override styles = [base, styles];

  static override properties = {
    threadId: { type: String, attribute: 'thread-id' },
    parentId: { type: String, attribute: 'parent-id' },
    replyToName: { type: String, attribute: 'reply-to-name' },
    store: { attribute: false },
    endpoint: { type: String },
    wordpressSite: { type: String, attribute: 'wordpress-site' },
    postId: { type: Number, attribute: 'post-id' },
    closed: { type: Boolean, reflect: true },
    _draft: { state: true },
    _save: { state: true },
    _errors: { state: true },
    _failure: { state: true },
    _posting: { state: true },
  };

  /** The thread the comment belongs to. */
  declare threadId: string;
  /** The comment being replied to; empty for a top-level comment. */
  declare parentId: string | null;
  /** Whom the reply is to, for the heading "Leave a Reply to NAME". */
  declare replyToName: string | null;
  /** Where comments are posted; without one, the browser's local store (demo mode). */
  declare store: CommentStore | undefined;
  /** The comment service's API root ("/api"), when no `.store` is set. */
  declare endpoint: string | undefined;
  /** A WordPress site's address whose REST API holds the comments, with `post-id`. */
  declare wordpressSite: string | undefined;
  /** The WordPress post whose comments these are, with `wordpress-site`. */
  declare postId: number | undefined;
  /** Whether the thread is closed to new comments. */
  declare closed: boolean;

  declare private _draft: Draft;
  declare private _save: boolean;
  declare private _errors: FieldErrors;
  declare private _failure: { message: string; retryable: boolean } | undefined;
  declare private _posting: boolean;
  private _honeypot = '';

  constructor() {
    super();
    this.threadId = '';
    this.parentId = null;
    this.replyToName = null;
    this.closed = false;
    this._draft = emptyDraft(null);
    this._save = false;
    this._errors = {};
    this._posting = false;
  }

  /** Moves keyboard focus to the comment box. */
  override focus(options?: FocusOptions): void {
    this.renderRoot
      .querySelector<HTMLTextAreaElement>('#comment')
      ?.focus(options);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('threadId')) this.restore();
  }

  /** The draft for this thread, or the saved details, or nothing. */
  private restore(): void {
    const saved = details.load();
    const draft = this.threadId ? drafts.load(this.threadId) : undefined;
    this._save = saved !== undefined;
    this._draft = draft ?? {
      ...emptyDraft(this.parentId || null),
      ...(saved ?? {}),
    };
    this._errors = {};
    this._failure = undefined;
  }

  private updateDraft(change: Partial<Draft>): void {
    this._draft = { ...this._draft, ...change };
    if (!this.threadId) return;
    if (isEmptyDraft(this._draft)) drafts.clear(this.threadId);
    else drafts.save(this.threadId, this._draft);
  }

  private onInput(field: Field, event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLTextAreaElement)
      .value;
    const key =
      field === 'body'
        ? 'body'
        : (field.slice('author.'.length) as 'name' | 'email' | 'url');
    // The draft records which comment it answers only as the reader types, so a form that
    // merely appears (the top-level one while a reply draft waits) never takes it over.
    this.updateDraft({ [key]: value, parentId: this.parentId || null });
    if (this._errors[field]) {
      const { [field]: _fixed, ...rest } = this._errors;
      this._errors = rest;
    }
  }

  private input(): NewCommentInput {
    const d = this._draft;
    const parentId = this.parentId || null;
    return {
      threadId: this.threadId,
      ...(parentId ? { parentId } : {}),
      author: {
        name: d.name,
        email: d.email,
        ...(d.url.trim() ? { url: d.url } : {}),
      },
      body: d.body,
    };
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this._posting) return;
    const input = this.input();
    const parsed = NewCommentSchema.safeParse(input);
    if (!parsed.success) {
      this.showErrors(fieldErrors(parsed.error));
      return;
    }
    // A retry of the same words keeps the key, so the store answers with the first result.
    const fingerprint = JSON.stringify(parsed.data);
    const attempt =
      this._draft.attempt?.fingerprint === fingerprint
        ? this._draft.attempt
        : { key: newId(), fingerprint };
    this.updateDraft({ attempt });

    this._posting = true;
    this._errors = {};
    this._failure = undefined;
    try {
      const { store } = resolveStore(this);
      const comment = await store.create(input, {
        idempotencyKey: attempt.key,
        ...(this._honeypot ? { honeypot: this._honeypot } : {}),
      });
      this.accepted(comment);
    } catch (error) {
      this.failed(error);
    } finally {
      this._posting = false;
    }
  }

  private accepted(comment: Comment): void {
    const d = this._draft;
    if (this._save)
      details.save({
        name: d.name.trim(),
        email: d.email.trim(),
        url: d.url.trim(),
      });
    else details.forget();
    drafts.clear(this.threadId);
    // Keep the reader's details in the form, as WordPress does; only the comment is cleared.
    this._draft = {
      ...emptyDraft(null),
      ...(this._save ? { name: d.name, email: d.email, url: d.url } : {}),
    };
    this.dispatchEvent(new CommentPostedEvent(comment));
  }

  private failed(error: unknown): void {
    if (
      error instanceof CommentStoreError &&
      Object.keys(error.fields).some((k) =>
        (FIELDS as readonly string[]).includes(k),
      )
    ) {
      this.showErrors(error.fields);
      return;
    }
    const retryable = !(error instanceof CommentStoreError) || error.retryable;
    let message: string;
    if (error instanceof CommentStoreError) {
      message =
        error.code === 'too-fast' && error.retryAfter
          ? `You are posting comments too quickly. Please wait ${error.retryAfter} seconds and try again.`
          : error.message;
    } else {
      message =
        'Your comment could not be sent. Check your connection and try again.';
    }
    this._failure = {
      message: `${message} Your comment has been kept.`,
      retryable,
    };
  }

  private async showErrors(errors: FieldErrors): Promise<void> {
    this._errors = errors;
    this._failure = FIELDS.some((f) => errors[f])
      ? undefined
      : {
          message:
            Object.values(errors)[0] ?? 'Your comment could not be posted.',
          retryable: false,
        };
    await this.updateComplete;
    const first = FIELDS.find((f) => errors[f]);
    if (first)
      this.renderRoot
        .querySelector<HTMLElement>(`#${FIELD_IDS[first]}`)
        ?.focus();
  }

  private onSaveChange(event: Event): void {
    this._save = (event.target as HTMLInputElement).checked;
    if (!this._save) details.forget();
  }

  private cancel(): void {
    this.dispatchEvent(new CancelReplyEvent());
  }

  private field(
    field: Field,
    label: string,
    control: (attrs: {
      id: string;
      invalid: boolean;
      describedBy: string | typeof nothing;
    }) => unknown,
    required: boolean,
  ) {
    const id = FIELD_IDS[field];
    const error = this._errors[field];
    return html`<div class="field" part="field">
      <label for=${id}>${label}${required ? html` <span class="required" aria-hidden="true">*</span>` : nothing}</label>
      ${control({ id, invalid: Boolean(error), describedBy: error ? `${id}-error` : nothing })}
      ${error ? html`<p class="error" id="${id}-error" part="error">${error}</p>` : nothing}
    </div>`;
  }

  private textInput(
    field: Field,
    label: string,
    type: string,
    autocomplete: string,
    max: number,
    required: boolean,
    value: string,
  ) {
    return this.field(
      field,
      label,
      ({ id, invalid, describedBy }) =>
        html`<input id=${id} name=${FIELD_IDS[field]} type=${type} autocomplete=${autocomplete} maxlength=${max} ?required=${required} aria-required=${required ? 'true' : 'false'} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy} .value=${value} @input=${(e: Event) => this.onInput(field, e)} />`,
      required,
    );
  }

  protected override render() {
    if (this.closed) return html`<p class="notes">Comments are closed.</p>`;
    const d = this._draft;
    const replying = Boolean(this.parentId);
    return html`<form part="form" novalidate @submit=${this.onSubmit} aria-labelledby="reply-title" aria-busy=${this._posting ? 'true' : 'false'}>
      <div class="heading-row">
        <h3 id="reply-title" part="heading">${replying && this.replyToName ? `Leave a Reply to ${this.replyToName}` : 'Leave a Reply'}</h3>
        ${replying ? html`<button type="button" class="link-button" @click=${this.cancel}>Cancel reply</button>` : nothing}
      </div>
      <p class="notes">Your email address will not be published. Required fields are marked <span class="required" aria-hidden="true">*</span><span class="visually-hidden">with an asterisk</span></p>
      ${this.field(
        'body',
        'Comment',
        ({ id, invalid, describedBy }) =>
          html`<textarea id=${id} name="comment" rows="6" maxlength="65525" required aria-required="true" aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy} .value=${d.body} @input=${(e: Event) => this.onInput('body', e)}></textarea>`,
        true,
      )}
      <div class="details">
        ${this.textInput('author.name', 'Name', 'text', 'name', 245, true, d.name)}
        ${this.textInput('author.email', 'Email', 'email', 'email', 100, true, d.email)}
        ${this.textInput('author.url', 'Website', 'url', 'url', 200, false, d.url)}
      </div>
      <div class="honeypot" aria-hidden="true">
        <label for="hp">Leave this field empty</label>
        <input id="hp" name="hp" type="text" tabindex="-1" autocomplete="off" @input=${(e: Event) => (this._honeypot = (e.target as HTMLInputElement).value)} />
      </div>
      <label class="consent">
        <input type="checkbox" name="save-details" .checked=${this._save} @change=${this.onSaveChange} />
        <span>Save my name, email, and website in this browser for the next time I comment.</span>
      </label>
      ${
        this._failure
          ? html`<div class="alert" role="alert" part="error">
            <p>${this._failure.message}</p>
            ${this._failure.retryable ? html`<button type="submit" class="link-button">Try again</button>` : nothing}
          </div>`
          : nothing
      }
      <div class="actions">
        <button class="button" type="submit" part="submit" ?disabled=${this._posting}>
          ${this._posting ? html`<span class="spinner" aria-hidden="true"></span>` : nothing} Post Comment
        </button>
        <span class="status" role="status">${this._posting ? 'Posting your comment…' : ''}</span>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dateline-comment-form': DatelineCommentForm;
  }
}
