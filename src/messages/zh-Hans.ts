import type { ServiceWords } from './en.js';

/** What the service writes to readers and moderators (mails, and the pages it shows), in Simplified Chinese. */
export const words: ServiceWords = {
  'thread-titled': '“{title}”',
  'thread-by-id': '讨论“{id}”',
  'unchanged-title': '未做任何更改',
  unchanged: '{reason}未做任何更改。',
  'cross-site-title': '不接受来自其他网站的请求',
  'cross-site': '此表单只能从本服务自己的页面提交。未执行任何操作。',
  'confirm-link-unknown': '此确认链接无效：可能已被截断或改动。',
  'confirm-link-used': '此确认链接已被使用过。',
  'confirm-link-expired':
    '此确认链接已过期：邮件中的链接有效期为{days}天。请在下次发表评论时重新申请。',
  'confirm-title': '确认通过电子邮件接收新评论通知？',
  'confirm-text':
    '按下按钮，即可在此电子邮件地址申请关注的讨论有新评论时收到电子邮件通知。',
  'confirm-button': '确认',
  'confirm-once':
    '此链接仅能使用一次，有效期至{time}。如果您没有提出过申请，请关闭此页面：我们不会发送任何邮件。',
  'confirmed-title': '已确认',
  confirmed:
    '您的电子邮件地址已确认。您申请关注的讨论有新评论时，您将收到电子邮件通知；每封邮件都附有停止接收的链接。',
  'stop-link-unknown': '此退订链接无效：可能已被截断或改动。',
  'stop-unclear':
    '此请求没有说明要更改什么（如要停止接收这些邮件，请发送 List-Unsubscribe=One-Click）。',
  'stop-title': '停止接收这些邮件？',
  'stop-text': '{thread}有新评论时，此电子邮件地址会收到邮件通知。',
  'stop-button': '停止接收这些邮件',
  'stopped-title': '不再接收此讨论的邮件',
  stopped:
    '今后{thread}有新评论时，您将不会再收到邮件通知。如需再次接收通知，请在该讨论发表下一条评论时勾选“{label}”。',
  'notify-label': '有后续评论时通过电子邮件通知我。',
  'confirm-mail-subject': '确认通过电子邮件接收新评论通知',
  'confirm-mail-asked':
    '有人（希望是您本人）申请在 {site} 上的{thread}有新评论时收到电子邮件通知。',
  'confirm-mail-link': '确认：{url}',
  'confirm-mail-page':
    '此链接会打开一个带有“{button}”按钮的页面。链接仅能使用一次，有效期至{time}。',
  'confirm-mail-once':
    '此电子邮件地址一经确认，之后从该地址提出的申请无需再次确认。',
  'confirm-mail-ignore':
    '如果您没有提出过申请，请忽略此邮件：除非有人按下按钮，否则我们不会再向您发送任何邮件。',
  'reply-mail-subject': '新回复：{thread}',
  'reply-mail-wrote': '{name}于{time}写道：',
  'reply-mail-cut': '（此评论共{count}个字符，可在其页面查看全文。）',
  'reply-mail-read': '阅读并回复：{url}',
  'mail-why':
    '您收到此邮件，是因为您申请了在 {site} 上的{thread}有新评论时接收通知。',
  'mail-stop': '如要停止接收此讨论的邮件，请访问 {url}',
  // A moderator's pages to sign in.
  'sign-in-title': '登录',
  'sign-in-how': '审核员需通过电子邮件收到的链接登录。',
  'sign-in-email': '电子邮件地址',
  'sign-in-send': '通过电子邮件发送登录链接',
  'sign-in-email-missing': '请输入您用于审核的电子邮件地址。',
  'sign-in-signed-in': '您已以 {email} 的身份登录。',
  'open-moderation': '打开审核页面',
  'sign-in-off':
    '本服务未开启电子邮件登录：此功能需要邮件服务器（{smtp}）。请改用管理员令牌（{token}）进行审核。',
  'sign-in-requested-title': '请查收邮件',
  'sign-in-requested':
    '如果该地址属于审核员，登录链接正在发送中。链接仅能使用一次，有效期为{minutes}分钟。',
  'sign-in-ask-again': '重新申请',
  'too-many-title': '请求过于频繁',
  'sign-in-too-many':
    '来自您的网络或针对此地址的登录请求过多。请于{when}再试。',
  'sign-in-confirm':
    '以 {email} 的身份登录以审核评论。此链接仅能使用一次，有效期至{time}。',
  'sign-in-button': '登录',
  'sign-in-link-title': '此链接无法用于登录',
  'sign-in-link-unknown':
    '此登录链接无效：可能已被截断或改动。请申请新的链接。',
  'sign-in-link-used':
    '此登录链接已被使用过。每个链接仅能使用一次：请申请新的链接。',
  'sign-in-link-expired':
    '此登录链接已过期：链接有效期为{minutes}分钟。请申请新的链接。',
  'sign-in-new-link': '申请新的链接',
  // The pages a mail about a held comment opens: one button each, then what it did.
  'act-approve-title': '批准此评论？',
  'act-approve': '批准此评论',
  'act-approved-title': '已批准',
  'act-approved': '此评论已获批准：读者可以在其所在的讨论中看到它。',
  'act-spam-title': '将此评论标为垃圾评论？',
  'act-spam': '将此评论标为垃圾评论',
  'act-spammed-title': '已标为垃圾评论',
  'act-spammed': '此评论已被标为垃圾评论：读者看不到它。',
  'act-delete-title': '删除此评论？',
  'act-delete': '删除此评论',
  'act-deleted-title': '已删除',
  'act-deleted': '此评论已删除：读者看不到它。',
  'act-once': '此链接仅能使用一次，有效期至{time}。',
  'act-link-unknown': '此链接无效：可能已被截断或改动。',
  'act-link-gone': '此链接所对应的评论已不存在。',
  'act-link-used': '此链接已被使用过。每封邮件中的链接都仅能使用一次。',
  'act-link-used-approve':
    '此链接已于{time}用于批准该评论。每封邮件中的链接都仅能使用一次。',
  'act-link-used-spam':
    '此链接已于{time}用于将该评论标为垃圾评论。每封邮件中的链接都仅能使用一次。',
  'act-link-used-delete':
    '此链接已于{time}用于删除该评论。每封邮件中的链接都仅能使用一次。',
  'act-link-expired': '此链接已过期：邮件中的链接有效期为{days}天。',
  'act-former': '此链接的收件地址已不再负责审核本站的评论。',
  'act-settled-approved': '此评论已不再等待审核：它已获批准。',
  'act-settled-spam': '此评论已不再等待审核：它已被标为垃圾评论。',
  'act-settled-deleted': '此评论已不再等待审核：它已被删除。',
  // A held comment's facts, on those pages and in the mail about it.
  'comment-thread': '讨论',
  'comment-reply-to': '回复对象',
  'comment-author': '作者',
  'comment-email': '电子邮箱',
  'comment-website': '网站',
  'comment-no-website': '（无）',
  'comment-posted': '发表时间',
  // The page a moderator's unsubscribe link opens (its button and refusals are the reader's).
  'held-mail-on-title': '已重新开启邮件通知',
  'held-mail-off-title': '不再接收待审核评论的邮件',
  'held-mail-on': '有评论等待审核时，{address} 会收到邮件通知。',
  'held-mail-off':
    '有评论等待审核时，{address} 不会收到邮件通知。申请登录时仍会发送登录邮件。',
  'held-mail-again': '重新接收邮件通知',
  // The mail about a comment awaiting moderation.
  'held-mail-subject': '{name}的评论正在等待审核',
  'held-mail-intro': '有一条评论正在等待您审核。',
  'held-mail-approve': '批准：{url}',
  'held-mail-spam': '标为垃圾评论：{url}',
  'held-mail-delete': '删除：{url}',
  'held-mail-links':
    '每个链接都会打开一个显示该评论和一个按钮的页面：在您按下按钮之前，不会执行任何操作。',
  'held-mail-once':
    '这些链接中只有一个可以使用，且仅能使用一次，有效期至{time}。',
  'held-mail-queue': '所有等待审核的评论：{url}',
  'held-mail-comment': '评论内容：',
  'held-mail-cut':
    '（此评论共{count}个字符，每个链接打开的页面都会显示全文。）',
  // The mail with a link to sign in (its page's words are `confirm-mail-page`'s).
  'sign-in-mail-subject': '登录以审核评论',
  'sign-in-mail-asked': '有人（希望是您本人）申请登录 {site} 以审核评论。',
  'sign-in-mail-link': '登录：{url}',
  'sign-in-mail-ignore':
    '如果您没有提出过申请，请忽略此邮件：除非有人按下按钮，否则不会执行任何操作。',
  // The end of every mail to a moderator.
  'moderator-mail-why': '您收到此邮件，是因为您在 {site} 负责审核评论。',
  'moderator-mail-stop': '如要停止接收待审核评论的邮件，请访问 {url}',
  // The public API's refusals, for a page or a program that shows their message: {id} is
  // what was sent, quoted; {max} a count; {size} a size ("1,600 KB"); {origin} a site's
  // address; {method} and {path} the request's. Query parameters, headers and JSON stay as
  // written.
  'api-thread-id': '这不是有效的讨论 ID。',
  'api-thread-id-rule':
    '讨论 ID 由字母、数字及 _ . : - 组成（最多128个字符），并以字母或数字开头。',
  'api-not-thread-id':
    '{id} 不是有效的讨论 ID。讨论 ID 由字母、数字及 _ . : - 组成（最多128个字符），并以字母或数字开头。',
  'api-query-invalid': '查询参数无效。',
  'api-cursor': '该游标不是本服务发出的。',
  'api-send-json': '请以 JSON 格式发送评论（Content-Type: application/json）。',
  'api-not-json': '请求正文不是有效的 JSON。',
  'api-key-invalid':
    'Idempotency-Key 请求头必须由1至128个可见的 ASCII 字符组成。',
  'api-key-reused':
    '此 Idempotency-Key 已用于另一条评论。发送每条新评论时，请使用新的 Idempotency-Key。',
  'api-too-large':
    '此请求超出了评论可能达到的最大大小：请求上限为 {size}，足以容纳一条以任何文字书写、长达{max}个字符的评论。未保存任何内容。',
  'api-still-storing': '先前的一次尝试仍在保存此评论。请稍后重试。',
  'api-failed': '评论服务出错，未保存任何内容。请重试。',
  'api-unavailable': '评论服务目前无法保存评论，未保存任何内容。请稍后再试。',
  'api-origin': '此评论服务不接受 {origin} 上的页面发来的请求。',
  'api-not-found': '此 API 中没有 {method} {path} 接口。',
  'api-lang': 'lang 参数必须是语言标签，例如 en 或 km。',
  'api-lang-field': '语言标签，例如 en、km 或 zh-Hant。',
  'api-count-how':
    '请以 ?threads=a,b,c 的形式指定要统计评论数的讨论：最多{max}个讨论 ID，以英文逗号分隔。',
  'api-count-too-many': '一次最多只能统计{max}个讨论；其余的请另行发送请求。',
  'api-live-how':
    '请以 ?threads=a,b 的形式指定要实时跟踪的讨论：最多{max}个讨论 ID，以英文逗号分隔。',
  'api-live-too-many': '每个实时连接最多可跟踪{max}个讨论。',
  'api-live-off': '本服务不提供实时更新。',
  'api-live-address-full':
    '来自此网络地址的实时连接已有{max}个，已达上限。请关闭部分显示评论的页面；本页面稍后会自动重试。',
  'api-live-full':
    '评论服务的实时连接数已达上限。页面稍后会自动重试；重新加载页面后仍可看到评论。',
};
