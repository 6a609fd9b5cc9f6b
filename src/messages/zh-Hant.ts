import type { ServiceWords } from './en.js';

/** What the service writes to readers and moderators (mails, and the pages it shows), in Traditional Chinese (Taiwan). */
export const words: ServiceWords = {
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
  // A moderator's pages to sign in.
  'sign-in-title': '登入',
  'sign-in-how': '審核員需透過電子郵件收到的連結登入。',
  'sign-in-email': '電子郵件地址',
  'sign-in-send': '以電子郵件寄送登入連結',
  'sign-in-email-missing': '請輸入您用於審核的電子郵件地址。',
  'sign-in-signed-in': '您已以 {email} 的身分登入。',
  'open-moderation': '開啟審核頁面',
  'sign-in-off':
    '本服務未啟用電子郵件登入：此功能需要郵件伺服器（{smtp}）。請改用管理員權杖（{token}）進行審核。',
  'sign-in-requested-title': '請查看您的郵件',
  'sign-in-requested':
    '如果該地址屬於審核員，登入連結正在寄送中。連結僅能使用一次，有效期限為{minutes}分鐘。',
  'sign-in-ask-again': '重新申請',
  'too-many-title': '請求過於頻繁',
  'sign-in-too-many':
    '來自您的網路或針對此地址的登入請求過多。請於{when}再試一次。',
  'sign-in-confirm':
    '以 {email} 的身分登入以審核留言。此連結僅能使用一次，有效期限至{time}。',
  'sign-in-button': '登入',
  'sign-in-link-title': '此連結無法用於登入',
  'sign-in-link-unknown':
    '此登入連結無效：可能已被截斷或修改。請申請新的連結。',
  'sign-in-link-used':
    '此登入連結已經使用過了。每個連結僅能使用一次：請申請新的連結。',
  'sign-in-link-expired':
    '此登入連結已過期：連結有效期限為{minutes}分鐘。請申請新的連結。',
  'sign-in-new-link': '申請新的連結',
  // The pages a mail about a held comment opens: one button each, then what it did.
  'act-approve-title': '核准此留言？',
  'act-approve': '核准此留言',
  'act-approved-title': '已核准',
  'act-approved': '此留言已獲核准：讀者可以在其所屬的討論串中看到它。',
  'act-spam-title': '將此留言標為垃圾留言？',
  'act-spam': '將此留言標為垃圾留言',
  'act-spammed-title': '已標為垃圾留言',
  'act-spammed': '此留言已被標為垃圾留言：讀者看不到它。',
  'act-delete-title': '刪除此留言？',
  'act-delete': '刪除此留言',
  'act-deleted-title': '已刪除',
  'act-deleted': '此留言已刪除：讀者看不到它。',
  'act-once': '此連結僅能使用一次，有效期限至{time}。',
  'act-link-unknown': '此連結無效：可能已被截斷或修改。',
  'act-link-gone': '此連結所對應的留言已不存在。',
  'act-link-used': '此連結已經使用過了。每封郵件中的連結都僅能使用一次。',
  'act-link-used-approve':
    '此連結已於{time}用來核准該留言。每封郵件中的連結都僅能使用一次。',
  'act-link-used-spam':
    '此連結已於{time}用來將該留言標為垃圾留言。每封郵件中的連結都僅能使用一次。',
  'act-link-used-delete':
    '此連結已於{time}用來刪除該留言。每封郵件中的連結都僅能使用一次。',
  'act-link-expired': '此連結已過期：郵件中的連結有效期限為{days}天。',
  'act-former': '此連結的收件地址已不再負責審核本站的留言。',
  'act-settled-approved': '此留言已不再等待審核：它已獲核准。',
  'act-settled-spam': '此留言已不再等待審核：它已被標為垃圾留言。',
  'act-settled-deleted': '此留言已不再等待審核：它已被刪除。',
  // A held comment's facts, on those pages and in the mail about it.
  'comment-thread': '討論串',
  'comment-reply-to': '回覆對象',
  'comment-author': '作者',
  'comment-email': '電子郵件',
  'comment-website': '網站',
  'comment-no-website': '（無）',
  'comment-posted': '發表時間',
  // The page a moderator's unsubscribe link opens (its button and refusals are the reader's).
  'held-mail-on-title': '已重新開啟郵件通知',
  'held-mail-off-title': '不再接收待審核留言的郵件',
  'held-mail-on': '有留言等待審核時，{address} 會收到郵件通知。',
  'held-mail-off':
    '有留言等待審核時，{address} 不會收到郵件通知。申請登入時仍會寄送登入郵件。',
  'held-mail-again': '重新接收郵件通知',
  // The mail about a comment awaiting moderation.
  'held-mail-subject': '{name}的留言正在等待審核',
  'held-mail-intro': '有一則留言正在等待您審核。',
  'held-mail-approve': '核准：{url}',
  'held-mail-spam': '標為垃圾留言：{url}',
  'held-mail-delete': '刪除：{url}',
  'held-mail-links':
    '每個連結都會開啟一個顯示該留言和一個按鈕的頁面：在您按下按鈕之前，不會執行任何動作。',
  'held-mail-once':
    '這些連結中只有一個可以使用，且僅能使用一次，有效期限至{time}。',
  'held-mail-queue': '所有等待審核的留言：{url}',
  'held-mail-comment': '留言內容：',
  'held-mail-cut':
    '（此留言共{count}個字元，每個連結開啟的頁面都會顯示全文。）',
  // The mail with a link to sign in (its page's words are `confirm-mail-page`'s).
  'sign-in-mail-subject': '登入以審核留言',
  'sign-in-mail-asked': '有人（希望是您本人）申請登入 {site} 以審核留言。',
  'sign-in-mail-link': '登入：{url}',
  'sign-in-mail-ignore':
    '如果您並未提出申請，請忽略此郵件：除非有人按下按鈕，否則不會執行任何動作。',
  // The end of every mail to a moderator.
  'moderator-mail-why': '您收到此郵件，是因為您在 {site} 負責審核留言。',
  'moderator-mail-stop': '如要停止接收待審核留言的郵件，請前往 {url}',
  // The public API's refusals, for a page or a program that shows their message: {id} is
  // what was sent, quoted; {max} a count; {size} a size ("1,600 KB"); {origin} a site's
  // address; {method} and {path} the request's. Query parameters, headers and JSON stay as
  // written.
  'api-thread-id': '這不是有效的討論串 ID。',
  'api-thread-id-rule':
    '討論串 ID 由字母、數字及 _ . : - 組成（最多128個字元），並以字母或數字開頭。',
  'api-not-thread-id':
    '{id} 不是有效的討論串 ID。討論串 ID 由字母、數字及 _ . : - 組成（最多128個字元），並以字母或數字開頭。',
  'api-query-invalid': '查詢參數無效。',
  'api-cursor': '此游標不是本服務發出的。',
  'api-send-json': '請以 JSON 格式傳送留言（Content-Type: application/json）。',
  'api-not-json': '請求內容不是有效的 JSON。',
  'api-key-invalid':
    'Idempotency-Key 標頭必須由1至128個可見的 ASCII 字元組成。',
  'api-key-reused':
    '此 Idempotency-Key 已用於另一則留言。傳送每則新留言時，請使用新的 Idempotency-Key。',
  'api-too-large':
    '此請求超出了留言可能達到的最大大小：請求上限為 {size}，足以容納一則以任何文字書寫、長達{max}個字元的留言。未儲存任何內容。',
  'api-still-storing': '先前的一次嘗試仍在儲存此留言。請稍後再試。',
  'api-failed': '留言服務發生錯誤，未儲存任何內容。請再試一次。',
  'api-unavailable': '留言服務目前無法儲存留言，未儲存任何內容。請稍後再試。',
  'api-origin': '此留言服務不接受 {origin} 上的網頁發出的請求。',
  'api-not-found': '此 API 中沒有 {method} {path} 端點。',
  'api-lang': 'lang 參數必須是語言標籤，例如 en 或 km。',
  'api-lang-field': '語言標籤，例如 en、km 或 zh-Hant。',
  'api-count-how':
    '請以 ?threads=a,b,c 的形式指定要計算留言數的討論串：最多{max}個討論串 ID，以半形逗號分隔。',
  'api-count-too-many': '一次最多只能計算{max}個討論串；其餘的請另外發送請求。',
  'api-live-how':
    '請以 ?threads=a,b 的形式指定要即時追蹤的討論串：最多{max}個討論串 ID，以半形逗號分隔。',
  'api-live-too-many': '每個即時連線最多可追蹤{max}個討論串。',
  'api-live-off': '本服務不提供即時更新。',
  'api-live-address-full':
    '來自此網路位址的即時連線已有{max}個，已達上限。請關閉部分顯示留言的網頁；此頁面稍後會自動重試。',
  'api-live-full':
    '留言服務的即時連線數已達上限。頁面稍後會自動重試；重新載入頁面後仍可看到留言。',
};
