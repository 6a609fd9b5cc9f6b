import type { ReaderWords } from './en.js';

/** What the service writes to a reader (mails, and the pages their links open), in Vietnamese. */
export const words: ReaderWords = {
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
};
