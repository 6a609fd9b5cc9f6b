import {
  fieldErrors,
  NEW_COMMENT_LIMITS,
  NewCommentSchema,
  newId,
  CommentStoreError,
  type Comment,
  type CommentStore,
  type CreateCommentOptions,
  type FieldErrors,
  type NewCommentInput,
} from '@dateline/core';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
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

/** The draft, with whether the author asked to hear about follow-up comments. */

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
 * @fires {CommentPostedEvent} dateline-comment-posted - Once the store accepted the comment.
 * @fires {CancelReplyEvent} dateline-reply-cancel - When the reader cancels a reply ("Cancel reply", or Esc in the form).
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

  /** The thread the comment belongs to. */
  @property({ attribute: 'thread-id' }) threadId = '';
  /** The comment being replied to; empty for a top-level comment. */
  @property({ attribute: 'parent-id' }) parentId: string | null = null;
  /** Whom the reply is to, for the heading "Leave a Reply to NAME". */
  @property({ attribute: 'reply-to-name' }) replyToName: string | null = null;
  /** Where comments are posted; without one, the browser's local store (demo mode). */
  @property({ attribute: false }) store: CommentStore | undefined;
  /** The comment service's API root ("/api"), when no `.store` is set. */
  @property() endpoint: string | undefined;
  /** A WordPress site's address whose REST API holds the comments, with `post-id`. */
  @property({ attribute: 'wordpress-site' }) wordpressSite: string | undefined;
  /** The WordPress post whose comments these are, with `wordpress-site`. */
  @property({ type: Number, attribute: 'post-id' }) postId: number | undefined;
  /** Whether the thread is closed to new comments. */
  @property({ type: Boolean, reflect: true }) closed = false;

  @state() private _draft: Draft = emptyDraft(null);
  @state() private _save = false;
  @state() private _errors: FieldErrors = {};
  @state() private _failure:
    | { message: string; retryable: boolean }
    | undefined;
  @state() private _posting = false;
  private _honeypot = '';
  /**
   * Where keyboard focus goes once the next render is on screen: the first field in error, or
   * the failure notice. The Post button it was on was disabled while posting, which drops
   * focus to the page's body and leaves the reader lost.
   */
  private focusNext: string | undefined;

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
    // Only the comment service mails readers; elsewhere the box is not shown, nor asked for.
    const notify = this.offersMail && this._draft.notify === true;
    // A retry of the same words keeps the key, so the store answers with the first result.
    // Ticking the box changes the request, so it takes a new key.
    const fingerprint = JSON.stringify(
      notify ? { ...parsed.data, notify } : parsed.data,
    );
    const attempt =
      this._draft.attempt?.fingerprint === fingerprint
        ? this._draft.attempt
        : { key: newId(), fingerprint };
    this.updateDraft({ attempt });

    this._posting = true;
    this._errors = {};
    this._failure = undefined;
    try {
      const { store } = await resolveStore(this);
      const options: CreateCommentOptions & { notify?: boolean } = {
        idempotencyKey: attempt.key,
        ...(this._honeypot ? { honeypot: this._honeypot } : {}),
        ...(notify ? { notify } : {}),
      };
      const comment = await store.create(input, options);
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
    // Made apart from the dispatch: given `new X(arg)` there, the manifest's analyzer lists a
    // second event named after the argument, besides the `@fires` one.
    const posted = new CommentPostedEvent(comment);
    this.dispatchEvent(posted);
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
    this.focusNext = '.alert';
  }

  private showErrors(errors: FieldErrors): void {
    this._errors = errors;
    this._failure = FIELDS.some((f) => errors[f])
      ? undefined
      : {
          message:
            Object.values(errors)[0] ?? 'Your comment could not be posted.',
          retryable: false,
        };
    const first = FIELDS.find((f) => errors[f]);
    this.focusNext = first ? `#${FIELD_IDS[first]}` : '.alert';
  }

  protected override updated(): void {
    if (!this.focusNext) return;
    this.renderRoot.querySelector<HTMLElement>(this.focusNext)?.focus();
    this.focusNext = undefined;
  }

  /** Whether the form posts to the comment service (or a store the page gave), which mails. */
  private get offersMail(): boolean {
    return this.endpoint !== undefined || this.store !== undefined;
  }

  private onNotifyChange(event: Event): void {
    this.updateDraft({ notify: (event.target as HTMLInputElement).checked });
  }

  private onSaveChange(event: Event): void {
    this._save = (event.target as HTMLInputElement).checked;
    if (!this._save) details.forget();
  }

  private cancel(): void {
    const cancelled = new CancelReplyEvent();
    this.dispatchEvent(cancelled);
  }

  /** Esc in a reply form cancels the reply, as it closes other things that opened in place. */
  private onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || !this.parentId || event.defaultPrevented)
      return;
    event.preventDefault();
    this.cancel();
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
    return html`<form part="form" novalidate @submit=${this.onSubmit} @keydown=${this.onKeydown} aria-labelledby="reply-title" aria-busy=${this._posting ? 'true' : 'false'}>
      <div class="heading-row">
        <h3 id="reply-title" part="heading">${replying && this.replyToName ? html`Leave a Reply to <bdi>${this.replyToName}</bdi>` : 'Leave a Reply'}</h3>
        ${replying ? html`<button type="button" class="link-button" @click=${this.cancel}>Cancel reply</button>` : nothing}
      </div>
      <p class="notes">Your email address will not be published. Required fields are marked <span class="required" aria-hidden="true">*</span><span class="visually-hidden">with an asterisk</span></p>
      ${this.field(
        'body',
        'Comment',
        ({ id, invalid, describedBy }) =>
          html`<textarea id=${id} name="comment" rows="6" maxlength=${NEW_COMMENT_LIMITS.body} required aria-required="true" aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy} .value=${d.body} @input=${(e: Event) => this.onInput('body', e)}></textarea>`,
        true,
      )}
      <div class="details">
        ${this.textInput('author.name', 'Name', 'text', 'name', NEW_COMMENT_LIMITS.name, true, d.name)}
        ${this.textInput('author.email', 'Email', 'email', 'email', NEW_COMMENT_LIMITS.email, true, d.email)}
        ${this.textInput('author.url', 'Website', 'url', 'url', NEW_COMMENT_LIMITS.url, false, d.url)}
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
        this.offersMail
          ? html`<label class="consent">
        <input type="checkbox" name="notify" .checked=${d.notify === true} @change=${this.onNotifyChange} />
        <span>Notify me of follow-up comments by email.</span>
      </label>`
          : nothing
      }
      ${
        this._failure
          ? html`<div class="alert" role="alert" part="error" tabindex="-1">
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
