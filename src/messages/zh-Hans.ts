import type { ReaderWords } from './en.js';

/** What the service writes to a reader (mails, and the pages their links open), in Simplified Chinese. */
export const words: ReaderWords = {
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
};
