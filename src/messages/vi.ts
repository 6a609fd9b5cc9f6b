import type { ServiceWords } from './en.js';

/** What the service writes to readers and moderators (mails, and the pages it shows), in Vietnamese. */
export const words: ServiceWords = {
  'thread-titled': '“{title}”',
  'thread-by-id': 'luồng thảo luận “{id}”',
  'unchanged-title': 'Không có gì thay đổi',
  unchanged: '{reason} Không có gì được thay đổi.',
  'cross-site-title': 'Không chấp nhận yêu cầu từ trang web khác',
  'cross-site':
    'Biểu mẫu này chỉ có thể được gửi từ chính các trang của dịch vụ này. Không có thao tác nào được thực hiện.',
  'confirm-link-unknown':
    'Liên kết xác nhận này không hợp lệ: có thể liên kết đã bị thiếu một phần hoặc bị thay đổi.',
  'confirm-link-used': 'Liên kết xác nhận này đã được sử dụng.',
  'confirm-link-expired':
    'Liên kết xác nhận này đã hết hạn: liên kết trong email chỉ có hiệu lực trong {days} ngày. Vui lòng yêu cầu lại khi bạn gửi bình luận tiếp theo.',
  'confirm-title': 'Xác nhận đăng ký nhận email khi có bình luận mới?',
  'confirm-text':
    'Nhấn nút để nhận email mỗi khi có bình luận mới trong các luồng thảo luận mà địa chỉ email này đã yêu cầu.',
  'confirm-button': 'Xác nhận',
  'confirm-once':
    'Liên kết này chỉ dùng được một lần, cho đến {time}. Nếu bạn không yêu cầu, hãy đóng trang này: sẽ không có email nào được gửi.',
  'confirmed-title': 'Đã xác nhận',
  confirmed:
    'Địa chỉ email của bạn đã được xác nhận. Bạn sẽ nhận được email khi có bình luận mới trong các luồng thảo luận mà bạn đã yêu cầu; mỗi email đều có liên kết để ngừng nhận.',
  'stop-link-unknown':
    'Liên kết ngừng nhận email này không hợp lệ: có thể liên kết đã bị thiếu một phần hoặc bị thay đổi.',
  'stop-unclear':
    'Yêu cầu này không cho biết cần thay đổi gì (hãy gửi List-Unsubscribe=One-Click để ngừng nhận các email này).',
  'stop-title': 'Ngừng nhận các email này?',
  'stop-text':
    'Địa chỉ email này đang nhận email khi có bình luận mới tại {thread}.',
  'stop-button': 'Ngừng nhận các email này',
  'stopped-title': 'Đã ngừng gửi email về luồng thảo luận này',
  stopped:
    'Bạn sẽ không nhận được email về bình luận mới tại {thread} nữa. Để nhận lại thông báo, hãy đánh dấu vào ô “{label}” khi bạn bình luận lần tới ở đó.',
  'notify-label': 'Thông báo cho tôi qua email khi có bình luận tiếp theo.',
  'confirm-mail-subject': 'Xác nhận đăng ký nhận email khi có bình luận mới',
  'confirm-mail-asked':
    'Có người (chúng tôi hy vọng là bạn) đã yêu cầu nhận email khi có bình luận mới tại {thread} trên {site}.',
  'confirm-mail-link': 'Xác nhận: {url}',
  'confirm-mail-page':
    'Liên kết sẽ mở một trang có nút “{button}”. Liên kết này chỉ dùng được một lần, cho đến {time}.',
  'confirm-mail-once':
    'Sau khi địa chỉ email này được xác nhận, các yêu cầu sau đó từ địa chỉ này sẽ không cần xác nhận nữa.',
  'confirm-mail-ignore':
    'Nếu bạn không yêu cầu, hãy bỏ qua email này: sẽ không có thêm email nào được gửi cho bạn trừ khi nút đó được nhấn.',
  'reply-mail-subject': 'Phản hồi mới tại {thread}',
  'reply-mail-wrote': '{name} đã viết vào {time}:',
  'reply-mail-cut':
    '(Bình luận này dài {count} ký tự; trang của bình luận hiển thị toàn bộ nội dung.)',
  'reply-mail-read': 'Đọc và trả lời: {url}',
  'mail-why':
    'Bạn nhận được email này vì bạn đã yêu cầu nhận thông báo về bình luận mới tại {thread} trên {site}.',
  'mail-stop': 'Để ngừng nhận email về luồng thảo luận này, hãy mở {url}',
  // A moderator's pages to sign in.
  'sign-in-title': 'Đăng nhập',
  'sign-in-how': 'Người kiểm duyệt đăng nhập bằng liên kết được gửi qua email.',
  'sign-in-email': 'Địa chỉ email',
  'sign-in-send': 'Gửi liên kết đăng nhập đến email của tôi',
  'sign-in-email-missing':
    'Vui lòng nhập địa chỉ email bạn dùng để kiểm duyệt.',
  'sign-in-signed-in': 'Bạn đang đăng nhập bằng {email}.',
  'open-moderation': 'Mở trang kiểm duyệt',
  'sign-in-off':
    'Dịch vụ này đã tắt tính năng đăng nhập qua email: tính năng này cần một máy chủ email ({smtp}). Thay vào đó, hãy kiểm duyệt bằng token quản trị ({token}).',
  'sign-in-requested-title': 'Hãy kiểm tra email của bạn',
  'sign-in-requested':
    'Nếu địa chỉ đó thuộc về một người kiểm duyệt, liên kết đăng nhập đang được gửi đến. Liên kết này chỉ dùng được một lần, trong vòng {minutes} phút.',
  'sign-in-ask-again': 'Yêu cầu lại',
  'too-many-title': 'Quá nhiều yêu cầu',
  'sign-in-too-many':
    'Đã có quá nhiều yêu cầu đăng nhập từ đây hoặc cho địa chỉ email này. Vui lòng thử lại {when}.',
  'sign-in-confirm':
    'Đăng nhập bằng {email} để kiểm duyệt bình luận. Liên kết này chỉ dùng được một lần, cho đến {time}.',
  'sign-in-button': 'Đăng nhập',
  'sign-in-link-title': 'Không thể đăng nhập bằng liên kết này',
  'sign-in-link-unknown':
    'Liên kết đăng nhập này không hợp lệ: có thể liên kết đã bị thiếu một phần hoặc bị thay đổi. Hãy yêu cầu một liên kết mới.',
  'sign-in-link-used':
    'Liên kết đăng nhập này đã được sử dụng. Mỗi liên kết chỉ dùng được một lần: hãy yêu cầu một liên kết mới.',
  'sign-in-link-expired':
    'Liên kết đăng nhập này đã hết hạn: liên kết chỉ có hiệu lực trong {minutes} phút. Hãy yêu cầu một liên kết mới.',
  'sign-in-new-link': 'Yêu cầu liên kết mới',
  // The pages a mail about a held comment opens: one button each, then what it did.
  'act-approve-title': 'Duyệt bình luận này?',
  'act-approve': 'Duyệt bình luận này',
  'act-approved-title': 'Đã duyệt',
  'act-approved':
    'Bình luận đã được duyệt: độc giả có thể thấy bình luận này trong luồng thảo luận.',
  'act-spam-title': 'Đánh dấu bình luận này là spam?',
  'act-spam': 'Đánh dấu bình luận này là spam',
  'act-spammed-title': 'Đã đánh dấu là spam',
  'act-spammed':
    'Bình luận đã bị đánh dấu là spam: độc giả không thấy bình luận này.',
  'act-delete-title': 'Xóa bình luận này?',
  'act-delete': 'Xóa bình luận này',
  'act-deleted-title': 'Đã xóa',
  'act-deleted': 'Bình luận đã bị xóa: độc giả không thấy bình luận này.',
  'act-once': 'Liên kết này chỉ dùng được một lần, cho đến {time}.',
  'act-link-unknown':
    'Liên kết này không hợp lệ: có thể liên kết đã bị thiếu một phần hoặc bị thay đổi.',
  'act-link-gone': 'Bình luận mà liên kết này trỏ tới không còn tồn tại.',
  'act-link-used':
    'Liên kết này đã được sử dụng. Các liên kết trong mỗi email chỉ dùng được một lần.',
  'act-link-used-approve':
    'Liên kết này đã được dùng vào {time} để duyệt bình luận. Các liên kết trong mỗi email chỉ dùng được một lần.',
  'act-link-used-spam':
    'Liên kết này đã được dùng vào {time} để đánh dấu bình luận là spam. Các liên kết trong mỗi email chỉ dùng được một lần.',
  'act-link-used-delete':
    'Liên kết này đã được dùng vào {time} để xóa bình luận. Các liên kết trong mỗi email chỉ dùng được một lần.',
  'act-link-expired':
    'Liên kết này đã hết hạn: liên kết trong email chỉ có hiệu lực trong {days} ngày.',
  'act-former':
    'Liên kết này đã được gửi đến một địa chỉ email không còn kiểm duyệt bình luận tại đây.',
  'act-settled-approved':
    'Bình luận này không còn chờ kiểm duyệt: bình luận đã được duyệt.',
  'act-settled-spam':
    'Bình luận này không còn chờ kiểm duyệt: bình luận đã bị đánh dấu là spam.',
  'act-settled-deleted':
    'Bình luận này không còn chờ kiểm duyệt: bình luận đã bị xóa.',
  // A held comment's facts, on those pages and in the mail about it.
  'comment-thread': 'Luồng thảo luận',
  'comment-reply-to': 'Trả lời',
  'comment-author': 'Người viết',
  'comment-email': 'Địa chỉ email',
  'comment-website': 'Trang web',
  'comment-no-website': '(không có)',
  'comment-posted': 'Thời gian đăng',
  // The page a moderator's unsubscribe link opens (its button and refusals are the reader's).
  'held-mail-on-title': 'Đã bật lại email',
  'held-mail-off-title': 'Đã ngừng gửi email về bình luận chờ kiểm duyệt',
  'held-mail-on':
    'Địa chỉ {address} sẽ nhận được email mỗi khi có bình luận chờ kiểm duyệt.',
  'held-mail-off':
    'Địa chỉ {address} sẽ không nhận email khi có bình luận chờ kiểm duyệt. Email đăng nhập vẫn được gửi khi có yêu cầu.',
  'held-mail-again': 'Tiếp tục gửi email cho tôi',
  // The mail about a comment awaiting moderation.
  'held-mail-subject': 'Bình luận của {name} đang chờ kiểm duyệt',
  'held-mail-intro': 'Có một bình luận đang chờ bạn kiểm duyệt.',
  'held-mail-approve': 'Duyệt: {url}',
  'held-mail-spam': 'Đánh dấu là spam: {url}',
  'held-mail-delete': 'Xóa: {url}',
  'held-mail-links':
    'Mỗi liên kết sẽ mở một trang có bình luận và một nút: sẽ không có gì xảy ra cho đến khi bạn nhấn nút đó.',
  'held-mail-once':
    'Chỉ có thể dùng một trong các liên kết này, và chỉ một lần, cho đến {time}.',
  'held-mail-queue': 'Tất cả bình luận đang chờ kiểm duyệt: {url}',
  'held-mail-comment': 'Bình luận:',
  'held-mail-cut':
    '(Bình luận này dài {count} ký tự; trang mà mỗi liên kết mở ra hiển thị toàn bộ nội dung.)',
  // The mail with a link to sign in (its page's words are `confirm-mail-page`'s).
  'sign-in-mail-subject': 'Đăng nhập để kiểm duyệt bình luận',
  'sign-in-mail-asked':
    'Có người (chúng tôi hy vọng là bạn) đã yêu cầu đăng nhập để kiểm duyệt bình luận trên {site}.',
  'sign-in-mail-link': 'Đăng nhập: {url}',
  'sign-in-mail-ignore':
    'Nếu bạn không yêu cầu, hãy bỏ qua email này: sẽ không có gì xảy ra trừ khi nút đó được nhấn.',
  // The end of every mail to a moderator.
  'moderator-mail-why':
    'Bạn nhận được email này vì bạn kiểm duyệt bình luận trên {site}.',
  'moderator-mail-stop':
    'Để ngừng nhận email về bình luận chờ kiểm duyệt, hãy mở {url}',
  // The public API's refusals, for a page or a program that shows their message: {id} is
  // what was sent, quoted; {max} a count; {size} a size ("1,600 KB"); {origin} a site's
  // address; {method} and {path} the request's. Query parameters, headers and JSON stay as
  // written.
  'api-thread-id': 'Đây không phải là mã luồng thảo luận.',
  'api-thread-id-rule':
    'Mã luồng thảo luận gồm chữ cái, chữ số và _ . : - (tối đa 128 ký tự), bắt đầu bằng một chữ cái hoặc chữ số.',
  'api-not-thread-id':
    '{id} không phải là mã luồng thảo luận. Mã luồng thảo luận gồm chữ cái, chữ số và _ . : - (tối đa 128 ký tự), bắt đầu bằng một chữ cái hoặc chữ số.',
  'api-query-invalid': 'Truy vấn không hợp lệ.',
  'api-cursor': 'Con trỏ (cursor) này không phải do dịch vụ này cấp.',
  'api-send-json':
    'Hãy gửi bình luận dưới dạng JSON (Content-Type: application/json).',
  'api-not-json': 'Nội dung yêu cầu không phải là JSON hợp lệ.',
  'api-key-invalid':
    'Header Idempotency-Key phải gồm từ 1 đến 128 ký tự ASCII nhìn thấy được.',
  'api-key-reused':
    'Idempotency-Key này đã được dùng cho một bình luận khác. Hãy gửi mỗi bình luận mới kèm một khóa mới.',
  'api-too-large':
    'Yêu cầu này lớn hơn mức mà bất kỳ bình luận nào có thể đạt tới: mỗi yêu cầu được giới hạn ở {size}, đủ cho một bình luận dài {max} ký tự bằng bất kỳ hệ chữ viết nào. Không có gì được lưu.',
  'api-still-storing':
    'Bình luận này vẫn đang được lưu từ một lần gửi trước. Vui lòng thử lại sau giây lát.',
  'api-failed':
    'Dịch vụ bình luận đã gặp lỗi; không có gì được lưu. Vui lòng thử lại.',
  'api-unavailable':
    'Dịch vụ bình luận hiện không thể lưu bình luận; không có gì được lưu. Vui lòng thử lại sau.',
  'api-origin':
    'Dịch vụ bình luận này không chấp nhận yêu cầu từ các trang trên {origin}.',
  'api-not-found': 'Không có {method} {path} trong API này.',
  'api-lang': 'Tham số lang phải là một thẻ ngôn ngữ, chẳng hạn en hoặc km.',
  'api-lang-field': 'Một thẻ ngôn ngữ, chẳng hạn en, km hoặc zh-Hant.',
  'api-count-how':
    'Hãy nêu các luồng thảo luận cần đếm dưới dạng ?threads=a,b,c: tối đa {max} mã luồng thảo luận, phân cách bằng dấu phẩy.',
  'api-count-too-many':
    'Mỗi lần chỉ có thể đếm tối đa {max} luồng thảo luận; hãy gửi một yêu cầu khác cho các luồng còn lại.',
  'api-live-how':
    'Hãy nêu các luồng thảo luận cần theo dõi dưới dạng ?threads=a,b: tối đa {max} mã luồng thảo luận, phân cách bằng dấu phẩy.',
  'api-live-too-many':
    'Mỗi kết nối trực tiếp theo dõi được tối đa {max} luồng thảo luận.',
  'api-live-off': 'Dịch vụ này không cung cấp cập nhật trực tiếp.',
  'api-live-address-full':
    'Địa chỉ này đã mở {max} kết nối trực tiếp, mức tối đa được phép. Hãy đóng bớt một số trang đang hiển thị bình luận; trang này sẽ thử lại sau.',
  'api-live-full':
    'Dịch vụ bình luận đã có số kết nối trực tiếp nhiều nhất mà nó có thể đáp ứng. Trang sẽ thử lại sau; bình luận vẫn hiển thị khi tải lại trang.',
};
