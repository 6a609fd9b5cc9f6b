import {
  englishCommentMessages,
  fieldErrors,
  NEW_COMMENT_LIMITS,
  NewCommentSchema,
  newId,
  CommentStoreError,
  type Comment,
  type CommentIssueCode,
  type CommentStore,
  type CreateCommentOptions,
  type MessageParams,
  type NewCommentInput,
} from '@dateline/core';
import { str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { aroundSlot, SLOT } from '../comments/slot.js';
import { CancelReplyEvent, CommentPostedEvent } from '../shared/events.js';
import { details, drafts, isEmptyDraft, type Draft } from '../shared/draft.js';
import {
  formatNumber,
  type Locale,
  Localized,
  msg,
  plural,
} from '../shared/localize.js';
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

/** An issue as core's schemas report it: all `fieldErrors` needs to word it in a language. */
interface FieldIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly params?: unknown;
  readonly message: string;
}

/**
 * Why a field was refused, kept rather than its words, so that every render words it in the
 * form's language, and a change of `lang` rewords it.
 */
type Refusal =
  /** One of core's issues, worded by its code through core's catalogue. */
  | { issue: FieldIssue }
  /** The store already holds these words from this author. */
  | 'duplicate'
  /** A store's reason in words of its own, which cannot be translated. */
  | 'unrecognised';

/** Why the last post failed, worded at render (see `Refusal`). */
type Failure = { retryable: boolean } & (
  | { why: 'network' | 'server' | 'refused-origin' | 'closed' | 'refused' }
  | { why: 'too-fast'; seconds: number | undefined }
  /** A refusal that names no field of the form; `kept` when the post reached a store. */
  | { why: 'refusal'; refusal: Refusal; kept: boolean }
);

const COMMENT_CODES = Object.keys(englishCommentMessages) as CommentIssueCode[];
/** The limits core's schemas report with their "too long" codes, as `{max}`. */
const LIMIT_PARAMS: Partial<Record<CommentIssueCode, MessageParams>> = {
  'name-too-long': { max: NEW_COMMENT_LIMITS.name },
  'email-too-long': { max: NEW_COMMENT_LIMITS.email },
  'url-too-long': { max: NEW_COMMENT_LIMITS.url },
  'body-too-long': { max: NEW_COMMENT_LIMITS.body },
};
/** The issue core's comment schemas report with `code`. */
const issueOf = (code: CommentIssueCode): FieldIssue => ({
  code: 'custom',
  path: [],
  params: { ...LIMIT_PARAMS[code], code },
  message: englishCommentMessages[code],
});

/**
 * An issue worded by its code in `locale` (or core's current locale), through core's catalogue;
 * an issue without one of core's codes keeps the words its schema gave it.
 */
