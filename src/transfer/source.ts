/**
 * Comments as an export file holds them, before they are made Dateline's: every field as the
 * source wrote it, so that reading a file twice gives the same records.
 */

export type SourceFormat = 'wxr' | 'disqus';

/** A post (WordPress) or thread (Disqus) that comments belong to. */
export interface SourceThread {
  /** Which thread of the file: the item's position for WXR, the dsq:id for Disqus. */
  key: string;
  /** The page's address: the item's <link>, the thread's <link>. */
  url: string;
  title: string;
  /** WordPress's post id. */
  postId?: string;
  /** The thread id a Dateline export wrote beside the post (`_dateline_thread_id`). */
  datelineThreadId?: string;
  line: number;
}

export interface SourceComment {
  /** The source's id: WordPress's comment_id, Disqus's dsq:id; '' when it has none. */
  key: string;
  /** The `key` of its thread. */
  thread: string;
  /** The source id of the comment it replies to, if any. */
  parent?: string;
  /** The comment id a Dateline export wrote beside the comment (`_dateline_id`). */
  datelineId?: string;
  /** The time to the millisecond a Dateline export wrote beside it (`_dateline_created_at`). */
  datelineCreatedAt?: string;
  /** WordPress's comment_type: '' or 'comment' for a reader's comment. Disqus: always ''. */
  type: string;
  name: string;
  email: string;
  url: string;
  ip: string;
  /** The body as the source has it: WordPress's stored text, Disqus's HTML. */
  body: string;
  /** The body ran past what is read of one field. */
  bodyCut: boolean;
  /** WXR: comment_date_gmt; Disqus: createdAt. */
  date: string;
  /** WXR: comment_date, the site's own time, used when the GMT date is missing. */
  localDate?: string;
  /** WXR: comment_approved; Disqus: 'spam', 'deleted' or 'approved' from its flags. */
  status: string;
  line: number;
  /** Characters XML does not allow, or undefined entities, were read as text in it. */
  flawed?: 'character' | 'entity';
}

export interface SourceHandlers {
  thread(thread: SourceThread): void;
  comment(comment: SourceComment): void;
}

/** What a whole file says beside its threads and comments. */
export interface SourceSummary {
  /** WXR: the site's address (`wp:base_site_url`), which keys its comment ids. */
  site?: string;
}
