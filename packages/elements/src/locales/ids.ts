// Written by `npm run locales` from xliff/: do not edit.

/** The id of every string the elements write, for `setStrings`. */
export type StringId =
  /** By {0} */
  | 'article.byline'
  /** The article at this address could not be shown because its data is invalid: {0}. */
  | 'article.error.address-invalid'
  /** The article at this address is not valid JSON. */
  | 'article.error.address-json'
  /** The article’s inline data could not be shown because its data is invalid: {0}. */
  | 'article.error.inline-invalid'
  /** The article’s inline data is not valid JSON. */
  | 'article.error.inline-json'
  /** The article could not be shown because its data is invalid: {0}. */
  | 'article.error.invalid'
  /** {0} (and {1} more) */
  | 'article.error.more.few'
  /** {0} (and {1} more) */
  | 'article.error.more.many'
  /** {0} (and {1} more) */
  | 'article.error.more.one'
  /** {0} (and {1} more) */
  | 'article.error.more.other'
  /** {0} (and {1} more) */
  | 'article.error.more.two'
  /** {0} (and {1} more) */
  | 'article.error.more.zero'
  /** This article could not be loaded (the server answered {0}). */
  | 'article.error.status'
  /** This article could not be loaded (the server could not be reached). */
  | 'article.error.unreachable'
  /** Loading the article… */
  | 'article.loading'
  /** Part of this article could not be shown because its data is invalid. */
  | 'article.note'
  /** Updated {0} */
  | 'article.updated'
  /** Your comment is awaiting moderation. */
  | 'comments.awaiting-moderation'
  /** {0}, {1} */
  | 'comments.date-label'
  /** Demo mode: comments are kept in this browser only, and nobody else sees them. */
  | 'comments.demo'
  /** No comments yet. Why don’t you start the discussion? */
  | 'comments.empty'
  /** Comments */
  | 'comments.heading'
  /** Comments ({0}) */
  | 'comments.heading.few'
  /** Comments ({0}) */
  | 'comments.heading.many'
  /** Comments ({0}) */
  | 'comments.heading.one'
  /** Comments ({0}) */
  | 'comments.heading.other'
  /** Comments ({0}) */
  | 'comments.heading.two'
  /** in reply to {0} */
  | 'comments.in-reply-to'
  /** {0} new comments. */
  | 'comments.live.new.few'
  /** {0} new comments. */
  | 'comments.live.new.many'
  /** {0} new comment. */
  | 'comments.live.new.one'
  /** {0} new comments. */
  | 'comments.live.new.other'
  /** {0} new comments. */
  | 'comments.live.new.two'
  /** The comments could not be loaded. */
  | 'comments.load-failed'
  /** The comments could not be loaded. Check your connection and try again. */
  | 'comments.load-failed.network'
  /** The comments could not be loaded. This comment section names a WordPress site but no post: its post-id attribute must be the post’s number. */
  | 'comments.load-failed.no-post'
  /** The comments could not be loaded. This site’s comment service does not accept comments from this page. */
  | 'comments.load-failed.refused-origin'
  /** The comments could not be loaded. The comment service is having trouble; please try again in a moment. */
  | 'comments.load-failed.server'
  /** Load more comments */
  | 'comments.load-more'
  /** More comments could not be loaded. Please try again. */
  | 'comments.load-more-failed'
  /** {0} more comments loaded. */
  | 'comments.loaded-more.few'
  /** {0} more comments loaded. */
  | 'comments.loaded-more.many'
  /** {0} more comment loaded. */
  | 'comments.loaded-more.one'
  /** {0} more comments loaded. */
  | 'comments.loaded-more.other'
  /** {0} more comments loaded. */
  | 'comments.loaded-more.two'
  /** {0} more comments loaded. */
  | 'comments.loaded-more.zero'
  /** Loading comments… */
  | 'comments.loading'
  /** Comments load as you scroll here. */
  | 'comments.loading-lazy'
  /** Loading… */
  | 'comments.loading-more'
  /** {0} comments could not be shown. */
  | 'comments.not-shown.few'
  /** {0} comments could not be shown. */
  | 'comments.not-shown.many'
  /** {0} comment could not be shown. */
  | 'comments.not-shown.one'
  /** {0} comments could not be shown. */
  | 'comments.not-shown.other'
  /** {0} comments could not be shown. */
  | 'comments.not-shown.two'
  /** {0} comments could not be shown because their data is invalid. */
  | 'comments.omitted.few'
  /** {0} comments could not be shown because their data is invalid. */
  | 'comments.omitted.many'
  /** {0} comment could not be shown because its data is invalid. */
  | 'comments.omitted.one'
  /** {0} comments could not be shown because their data is invalid. */
  | 'comments.omitted.other'
  /** {0} comments could not be shown because their data is invalid. */
  | 'comments.omitted.two'
  /** Order */
  | 'comments.order'
  /** Newest first */
  | 'comments.order.newest'
  /** Oldest first */
  | 'comments.order.oldest'
  /** Your comment was posted. */
  | 'comments.posted'
  /** Your comment was sent and is awaiting moderation. */
  | 'comments.posted-held'
  /** Reply */
  | 'comments.reply'
  /** Reply to {0} */
  | 'comments.reply-to'
  /** {0} says: */
  | 'comments.says'
  /** Try again */
  | 'comments.try-again'
  /** {0} comments */
  | 'count.few'
  /** {0} comments */
  | 'count.many'
  /** No comments */
  | 'count.none'
  /** {0} comment */
  | 'count.one'
  /** {0} comments */
  | 'count.other'
  /** {0} comments */
  | 'count.two'
  /** Comments */
  | 'count.unknown'
  /** Cancel reply */
  | 'form.cancel-reply'
  /** Comments are closed. */
  | 'form.closed'
  /** Notify me of follow-up comments by email. */
  | 'form.consent.notify'
  /** Save my name, email, and website in this browser for the next time I comment. */
  | 'form.consent.save-details'
  /** Duplicate comment detected; it looks as though you’ve already said that! */
  | 'form.error.duplicate'
  /** This was not accepted. Please check it and try again. */
  | 'form.error.unrecognised'
  /** This discussion is closed to new comments. Your comment has been kept. */
  | 'form.failure.closed'
  /** Your comment could not be sent. Check your connection and try again. Your comment has been kept. */
  | 'form.failure.network'
  /** {0} Your comment has been kept. */
  | 'form.failure.refusal-kept'
  /** Your comment could not be posted. Your comment has been kept. */
  | 'form.failure.refused'
  /** This site’s comment service does not accept comments from this page. Your comment has been kept. */
  | 'form.failure.refused-origin'
  /** The comment service is having trouble. Please try again in a moment. Your comment has been kept. */
  | 'form.failure.server'
  /** You are posting comments too quickly. Please wait a moment and try again. Your comment has been kept. */
  | 'form.failure.too-fast'
  /** You are posting comments too quickly. Please wait {0} seconds and try again. Your comment has been kept. */
  | 'form.failure.too-fast-wait.few'
  /** You are posting comments too quickly. Please wait {0} seconds and try again. Your comment has been kept. */
  | 'form.failure.too-fast-wait.many'
  /** You are posting comments too quickly. Please wait {0} second and try again. Your comment has been kept. */
  | 'form.failure.too-fast-wait.one'
  /** You are posting comments too quickly. Please wait {0} seconds and try again. Your comment has been kept. */
  | 'form.failure.too-fast-wait.other'
  /** You are posting comments too quickly. Please wait {0} seconds and try again. Your comment has been kept. */
  | 'form.failure.too-fast-wait.two'
  /** Comment */
  | 'form.label.comment'
  /** Email */
  | 'form.label.email'
  /** Leave this field empty */
  | 'form.label.honeypot'
  /** Name */
  | 'form.label.name'
  /** Website */
  | 'form.label.website'
  /** Your email address will not be published. */
  | 'form.notes.email'
  /** Required fields are marked {0} */
  | 'form.notes.required'
  /** Required fields are marked with an asterisk. */
  | 'form.notes.required-spoken'
  /** Posting your comment… */
  | 'form.posting'
  /** Post Comment */
  | 'form.submit'
  /** Leave a Reply */
  | 'form.title'
  /** Leave a Reply to {0} */
  | 'form.title-reply'
  /** Try again */
  | 'form.try-again'
  /** Approve */
  | 'moderation.action-approve'
  /** Delete */
  | 'moderation.action-delete'
  /** Restore */
  | 'moderation.action-restore'
  /** Spam */
  | 'moderation.action-spam'
  /** Unapprove */
  | 'moderation.action-unapprove'
  /** Comments from this address will be held for moderation. */
  | 'moderation.address-held'
  /** This address could not be kept: reload the block lists and try again. */
  | 'moderation.address-not-kept'
  /** Comments from this address will be marked as spam. */
  | 'moderation.address-refused'
  /** Addresses */
  | 'moderation.addresses'
  /** the admin token */
  | 'moderation.admin-token'
  /** {0} comments selected. */
  | 'moderation.all-selected.few'
  /** {0} comments selected. */
  | 'moderation.all-selected.many'
  /** {0} comment selected. */
  | 'moderation.all-selected.one'
  /** {0} comments selected. */
  | 'moderation.all-selected.other'
  /** {0} comments selected. */
  | 'moderation.all-selected.two'
  /** {0} comments selected. */
  | 'moderation.all-selected.zero'
  /** {0} comments approved before */
  | 'moderation.approved-before.few'
  /** {0} comments approved before */
  | 'moderation.approved-before.many'
  /** {0} comment approved before */
  | 'moderation.approved-before.one'
  /** {0} comments approved before */
  | 'moderation.approved-before.other'
  /** {0} comments approved before */
  | 'moderation.approved-before.two'
  /** {0} comments approved before */
  | 'moderation.approved-before.zero'
  /** Approved {0} comments. */
  | 'moderation.approved.few'
  /** Approved {0} comments. */
  | 'moderation.approved.many'
  /** Approved {0} comment. */
  | 'moderation.approved.one'
  /** Approved {0} comments. */
  | 'moderation.approved.other'
  /** Approved {0} comments. */
  | 'moderation.approved.two'
  /** Approved {0} comments. */
  | 'moderation.approved.zero'
  /** {0}: {1} approved {2} comments. */
  | 'moderation.audit-approve.few'
  /** {0}: {1} approved {2} comments. */
  | 'moderation.audit-approve.many'
  /** {0}: {1} approved {2} comment. */
  | 'moderation.audit-approve.one'
  /** {0}: {1} approved {2} comments. */
  | 'moderation.audit-approve.other'
  /** {0}: {1} approved {2} comments. */
  | 'moderation.audit-approve.two'
  /** {0}: {1} approved {2} comments. */
  | 'moderation.audit-approve.zero'
  /** {0}: {1} changed the block lists. */
  | 'moderation.audit-blocklists'
  /** {0}: {1} deleted {2} comments. */
  | 'moderation.audit-delete.few'
  /** {0}: {1} deleted {2} comments. */
  | 'moderation.audit-delete.many'
  /** {0}: {1} deleted {2} comment. */
  | 'moderation.audit-delete.one'
  /** {0}: {1} deleted {2} comments. */
  | 'moderation.audit-delete.other'
  /** {0}: {1} deleted {2} comments. */
  | 'moderation.audit-delete.two'
  /** {0}: {1} deleted {2} comments. */
  | 'moderation.audit-delete.zero'
  /** Nothing has been moderated yet. */
  | 'moderation.audit-empty'
  /** {0}: {1} → {2} */
  | 'moderation.audit-item'
  /** {0} on {1}: {2} → {3} */
  | 'moderation.audit-item-thread'
  /** {0}: {1} restored {2} comments. */
  | 'moderation.audit-restore.few'
  /** {0}: {1} restored {2} comments. */
  | 'moderation.audit-restore.many'
  /** {0}: {1} restored {2} comment. */
  | 'moderation.audit-restore.one'
  /** {0}: {1} restored {2} comments. */
  | 'moderation.audit-restore.other'
  /** {0}: {1} restored {2} comments. */
  | 'moderation.audit-restore.two'
  /** {0}: {1} restored {2} comments. */
  | 'moderation.audit-restore.zero'
  /** {0}: {1} marked {2} comments as spam. */
  | 'moderation.audit-spam.few'
  /** {0}: {1} marked {2} comments as spam. */
  | 'moderation.audit-spam.many'
  /** {0}: {1} marked {2} comment as spam. */
  | 'moderation.audit-spam.one'
  /** {0}: {1} marked {2} comments as spam. */
  | 'moderation.audit-spam.other'
  /** {0}: {1} marked {2} comments as spam. */
  | 'moderation.audit-spam.two'
  /** {0}: {1} marked {2} comments as spam. */
  | 'moderation.audit-spam.zero'
  /** Audit log */
  | 'moderation.audit-title'
  /** {0}: {1} unapproved {2} comments. */
  | 'moderation.audit-unapprove.few'
  /** {0}: {1} unapproved {2} comments. */
  | 'moderation.audit-unapprove.many'
  /** {0}: {1} unapproved {2} comment. */
  | 'moderation.audit-unapprove.one'
  /** {0}: {1} unapproved {2} comments. */
  | 'moderation.audit-unapprove.other'
  /** {0}: {1} unapproved {2} comments. */
  | 'moderation.audit-unapprove.two'
  /** {0}: {1} unapproved {2} comments. */
  | 'moderation.audit-unapprove.zero'
  /** {0}: {1} undid an action on {2} comments. */
  | 'moderation.audit-undo.few'
  /** {0}: {1} undid an action on {2} comments. */
  | 'moderation.audit-undo.many'
  /** {0}: {1} undid an action on {2} comment. */
  | 'moderation.audit-undo.one'
  /** {0}: {1} undid an action on {2} comments. */
  | 'moderation.audit-undo.other'
  /** {0}: {1} undid an action on {2} comments. */
  | 'moderation.audit-undo.two'
  /** {0}: {1} undid an action on {2} comments. */
  | 'moderation.audit-undo.zero'
  /** Block… */
  | 'moderation.block-menu'
  /** Selected comments */
  | 'moderation.bulk-label'
  /** Comment by {0} */
  | 'moderation.comment-by'
  /** Deleted {0} comments. */
  | 'moderation.deleted.few'
  /** Deleted {0} comments. */
  | 'moderation.deleted.many'
  /** Deleted {0} comment. */
  | 'moderation.deleted.one'
  /** Deleted {0} comments. */
  | 'moderation.deleted.other'
  /** Deleted {0} comments. */
  | 'moderation.deleted.two'
  /** Deleted {0} comments. */
  | 'moderation.deleted.zero'
  /** ({0}) {1} */
  | 'moderation.document-title'
  /** Comments from {0} will be held for moderation. */
  | 'moderation.email-held'
  /** Comments from {0} will be marked as spam. */
  | 'moderation.email-refused'
  /** Emails */
  | 'moderation.emails'
  /** One per line: an address (name@example.com), or a domain (@example.com). */
  | 'moderation.emails-hint'
  /** No approved comments. */
  | 'moderation.empty-approved'
  /** No deleted comments. */
  | 'moderation.empty-deleted'
  /** No comments await moderation. */
  | 'moderation.empty-pending'
  /** No comments are marked as spam. */
  | 'moderation.empty-spam'
  /** The comment service refused this entry. */
  | 'moderation.entry-refused'
  /** That action was already undone. */
  | 'moderation.error-already-undone'
  /** It was changed in the meantime. Reload the page and try again. */
  | 'moderation.error-conflict'
  /** The comment service accepts changes only from its own pages. */
  | 'moderation.error-forbidden'
  /** Some entries are not valid: see the lines marked below. */
  | 'moderation.error-lists-invalid'
  /** The comment service could not be reached. Check your connection and try again. */
  | 'moderation.error-network'
  /** The comment service could not find it. Reload the page and try again. */
  | 'moderation.error-not-found'
  /** The comment service refused the request. Reload the page and try again. */
  | 'moderation.error-refused'
  /** The comment service is having trouble. Please try again in a moment. */
  | 'moderation.error-server'
  /** Too many requests. Wait a moment and try again. */
  | 'moderation.error-too-fast'
  /** That is more than the comment service accepts at once. */
  | 'moderation.error-too-large'
  /** The comment service cannot store anything right now. Please try again later. */
  | 'moderation.error-unavailable'
  /** That could not be done. */
  | 'moderation.failed-act'
  /** The audit log could not be loaded. */
  | 'moderation.failed-load-audit'
  /** The block lists could not be loaded. */
  | 'moderation.failed-load-lists'
  /** More comments could not be loaded. */
  | 'moderation.failed-load-more'
  /** The comments could not be loaded. */
  | 'moderation.failed-load-queue'
  /** The block lists were not saved. */
  | 'moderation.failed-save-lists'
  /** That could not be undone. */
  | 'moderation.failed-undo'
  /** {0} comments so far match “{1}”. */
  | 'moderation.found-so-far.few'
  /** {0} comments so far match “{1}”. */
  | 'moderation.found-so-far.many'
  /** {0} comment so far matches “{1}”. */
  | 'moderation.found-so-far.one'
  /** {0} comments so far match “{1}”. */
  | 'moderation.found-so-far.other'
  /** {0} comments so far match “{1}”. */
  | 'moderation.found-so-far.two'
  /** {0} comments so far match “{1}”. */
  | 'moderation.found-so-far.zero'
  /** {0} comments match “{1}”. */
  | 'moderation.found.few'
  /** {0} comments match “{1}”. */
  | 'moderation.found.many'
  /** {0} comment matches “{1}”. */
  | 'moderation.found.one'
  /** {0} comments match “{1}”. */
  | 'moderation.found.other'
  /** {0} comments match “{1}”. */
  | 'moderation.found.two'
  /** {0} comments match “{1}”. */
  | 'moderation.found.zero'
  /** Hold future comments from this address */
  | 'moderation.hold-address'
  /** Hold future comments from this email */
  | 'moderation.hold-email'
  /** A comment that contains any of these words in its text, name, email or website, or comes from one of these emails or addresses, waits in the pending queue. */
  | 'moderation.hold-hint'
  /** Hold for moderation */
  | 'moderation.hold-title'
  /** Act on the selected comments */
  | 'moderation.key-act-selected'
  /** Approve */
  | 'moderation.key-approve'
  /** Delete */
  | 'moderation.key-delete'
  /** Next / previous comment */
  | 'moderation.key-next-previous'
  /** Restore */
  | 'moderation.key-restore'
  /** Search */
  | 'moderation.key-search'
  /** Select or unselect */
  | 'moderation.key-select'
  /** Select or unselect all shown */
  | 'moderation.key-select-all'
  /** Shift */
  | 'moderation.key-shift'
  /** Mark as spam */
  | 'moderation.key-spam'
  /** Undo the last action */
  | 'moderation.key-undo'
  /** {0} comments left as they were. */
  | 'moderation.left-unchanged.few'
  /** {0} comments left as they were. */
  | 'moderation.left-unchanged.many'
  /** {0} comment left as it was. */
  | 'moderation.left-unchanged.one'
  /** {0} comments left as they were. */
  | 'moderation.left-unchanged.other'
  /** {0} comments left as they were. */
  | 'moderation.left-unchanged.two'
  /** {0} comments left as they were. */
  | 'moderation.left-unchanged.zero'
  /** Line {0}: {1} */
  | 'moderation.line-error'
  /** Approved comments */
  | 'moderation.list-approved'
  /** Deleted comments */
  | 'moderation.list-deleted'
  /** Pending comments */
  | 'moderation.list-pending'
  /** Spam comments */
  | 'moderation.list-spam'
  /** Block lists saved. */
  | 'moderation.lists-saved'
  /** Block lists */
  | 'moderation.lists-title'
  /** Load more comments */
  | 'moderation.load-more'
  /** Loading… */
  | 'moderation.loading'
  /** Loading the audit log… */
  | 'moderation.loading-audit'
  /** Loading comments… */
  | 'moderation.loading-comments'
  /** Loading the block lists… */
  | 'moderation.loading-lists'
  /** Marked as spam: {0} comments. */
  | 'moderation.marked-spam.few'
  /** Marked as spam: {0} comments. */
  | 'moderation.marked-spam.many'
  /** Marked as spam: {0} comment. */
  | 'moderation.marked-spam.one'
  /** Marked as spam: {0} comments. */
  | 'moderation.marked-spam.other'
  /** Marked as spam: {0} comments. */
  | 'moderation.marked-spam.two'
  /** Marked as spam: {0} comments. */
  | 'moderation.marked-spam.zero'
  /** {0} comments more loaded. */
  | 'moderation.more-loaded.few'
  /** {0} comments more loaded. */
  | 'moderation.more-loaded.many'
  /** {0} comment more loaded. */
  | 'moderation.more-loaded.one'
  /** {0} comments more loaded. */
  | 'moderation.more-loaded.other'
  /** {0} comments more loaded. */
  | 'moderation.more-loaded.two'
  /** {0} comments more loaded. */
  | 'moderation.more-loaded.zero'
  /** Moderation */
  | 'moderation.nav-label'
  /** The moderation page needs JavaScript. */
  | 'moderation.needs-javascript'
  /** None. Add one from a comment’s “Block…” menu: its address is never shown. */
  | 'moderation.no-addresses'
  /** No approved comments match “{0}”. */
  | 'moderation.no-match-approved'
  /** No deleted comments match “{0}”. */
  | 'moderation.no-match-deleted'
  /** No pending comments match “{0}”. */
  | 'moderation.no-match-pending'
  /** No spam comments match “{0}”. */
  | 'moderation.no-match-spam'
  /** No more comments matched. */
  | 'moderation.no-more'
  /** No comment approved before */
  | 'moderation.none-approved-before'
  /** None selected */
  | 'moderation.none-selected'
  /** Nothing changed: the comments were already so. */
  | 'moderation.nothing-changed.few'
  /** Nothing changed: the comments were already so. */
  | 'moderation.nothing-changed.many'
  /** Nothing changed: the comment was already so. */
  | 'moderation.nothing-changed.one'
  /** Nothing changed: the comments were already so. */
  | 'moderation.nothing-changed.other'
  /** Nothing changed: the comments were already so. */
  | 'moderation.nothing-changed.two'
  /** Nothing changed: the comments were already so. */
  | 'moderation.nothing-changed.zero'
  /** There is nothing to undo. */
  | 'moderation.nothing-to-undo'
  /** Older entries */
  | 'moderation.older-entries'
  /** {0} comments could not be shown because their data is invalid. */
  | 'moderation.omitted.few'
  /** {0} comments could not be shown because their data is invalid. */
  | 'moderation.omitted.many'
  /** {0} comment could not be shown because its data is invalid. */
  | 'moderation.omitted.one'
  /** {0} comments could not be shown because their data is invalid. */
  | 'moderation.omitted.other'
  /** {0} comments could not be shown because their data is invalid. */
  | 'moderation.omitted.two'
  /** {0} comments could not be shown because their data is invalid. */
  | 'moderation.omitted.zero'
  /** On {0}, {1} */
  | 'moderation.on-article'
  /** On thread {0}, {1} */
  | 'moderation.on-thread'
  /** Moderation */
  | 'moderation.page-heading'
  /** Moderation · Dateline */
  | 'moderation.page-title'
  /** Approved */
  | 'moderation.queue-approved'
  /** Deleted */
  | 'moderation.queue-deleted'
  /** Pending */
  | 'moderation.queue-pending'
  /** Spam */
  | 'moderation.queue-spam'
  /** Queues */
  | 'moderation.queues-label'
  /** Mark future comments from this address as spam */
  | 'moderation.refuse-address'
  /** Mark future comments from this email as spam */
  | 'moderation.refuse-email'
  /** A comment that matches is marked as spam; its sender is told it awaits moderation, as with any held comment. */
  | 'moderation.refuse-hint'
  /** Mark as spam (refuse) */
  | 'moderation.refuse-title'
  /** Remove */
  | 'moderation.remove'
  /** Remove the address of {0} */
  | 'moderation.remove-address'
  /** In reply to {0}: “{1}” */
  | 'moderation.reply-to'
  /** In reply to a comment that no longer exists. */
  | 'moderation.reply-to-gone'
  /** Restored {0} comments. */
  | 'moderation.restored.few'
  /** Restored {0} comments. */
  | 'moderation.restored.many'
  /** Restored {0} comment. */
  | 'moderation.restored.one'
  /** Restored {0} comments. */
  | 'moderation.restored.other'
  /** Restored {0} comments. */
  | 'moderation.restored.two'
  /** Restored {0} comments. */
  | 'moderation.restored.zero'
  /** Save block lists */
  | 'moderation.save-lists'
  /** Saving… */
  | 'moderation.saving'
  /** Search */
  | 'moderation.search'
  /** Search comments */
  | 'moderation.search-label'
  /** Search older comments */
  | 'moderation.search-older'
  /** Select all shown */
  | 'moderation.select-all'
  /** Select the comment by {0} */
  | 'moderation.select-comment'
  /** No comment is selected: press x to select one. */
  | 'moderation.select-first'
  /** {0} comments selected */
  | 'moderation.selected-count.few'
  /** {0} comments selected */
  | 'moderation.selected-count.many'
  /** {0} comment selected */
  | 'moderation.selected-count.one'
  /** {0} comments selected */
  | 'moderation.selected-count.other'
  /** {0} comments selected */
  | 'moderation.selected-count.two'
  /** {0} comments selected */
  | 'moderation.selected-count.zero'
  /** Selection cleared. */
  | 'moderation.selection-cleared'
  /** Keyboard shortcuts */
  | 'moderation.shortcuts-title'
  /** Show all */
  | 'moderation.show-all'
  /** Showing every approved comment. */
  | 'moderation.showing-approved'
  /** Showing every deleted comment. */
  | 'moderation.showing-deleted'
  /** Showing every pending comment. */
  | 'moderation.showing-pending'
  /** Showing every spam comment. */
  | 'moderation.showing-spam'
  /** Sign in to moderate */
  | 'moderation.sign-in'
  /** Sign out */
  | 'moderation.sign-out'
  /** You are not signed in, or your session has ended. */
  | 'moderation.signed-out'
  /** approved */
  | 'moderation.status-approved'
  /** deleted */
  | 'moderation.status-deleted'
  /** pending */
  | 'moderation.status-pending'
  /** spam */
  | 'moderation.status-spam'
  /** ({0}) */
  | 'moderation.tab-count'
  /** Try again */
  | 'moderation.try-again'
  /** Unapproved {0} comments. */
  | 'moderation.unapproved.few'
  /** Unapproved {0} comments. */
  | 'moderation.unapproved.many'
  /** Unapproved {0} comment. */
  | 'moderation.unapproved.one'
  /** Unapproved {0} comments. */
  | 'moderation.unapproved.other'
  /** Unapproved {0} comments. */
  | 'moderation.unapproved.two'
  /** Unapproved {0} comments. */
  | 'moderation.unapproved.zero'
  /** Undo */
  | 'moderation.undo'
  /** Nothing to undo: those comments were changed since. */
  | 'moderation.undo-stale'
  /** (undone) */
  | 'moderation.undone-mark'
  /** Undone: {0} comments are back where they were. */
  | 'moderation.undone.few'
  /** Undone: {0} comments are back where they were. */
  | 'moderation.undone.many'
  /** Undone: {0} comment is back where it was. */
  | 'moderation.undone.one'
  /** Undone: {0} comments are back where they were. */
  | 'moderation.undone.other'
  /** Undone: {0} comments are back where they were. */
  | 'moderation.undone.two'
  /** Undone: {0} comments are back where they were. */
  | 'moderation.undone.zero'
  /** Audit log */
  | 'moderation.view-audit'
  /** Block lists */
  | 'moderation.view-blocklists'
  /** Comments */
  | 'moderation.view-comments'
  /** Words */
  | 'moderation.words'
  /** One word or phrase per line; case does not matter. */
  | 'moderation.words-hint'
  /** The figures by nationality account for {0} of the {1} arrested. */
  | 'operation.accounted-for'
  /** The figures by nationality account for {0} of the {1} arrested; at least {2} are not broken down. */
  | 'operation.accounted-for-rest.few'
  /** The figures by nationality account for {0} of the {1} arrested; at least {2} are not broken down. */
  | 'operation.accounted-for-rest.many'
  /** The figures by nationality account for {0} of the {1} arrested; at least {2} is not broken down. */
  | 'operation.accounted-for-rest.one'
  /** The figures by nationality account for {0} of the {1} arrested; at least {2} are not broken down. */
  | 'operation.accounted-for-rest.other'
  /** The figures by nationality account for {0} of the {1} arrested; at least {2} are not broken down. */
  | 'operation.accounted-for-rest.two'
  /** The figures by nationality account for {0} of the {1} arrested; at least {2} are not broken down. */
  | 'operation.accounted-for-rest.zero'
  /** Also arrested, number not given: {0}. */
  | 'operation.also-arrested'
  /** Bar */
  | 'operation.chart.bar'
  /** Nationality */
  | 'operation.chart.nationality'
  /** The operation’s inline data is not valid JSON. */
  | 'operation.error.inline-json'
  /** The operation’s data is invalid: {0}: {1} */
  | 'operation.error.invalid'
  /** {0} */
  | 'operation.estimate'
  /** {0}, citing {1} */
  | 'operation.estimate.citing'
  /** source not named */
  | 'operation.estimate.unnamed'
  /** Arrested */
  | 'operation.heading.arrested'
  /** Arrests by nationality */
  | 'operation.heading.by-nationality'
  /** Estimates */
  | 'operation.heading.estimates'
  /** Offences reported */
  | 'operation.heading.offences'
  /** Ordered by */
  | 'operation.heading.ordered-by'
  /** Reactions */
  | 'operation.heading.reactions'
  /** Seized */
  | 'operation.heading.seized'
  /** When */
  | 'operation.heading.when'
  /** Where */
  | 'operation.heading.where'
  /** {0} arrested */
  | 'operation.lead'
  /** at least this many */
  | 'operation.legend.at-least'
  /** more, number not given */
  | 'operation.legend.open'
  /** possible range */
  | 'operation.legend.range'
  /** Part of this fact box could not be shown because its data is invalid ({0}). */
  | 'operation.note'
  /** Child labour */
  | 'operation.offence.child-labour'
  /** Corruption */
  | 'operation.offence.corruption'
  /** Forced labour */
  | 'operation.offence.forced-labour'
  /** Human trafficking */
  | 'operation.offence.human-trafficking'
  /** Illegal gambling */
  | 'operation.offence.illegal-gambling'
  /** Kidnapping */
  | 'operation.offence.kidnapping'
  /** Money laundering */
  | 'operation.offence.money-laundering'
  /** Online fraud */
  | 'operation.offence.online-fraud'
  /** Torture */
  | 'operation.offence.torture'
  /** people of other nationalities */
  | 'operation.other-nationalities'
  /** “{0}” */
  | 'operation.period.wording'
  /** city */
  | 'operation.place.city'
  /** city in {0} province */
  | 'operation.place.city-in-province'
  /** municipality */
  | 'operation.place.municipality'
  /** province */
  | 'operation.place.province'
  /** {0} province */
  | 'operation.place.province-named'
  /** {0} ({1}): {2} */
  | 'operation.reaction'
  /** concerned */
  | 'operation.stance.concerned'
  /** critical */
  | 'operation.stance.critical'
  /** neutral */
  | 'operation.stance.neutral'
  /** supportive */
  | 'operation.stance.supportive'
  /** The operation in figures */
  | 'operation.title'
  /** ({0}) */
  | 'operation.where.count';
