import type { ReaderWords } from './en.js';

/** What the service writes to a reader (mails, and the pages their links open), in Traditional Chinese (Taiwan). */
export const words: ReaderWords = {
  'thread-titled': '「{title}」',
  'thread-by-id': '討論串「{id}」',
  'unchanged-title': '未做任何變更',
  unchanged: '{reason}未做任何變更。',
  'cross-site-title': '不接受來自其他網站的請求',
  'cross-site': '此表單只能從本服務自己的網頁送出。未執行任何動作。',
  'confirm-link-unknown': '此確認連結無效：可能已被截斷或修改。',
  'confirm-link-used': '此確認連結已經使用過了。',
  'confirm-link-expired':
    '此確認連結已過期：郵件中的連結有效期限為{days}天。請在下次留言時再次申請。',
  'confirm-title': '確認以電子郵件接收新留言通知？',
  'confirm-text':
    '按下按鈕，即可在此電子郵件地址申請關注的討論串有新留言時收到電子郵件通知。',
  'confirm-button': '確認',
  'confirm-once':
    '此連結僅能使用一次，有效期限至{time}。如果您並未提出申請，請關閉此頁面：我們不會寄出任何郵件。',
  'confirmed-title': '已確認',
  confirmed:
    '您的電子郵件地址已確認。您申請關注的討論串有新留言時，您將收到電子郵件通知；每封郵件都附有停止接收的連結。',
  'stop-link-unknown': '此取消訂閱連結無效：可能已被截斷或修改。',
  'stop-unclear':
    '此請求未說明要變更什麼（如要停止接收這些郵件，請送出 List-Unsubscribe=One-Click）。',
  'stop-title': '停止接收這些郵件？',
  'stop-text': '{thread}有新留言時，此電子郵件地址會收到郵件通知。',
  'stop-button': '停止接收這些郵件',
  'stopped-title': '不再接收此討論串的郵件',
  stopped:
    '日後{thread}有新留言時，您將不會再收到郵件通知。如想再次收到通知，請在該討論串下次留言時勾選「{label}」。',
  'notify-label': '有後續留言時以電子郵件通知我。',
  'confirm-mail-subject': '確認以電子郵件接收新留言通知',
  'confirm-mail-asked':
    '有人（希望是您本人）申請在 {site} 上的{thread}有新留言時收到電子郵件通知。',
  'confirm-mail-link': '確認：{url}',
  'confirm-mail-page':
    '此連結會開啟一個含有「{button}」按鈕的頁面。連結僅能使用一次，有效期限至{time}。',
  'confirm-mail-once':
    '此電子郵件地址一經確認，之後從該地址提出的申請就不必再確認。',
  'confirm-mail-ignore':
    '如果您並未提出申請，請忽略此郵件：除非有人按下按鈕，否則我們不會再寄任何郵件給您。',
  'reply-mail-subject': '新回覆：{thread}',
  'reply-mail-wrote': '{name}於{time}寫道：',
  'reply-mail-cut': '（此留言共{count}個字元，可在其頁面查看全文。）',
  'reply-mail-read': '閱讀並回覆：{url}',
  'mail-why':
    '您收到此郵件，是因為您申請了在 {site} 上的{thread}有新留言時接收通知。',
  'mail-stop': '如要停止接收此討論串的郵件，請前往 {url}',
};
