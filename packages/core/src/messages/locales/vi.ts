import type { MessageCatalogue } from '../types.js';

/** Vietnamese (Tiếng Việt), as Vietnam's news sites write it. */
export const locale = 'vi';

export const messages: MessageCatalogue = {
  // The comment form
  'name-required': 'Vui lòng nhập tên của bạn.',
  'name-too-long': 'Tên của bạn quá dài: vui lòng không vượt quá {max} ký tự.',
  'name-control-character':
    'Tên của bạn chứa dấu xuống dòng hoặc một ký tự điều khiển khác; vui lòng xóa ký tự đó.',
  'name-direction-control':
    'Tên của bạn chứa một ký tự vô hình làm thay đổi hướng của văn bản; vui lòng xóa ký tự đó.',
  'name-invisible-character':
    'Tên của bạn chứa một ký tự vô hình, chẳng hạn khoảng trắng có độ rộng bằng 0; vui lòng xóa ký tự đó.',
  'email-required':
    'Vui lòng nhập địa chỉ email của bạn. Địa chỉ này sẽ không được công khai.',
  'email-invalid':
    'Vui lòng nhập một địa chỉ email hợp lệ, chẳng hạn name@example.com.',
  'email-too-long': 'Địa chỉ email của bạn quá dài: giới hạn là {max} ký tự.',
  'url-invalid':
    'Vui lòng nhập địa chỉ trang web bắt đầu bằng http:// hoặc https://, hoặc để trống ô này.',
  'url-too-long': 'Địa chỉ trang web của bạn quá dài: giới hạn là {max} ký tự.',
  'body-required': 'Vui lòng nhập bình luận.',
  'body-too-long':
    'Bình luận của bạn quá dài: vui lòng không vượt quá {max} ký tự.',
  'body-control-character':
    'Bình luận của bạn chứa một ký tự điều khiển vô hình; vui lòng xóa ký tự đó rồi thử lại.',
  'text-malformed':
    'Nội dung này chứa một ký tự bị lỗi, chẳng hạn một nửa biểu tượng cảm xúc; vui lòng nhập lại.',
  'text-stacked-marks':
    'Nội dung này có một chữ cái mang quá nhiều dấu chồng lên nhau; vui lòng bỏ bớt.',
  'thread-required': 'Bình luận này không gắn với cuộc thảo luận nào.',
  'parent-invalid': 'Không tìm thấy bình luận mà bạn đang trả lời.',
  'comment-date-invalid':
    'Ngày của bình luận phải là ngày giờ theo chuẩn ISO 8601.',
  'comment-not-posted':
    'Không thể đăng bình luận của bạn: vui lòng kiểm tra các ô được đánh dấu.',
  'comment-duplicate':
    'Phát hiện bình luận trùng lặp; có vẻ như bạn đã nói điều này rồi!',
  'comment-too-fast': 'Bạn đang gửi bình luận quá nhanh. Vui lòng chậm lại.',

  // Articles and operations, for editors
  'text-type': '“{what}” phải là văn bản.',
  'text-empty': '“{what}” không được để trống.',
  'text-too-long': '“{what}” quá dài: giới hạn là {max} ký tự.',
  'http-url-invalid': '“{what}” phải là một URL http(s).',
  'date-time-invalid': '“{what}” phải là ngày giờ theo chuẩn ISO 8601.',
  'language-invalid':
    'Ngôn ngữ phải là một thẻ BCP 47, chẳng hạn "en" hoặc "km".',
  'list-empty': 'Danh sách cần có ít nhất một mục.',
  'article-body-empty': 'Bài viết cần có nội dung.',
  'country-invalid': 'Quốc gia phải là mã ISO 3166-1 alpha-2, chẳng hạn KH.',
  'subdivision-invalid':
    'Đơn vị hành chính phải là mã ISO 3166-2, chẳng hạn KH-12.',
  'period-invalid':
    'Khoảng thời gian phải là một ngày hoặc một khoảng ngày theo định dạng EDTF, chẳng hạn 2025-07-1X.',
  'offence-invalid':
    'Hành vi phạm tội phải là một trong các giá trị: {offences}.',
  'count-type': 'Số lượng phải là một con số.',
  'count-not-whole': 'Số lượng phải là số nguyên.',
  'count-negative': 'Số lượng không được là số âm.',
  'count-too-large': 'Số lượng này quá lớn để lưu chính xác.',
  'unit-invalid': 'Đơn vị phải là mã ISO 4217, chẳng hạn USD.',
  'range-reversed':
    'Giá trị thấp của một khoảng không được lớn hơn giá trị cao.',

  // The moderation API, for moderators
  'queue-invalid':
    'Hàng đợi phải là một trong các giá trị: pending (chờ duyệt), spam, approved (đã duyệt) hoặc deleted (đã xóa).',
  'search-too-long': 'Vui lòng tìm kiếm tối đa {max} ký tự.',
  'cursor-invalid': 'Con trỏ (cursor) này không phải do dịch vụ này cấp.',
  'limit-invalid': 'Giới hạn phải là một số nguyên từ 1 đến {max}.',
  'action-invalid':
    'Thao tác phải là một trong các giá trị: approve (duyệt), spam, delete (xóa), restore (khôi phục) hoặc unapprove (bỏ duyệt).',
  'ids-required': 'Vui lòng chọn ít nhất một bình luận.',
  'ids-too-many': 'Mỗi lần chỉ có thể thay đổi tối đa {max} bình luận.',
  'comment-id-invalid':
    'Mã bình luận gồm chữ cái, chữ số và _ . : - (tối đa 128 ký tự).',
  'audit-id-invalid': 'Đó không phải là một mục trong nhật ký kiểm tra.',
  'blocklist-too-many': 'Một danh sách chặn có tối đa {max} mục.',
  'blocklist-entry-too-long':
    'Mỗi mục trong danh sách chặn dài tối đa {max} ký tự.',
  'blocklist-entry-invalid':
    'Mỗi mục trong danh sách chặn là một dòng văn bản, không có ký tự điều khiển.',
  'blocklist-email-invalid':
    'Mục email là một địa chỉ (name@example.com) hoặc một tên miền bắt đầu bằng @ (@example.com).',
  'blocklist-address-invalid':
    'Mục địa chỉ này không phải do dịch vụ này cấp; vui lòng tải lại danh sách chặn rồi thử lại.',
  'thread-title-invalid': 'Tiêu đề là văn bản dài từ 1 đến {max} ký tự.',
  'thread-url-invalid':
    'Địa chỉ của bài viết phải bắt đầu bằng http:// hoặc https://.',

  // Quantities
  'quantity-more-than': 'hơn {n}',
  'quantity-at-least': 'ít nhất {n}',
  'quantity-fewer-than': 'chưa đến {n}',
  'quantity-up-to': 'không quá {n}',
  'quantity-about': 'khoảng {n}',
  'quantity-nearly': 'gần {n}',
  'quantity-between': 'từ {min} đến {max}',
  'quantity-a-few': 'một vài',
  'quantity-several': 'một số',
  'quantity-dozens': 'hàng chục',
  'quantity-scores': 'hàng chục',
  'quantity-hundreds': 'hàng trăm',
  'quantity-thousands': 'hàng nghìn',
  'quantity-tens-of-thousands': 'hàng chục nghìn',
  'quantity-millions': 'hàng triệu',
  'quantity-billions': 'hàng tỷ',
  'quantity-a-few-of': 'vài {what}',
  'quantity-several-of': 'một số {what}',
  'quantity-dozens-of': 'hàng chục {what}',
  'quantity-scores-of': 'hàng chục {what}',
  'quantity-hundreds-of': 'hàng trăm {what}',
  'quantity-thousands-of': 'hàng nghìn {what}',
  'quantity-tens-of-thousands-of': 'hàng chục nghìn {what}',
  'quantity-millions-of': 'hàng triệu {what}',
  'quantity-billions-of': 'hàng tỷ {what}',
  'quantity-counted': '{quantity} {what}',
  'quantity-amount': '{quantity} {unit}',
  // Vietnamese news writes dollar amounts in USD: "hơn 1.000 USD", "hàng tỷ USD".
  'unit-USD': 'USD',
  'unit-EUR': 'euro',
  'unit-KHR': 'riel',
  'unit-USD-counted': { other: 'USD' },
  'unit-EUR-counted': { other: 'euro' },
  'unit-KHR-counted': { other: 'riel' },

  // Dates
  'date-approximate': 'khoảng {date}',
  'date-uncertain': '{date} (chưa chắc chắn)',
  'date-approximate-uncertain': 'khoảng {date} (chưa chắc chắn)',
  'date-from': 'từ {date}',
  'date-until': 'đến {date}',

  // Nationalities: "người" and the country, for one person and for many.
  'demonym-KH': 'người Campuchia',
  'demonym-KH-plural': 'người Campuchia',
  'demonym-VN': 'người Việt Nam',
  'demonym-VN-plural': 'người Việt Nam',
  'demonym-ID': 'người Indonesia',
  'demonym-ID-plural': 'người Indonesia',
  'demonym-CN': 'người Trung Quốc',
  'demonym-CN-plural': 'người Trung Quốc',
  'demonym-TW': 'người Đài Loan',
  'demonym-TW-plural': 'người Đài Loan',
  'demonym-TH': 'người Thái Lan',
  'demonym-TH-plural': 'người Thái Lan',
  'demonym-BD': 'người Bangladesh',
  'demonym-BD-plural': 'người Bangladesh',
  'demonym-MM': 'người Myanmar',
  'demonym-MM-plural': 'người Myanmar',
  'demonym-LA': 'người Lào',
  'demonym-LA-plural': 'người Lào',
  'demonym-MY': 'người Malaysia',
  'demonym-MY-plural': 'người Malaysia',
  'demonym-PH': 'người Philippines',
  'demonym-PH-plural': 'người Philippines',
  'demonym-SG': 'người Singapore',
  'demonym-SG-plural': 'người Singapore',
  'demonym-KR': 'người Hàn Quốc',
  'demonym-KR-plural': 'người Hàn Quốc',
  'demonym-JP': 'người Nhật Bản',
  'demonym-JP-plural': 'người Nhật Bản',
  'demonym-IN': 'người Ấn Độ',
  'demonym-IN-plural': 'người Ấn Độ',
  'demonym-PK': 'người Pakistan',
  'demonym-PK-plural': 'người Pakistan',
  'demonym-NP': 'người Nepal',
  'demonym-NP-plural': 'người Nepal',
  'demonym-LK': 'người Sri Lanka',
  'demonym-LK-plural': 'người Sri Lanka',
  'demonym-HK': 'người Hồng Kông',
  'demonym-HK-plural': 'người Hồng Kông',
  'demonym-US': 'người Mỹ',
  'demonym-US-plural': 'người Mỹ',
  'demonym-GB': 'người Anh',
  'demonym-GB-plural': 'người Anh',
  'demonym-AU': 'người Australia',
  'demonym-AU-plural': 'người Australia',
  'demonym-NG': 'người Nigeria',
  'demonym-NG-plural': 'người Nigeria',
  'demonym-KE': 'người Kenya',
  'demonym-KE-plural': 'người Kenya',
  'demonym-UG': 'người Uganda',
  'demonym-UG-plural': 'người Uganda',
  'demonym-ET': 'người Ethiopia',
  'demonym-ET-plural': 'người Ethiopia',
  'demonym-RU': 'người Nga',
  'demonym-RU-plural': 'người Nga',
  'demonym-TR': 'người Thổ Nhĩ Kỳ',
  'demonym-TR-plural': 'người Thổ Nhĩ Kỳ',
  'demonym-BR': 'người Brazil',
  'demonym-BR-plural': 'người Brazil',
};