function worded(issue: FieldIssue, locale?: Locale): string {
  // `fieldErrors` reads only the issues of the error it is given.
  const error = { issues: [{ ...issue, path: [] }] } as unknown as Parameters<
    typeof fieldErrors
  >[0];
  return fieldErrors(error, locale ? { locale } : {})[''] ?? issue.message;
}

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
 * idempotency key so a retry never posts twice. Writes in the language `lang` names (its own,
 * an ancestor's, the page's) and follows a change of it, keeping what the reader typed.
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
export class DatelineCommentForm extends Localized(LitElement) {
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
  /** The refused fields, by path; a Map, so a path such as `__proto__` is a path like any other. */
  @state() private _errors: ReadonlyMap<string, Refusal> = new Map();
  @state() private _failure: Failure | undefined;
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
    this._errors = new Map();
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
    if (this._errors.has(field)) {
      const rest = new Map(this._errors);
      rest.delete(field);
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
      const refused = new Map<string, Refusal>();
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join('.');
        if (!refused.has(path)) refused.set(path, { issue });
      }
      this.showErrors(refused);
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
    this._errors = new Map();
    this._failure = undefined;
    try {
      const { store } = await resolveStore(this);
      // The comment service mails the author, and words its refusals, in the form's language.
      const options: CreateCommentOptions & {
        notify?: boolean;
        locale?: string;
      } = {
        idempotencyKey: attempt.key,
        ...(this._honeypot ? { honeypot: this._honeypot } : {}),
        ...(notify ? { notify } : {}),
        locale: this.locale,
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

  /**
   * A message a store gave a field, as the code core's schemas word it with: a store words its
   * refusals in English, or in the language core's current catalogue (or this form's) gives.
   */
  private refusalOf(text: string): Refusal {
    for (const code of COMMENT_CODES) {
      const issue = issueOf(code);
      if (
        text === englishCommentMessages[code] ||
        text === worded(issue) ||
        text === worded(issue, this.locale)
      )
        return { issue };
    }
    return 'unrecognised';
  }

  /** What went wrong, kept as a reason, never as the store's own (English) words. */
  private failed(error: unknown): void {
    if (!(error instanceof CommentStoreError)) {
      // Not a store's refusal: the request never got an answer.
      this.fail({ why: 'network', retryable: true });
      return;
    }
    const retryable = error.retryable;
    // A duplicate is the comment's words: say so beside them, whatever field the store named.
    if (error.code === 'duplicate') {
      this.showErrors(new Map([['body', 'duplicate']]));
      return;
    }
    // Only what is shown is read: the form's fields, else the first other one. However many
    // fields a store names, no more than that is looked up.
    const fields = Object.entries(error.fields);
    const ours = fields.filter(([path]) =>
      (FIELDS as readonly string[]).includes(path),
    );
    if (ours.length) {
      this.showErrors(
        new Map(ours.map(([path, text]) => [path, this.refusalOf(text)])),
      );
      return;
    }
    const other = fields[0];
    if (other) {
      const refusal = this.refusalOf(other[1]);
      this.fail({ why: 'refusal', refusal, kept: true, retryable });
      return;
    }
    switch (error.code) {
      case 'too-fast':
        this.fail({ why: 'too-fast', seconds: error.retryAfter, retryable });
        return;
      case 'network':
      case 'server':
      case 'refused-origin':
      case 'closed':
        this.fail({ why: error.code, retryable });
        return;
      default:
        this.fail({ why: 'refused', retryable });
    }
  }

  private fail(failure: Failure): void {
    this._failure = failure;
    this.focusNext = '.alert';
  }

  private showErrors(errors: ReadonlyMap<string, Refusal>): void {
    this._errors = errors;
    const first = FIELDS.find((f) => errors.has(f));
    if (first) {
      this._failure = undefined;
      this.focusNext = `#${FIELD_IDS[first]}`;
      return;
    }
    const refusal = errors.values().next();
    this.fail(
      refusal.done
        ? { why: 'refused', retryable: false }
        : {
            why: 'refusal',
            refusal: refusal.value,
            kept: false,
            retryable: false,
          },
    );
  }

  /** A refused field's message, in the form's language. */
  private refusalText(refusal: Refusal): string {
    if (refusal === 'duplicate')
      return msg(
        'Duplicate comment detected; it looks as though you’ve already said that!',
        { id: 'form.error.duplicate' },
      );
    if (refusal === 'unrecognised')
      return msg('This was not accepted. Please check it and try again.', {
        id: 'form.error.unrecognised',
      });
    return worded(refusal.issue, this.locale);
  }

  /** Why the post failed, in the form's language. */
  private failureText(failure: Failure): string {
    switch (failure.why) {
      case 'network':
        return msg(
          'Your comment could not be sent. Check your connection and try again. Your comment has been kept.',
          { id: 'form.failure.network' },
        );
      case 'server':
        return msg(
          'The comment service is having trouble. Please try again in a moment. Your comment has been kept.',
          { id: 'form.failure.server' },
        );
      case 'refused-origin':
        return msg(
          'This site’s comment service does not accept comments from this page. Your comment has been kept.',
          { id: 'form.failure.refused-origin' },
        );
      case 'closed':
        return msg(
          'This discussion is closed to new comments. Your comment has been kept.',
          { id: 'form.failure.closed' },
        );
      case 'refused':
        return msg(
          'Your comment could not be posted. Your comment has been kept.',
          { id: 'form.failure.refused' },
        );
      case 'too-fast': {
        const n = failure.seconds;
        if (!n)
          return msg(
            'You are posting comments too quickly. Please wait a moment and try again. Your comment has been kept.',
            { id: 'form.failure.too-fast' },
          );
        const seconds = formatNumber(n);
        return plural(n, {
          one: () =>
            msg(
              str`You are posting comments too quickly. Please wait ${seconds} second and try again. Your comment has been kept.`,
              { id: 'form.failure.too-fast-wait.one' },
            ),
          two: () =>
            msg(
              str`You are posting comments too quickly. Please wait ${seconds} seconds and try again. Your comment has been kept.`,
              { id: 'form.failure.too-fast-wait.two' },
            ),
          few: () =>
            msg(
              str`You are posting comments too quickly. Please wait ${seconds} seconds and try again. Your comment has been kept.`,
              { id: 'form.failure.too-fast-wait.few' },
            ),
          many: () =>
            msg(
              str`You are posting comments too quickly. Please wait ${seconds} seconds and try again. Your comment has been kept.`,
              { id: 'form.failure.too-fast-wait.many' },
            ),
          other: () =>
            msg(
              str`You are posting comments too quickly. Please wait ${seconds} seconds and try again. Your comment has been kept.`,
              { id: 'form.failure.too-fast-wait.other' },
            ),
        });
      }
      case 'refusal': {
        const reason = this.refusalText(failure.refusal);
        return failure.kept
          ? msg(str`${reason} Your comment has been kept.`, {
              id: 'form.failure.refusal-kept',
            })
          : reason;
      }
    }
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
    const refusal = this._errors.get(field);
    const error = refusal && this.refusalText(refusal);
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
    if (this.closed)
      return html`<p class="notes" lang=${this.locale}>${msg('Comments are closed.', { id: 'form.closed' })}</p>`;
    const d = this._draft;
    const replying = Boolean(this.parentId);
    const name = SLOT;
    const star = SLOT;
    const [replyBefore, replyAfter] = aroundSlot(
      msg(str`Leave a Reply to ${name}`, { id: 'form.title-reply' }),
    );
    const [starBefore, starAfter] = aroundSlot(
      msg(str`Required fields are marked ${star}`, {
        id: 'form.notes.required',
        desc: 'Shown on screen, with a red asterisk as the value. Screen readers read form.notes.required-spoken instead.',
      }),
    );
    // method="dialog": a form the server drew, sent before its code has come (or with scripts
    // off), goes nowhere, rather than putting the reader's email in a URL.
    return html`<form part="form" method="dialog" lang=${this.locale} novalidate @submit=${this.onSubmit} @keydown=${this.onKeydown} aria-labelledby="reply-title" aria-busy=${this._posting ? 'true' : 'false'}>
      <div class="heading-row">
        <h3 id="reply-title" part="heading">${replying && this.replyToName ? html`${replyBefore}<bdi>${this.replyToName}</bdi>${replyAfter}` : msg('Leave a Reply', { id: 'form.title' })}</h3>
        ${replying ? html`<button type="button" class="link-button" @click=${this.cancel}>${msg('Cancel reply', { id: 'form.cancel-reply' })}</button>` : nothing}
      </div>
      <p class="notes">${msg('Your email address will not be published.', { id: 'form.notes.email' })} <span aria-hidden="true">${starBefore}<span class="required">*</span>${starAfter}</span><span class="visually-hidden">${msg('Required fields are marked with an asterisk.', { id: 'form.notes.required-spoken' })}</span></p>
      ${this.field(
        'body',
        msg('Comment', { id: 'form.label.comment' }),
        ({ id, invalid, describedBy }) =>
          html`<textarea id=${id} name="comment" rows="6" maxlength=${NEW_COMMENT_LIMITS.body} required aria-required="true" aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy} .value=${d.body} @input=${(e: Event) => this.onInput('body', e)}></textarea>`,
        true,
      )}
      <div class="details">
        ${this.textInput('author.name', msg('Name', { id: 'form.label.name' }), 'text', 'name', NEW_COMMENT_LIMITS.name, true, d.name)}
        ${this.textInput('author.email', msg('Email', { id: 'form.label.email' }), 'email', 'email', NEW_COMMENT_LIMITS.email, true, d.email)}
        ${this.textInput('author.url', msg('Website', { id: 'form.label.website' }), 'url', 'url', NEW_COMMENT_LIMITS.url, false, d.url)}
      </div>
      <div class="honeypot" aria-hidden="true">
        <label for="hp">${msg('Leave this field empty', { id: 'form.label.honeypot' })}</label>
        <input id="hp" name="hp" type="text" tabindex="-1" autocomplete="off" @input=${(e: Event) => (this._honeypot = (e.target as HTMLInputElement).value)} />
      </div>
      <label class="consent">
        <input type="checkbox" name="save-details" .checked=${this._save} ?checked=${this._save} @change=${this.onSaveChange} />
        <span>${msg('Save my name, email, and website in this browser for the next time I comment.', { id: 'form.consent.save-details' })}</span>
      </label>
      ${
        this.offersMail
          ? html`<label class="consent">
        <input type="checkbox" name="notify" .checked=${d.notify === true} ?checked=${d.notify === true} @change=${this.onNotifyChange} />
        <span>${msg('Notify me of follow-up comments by email.', { id: 'form.consent.notify' })}</span>
      </label>`
          : nothing
      }
      ${
        this._failure
          ? html`<div class="alert" role="alert" part="error" tabindex="-1">
            <p>${this.failureText(this._failure)}</p>
            ${this._failure.retryable ? html`<button type="submit" class="link-button">${msg('Try again', { id: 'form.try-again' })}</button>` : nothing}
          </div>`
          : nothing
      }
      <div class="actions">
        <button class="button" type="submit" part="submit" ?disabled=${this._posting}>
          ${this._posting ? html`<span class="spinner" aria-hidden="true"></span>` : nothing} ${msg('Post Comment', { id: 'form.submit' })}
        </button>
        <span class="status" role="status">${this._posting ? msg('Posting your comment…', { id: 'form.posting' }) : ''}</span>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dateline-comment-form': DatelineCommentForm;
  }
}
