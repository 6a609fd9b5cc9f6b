import type { MessageCatalogue } from '../types.js';

/**
 * Arabic (العربية), in the Modern Standard Arabic of news sites. A limit is named after a
 * colon or as "the most … is {max}", so that no counted noun has to agree with a figure
 * the message does not know.
 */
export const locale = 'ar';

export const messages: MessageCatalogue = {
  // The comment form
  'name-required': 'يرجى إدخال اسمك.',
  'name-too-long': 'اسمك طويل جدًا: الحد الأقصى لعدد الأحرف هو {max}.',
  'name-control-character':
    'يحتوي اسمك على فاصل أسطر أو حرف تحكم آخر؛ يرجى حذفه.',
  'name-direction-control':
    'يحتوي اسمك على حرف غير مرئي يغيّر اتجاه النص؛ يرجى حذفه.',
  'name-invisible-character':
    'يحتوي اسمك على حرف غير مرئي، مثل المسافة الصفرية العرض؛ يرجى حذفه.',
  'email-required': 'يرجى إدخال عنوان بريدك الإلكتروني. لن يُنشر هذا العنوان.',
  'email-invalid': 'يرجى إدخال عنوان بريد إلكتروني صالح، مثل name@example.com.',
  'email-too-long':
    'عنوان بريدك الإلكتروني طويل جدًا: الحد الأقصى لعدد الأحرف هو {max}.',
  'url-invalid':
    'يرجى إدخال عنوان موقع إلكتروني يبدأ بـ http:// أو https://، أو ترك هذا الحقل فارغًا.',
  'url-too-long':
    'عنوان موقعك الإلكتروني طويل جدًا: الحد الأقصى لعدد الأحرف هو {max}.',
  'body-required': 'يرجى كتابة تعليق.',
  'body-too-long': 'تعليقك طويل جدًا: الحد الأقصى لعدد الأحرف هو {max}.',
  'body-control-character':
    'يحتوي تعليقك على حرف تحكم غير مرئي؛ يرجى حذفه والمحاولة مرة أخرى.',
  'text-malformed':
    'يحتوي هذا النص على حرف تالف، مثل نصف رمز تعبيري؛ يرجى كتابته مرة أخرى.',
  'text-stacked-marks':
    'يحتوي هذا النص على حرف تتراكم فوقه علامات كثيرة جدًا؛ يرجى حذف بعضها.',
  'thread-required': 'هذا التعليق غير مرتبط بأي نقاش.',
  'parent-invalid': 'تعذّر العثور على التعليق الذي تردّ عليه.',
  'comment-date-invalid':
    'يجب أن يكون تاريخ التعليق تاريخًا ووقتًا بصيغة ISO 8601.',
  'comment-not-posted': 'تعذّر نشر تعليقك: يرجى مراجعة الحقول المميّزة.',
  'comment-duplicate': 'رُصد تعليق مكرر؛ يبدو أنك كتبت هذا من قبل!',
  'comment-too-fast': 'أنت تنشر التعليقات بسرعة كبيرة. يرجى التمهّل.',

  // Articles and operations, for editors
  'text-type': 'يجب أن يكون «{what}» نصًا.',
  'text-empty': 'لا يمكن أن يكون «{what}» فارغًا.',
  'text-too-long': '«{what}» طويل جدًا: الحد الأقصى لعدد الأحرف هو {max}.',
  'http-url-invalid': 'يجب أن يكون «{what}» عنوان URL من نوع http(s).',
  'date-time-invalid': 'يجب أن يكون «{what}» تاريخًا ووقتًا بصيغة ISO 8601.',
  'language-invalid': 'يجب أن تكون اللغة وسمًا بصيغة BCP 47 مثل «en» أو «km».',
  'list-empty': 'تحتاج القائمة إلى عنصر واحد على الأقل.',
  'article-body-empty': 'يحتاج المقال إلى متن.',
  'country-invalid': 'يُكتب البلد برمز ISO 3166-1 alpha-2 مثل KH.',
  'subdivision-invalid': 'يُكتب التقسيم الإداري برمز ISO 3166-2 مثل KH-12.',
  'period-invalid':
    'يجب أن تكون الفترة تاريخًا أو مدة بصيغة EDTF، مثل 2025-07-1X.',
  'offence-invalid': 'يجب أن تكون الجريمة إحدى القيم التالية: {offences}.',
  'count-type': 'يجب أن يكون العدد رقمًا.',
  'count-not-whole': 'يجب أن يكون العدد عددًا صحيحًا.',
  'count-negative': 'لا يمكن أن يكون العدد سالبًا.',
  'count-too-large': 'هذا العدد أكبر من أن يُخزَّن بدقة.',
  'unit-invalid': 'تُكتب الوحدة برمز ISO 4217 مثل USD.',
  'range-reversed': 'يجب ألا يتجاوز الحد الأدنى للنطاق حدّه الأعلى.',

  // The moderation API, for moderators
  'queue-invalid':
    'يجب أن تكون قائمة الانتظار إحدى القيم التالية: pending (قيد المراجعة)، أو spam (رسائل مزعجة)، أو approved (تمت الموافقة عليها)، أو deleted (محذوفة).',
  'search-too-long': 'الحد الأقصى لعدد أحرف البحث هو {max}.',
  'cursor-invalid': 'هذا المؤشر ليس مما أصدرته هذه الخدمة.',
  'limit-invalid': 'يجب أن يكون الحد عددًا صحيحًا من 1 إلى {max}.',
  'action-invalid':
    'يجب أن يكون الإجراء إحدى القيم التالية: approve (الموافقة)، أو spam (رسائل مزعجة)، أو delete (حذف)، أو restore (استعادة)، أو unapprove (إلغاء الموافقة).',
  'ids-required': 'اختر تعليقًا واحدًا على الأقل.',
  'ids-too-many':
    'الحد الأقصى لعدد التعليقات التي يمكن تغييرها دفعة واحدة هو {max}.',
  'comment-id-invalid':
    'يتكوّن معرّف التعليق من أحرف وأرقام و_ . : - (حتى 128 حرفًا).',
  'audit-id-invalid': 'هذا ليس إدخالًا في سجل التدقيق.',
  'blocklist-too-many': 'الحد الأقصى لعدد إدخالات قائمة الحظر هو {max}.',
  'blocklist-entry-too-long':
    'الحد الأقصى لعدد أحرف إدخال قائمة الحظر هو {max}.',
  'blocklist-entry-invalid':
    'إدخال قائمة الحظر سطر واحد من النص، بلا أحرف تحكم.',
  'blocklist-email-invalid':
    'إدخال البريد الإلكتروني عنوان (name@example.com) أو نطاق يبدأ بـ @ (@example.com).',
  'blocklist-address-invalid':
    'إدخال العنوان هذا ليس مما أصدرته هذه الخدمة؛ أعد تحميل قوائم الحظر وحاول مرة أخرى.',
  'thread-title-invalid': 'يجب أن يتراوح عدد أحرف العنوان بين 1 و{max}.',
  'thread-url-invalid': 'يجب أن يبدأ عنوان المقال بـ http:// أو https://.',

  // Quantities: a currency after a vague term is definite ("مليارات الدولارات").
  'quantity-more-than': 'أكثر من {n}',
  'quantity-at-least': 'ما لا يقل عن {n}',
  'quantity-fewer-than': 'أقل من {n}',
  'quantity-up-to': 'ما يصل إلى {n}',
  'quantity-about': 'نحو {n}',
  'quantity-nearly': 'قرابة {n}',
  'quantity-between': 'بين {min} و{max}',
  'quantity-a-few': 'عدد قليل',
  'quantity-several': 'عدد محدود',
  'quantity-dozens': 'عشرات',
  'quantity-scores': 'عشرات',
  'quantity-hundreds': 'مئات',
  'quantity-thousands': 'آلاف',
  'quantity-tens-of-thousands': 'عشرات الآلاف',
  'quantity-millions': 'ملايين',
  'quantity-billions': 'مليارات',
  'quantity-a-few-of': 'عدد قليل من {what}',
  'quantity-several-of': 'عدد من {what}',
  'quantity-dozens-of': 'عشرات {what}',
  'quantity-scores-of': 'عشرات {what}',
  'quantity-hundreds-of': 'مئات {what}',
  'quantity-thousands-of': 'آلاف {what}',
  'quantity-tens-of-thousands-of': 'عشرات الآلاف من {what}',
  'quantity-millions-of': 'ملايين {what}',
  'quantity-billions-of': 'مليارات {what}',
  'quantity-counted': '{quantity} {what}',
  'quantity-amount': '{quantity} {unit}',
  'unit-USD': 'الدولارات',
  'unit-EUR': 'اليوروهات',
  'unit-KHR': 'الريالات الكمبودية',
  // After a figure: plural from 3 to 10, accusative singular from 11 to 99, else singular.
  'unit-USD-counted': {
    zero: 'دولار',
    one: 'دولار',
    two: 'دولار',
    few: 'دولارات',
    many: 'دولارًا',
    other: 'دولار',
  },
  // The euro is not declined after a figure.
  'unit-EUR-counted': {
    zero: 'يورو',
    one: 'يورو',
    two: 'يورو',
    few: 'يورو',
    many: 'يورو',
    other: 'يورو',
  },
  'unit-KHR-counted': {
    zero: 'ريال كمبودي',
    one: 'ريال كمبودي',
    two: 'ريال كمبودي',
    few: 'ريالات كمبودية',
    many: 'ريالًا كمبوديًا',
    other: 'ريال كمبودي',
  },

  // Dates
  'date-approximate': 'حوالي {date}',
  'date-uncertain': '{date} (غير مؤكد)',
  'date-approximate-uncertain': 'حوالي {date} (غير مؤكد)',
  'date-from': 'منذ {date}',
  'date-until': 'حتى {date}',

  // Nationalities: the adjective for one person, the plural for many.
  'demonym-KH': 'كمبودي',
  'demonym-KH-plural': 'كمبوديون',
  'demonym-VN': 'فيتنامي',
  'demonym-VN-plural': 'فيتناميون',
  'demonym-ID': 'إندونيسي',
  'demonym-ID-plural': 'إندونيسيون',
  'demonym-CN': 'صيني',
  'demonym-CN-plural': 'صينيون',
  'demonym-TW': 'تايواني',
  'demonym-TW-plural': 'تايوانيون',
  'demonym-TH': 'تايلندي',
  'demonym-TH-plural': 'تايلنديون',
  'demonym-BD': 'بنغلاديشي',
  'demonym-BD-plural': 'بنغلاديشيون',
  'demonym-MM': 'ميانماري',
  'demonym-MM-plural': 'ميانماريون',
  'demonym-LA': 'لاوسي',
  'demonym-LA-plural': 'لاوسيون',
  'demonym-MY': 'ماليزي',
  'demonym-MY-plural': 'ماليزيون',
  'demonym-PH': 'فلبيني',
  'demonym-PH-plural': 'فلبينيون',
  'demonym-SG': 'سنغافوري',
  'demonym-SG-plural': 'سنغافوريون',
  'demonym-KR': 'كوري جنوبي',
  'demonym-KR-plural': 'كوريون جنوبيون',
  'demonym-JP': 'ياباني',
  'demonym-JP-plural': 'يابانيون',
  'demonym-IN': 'هندي',
  'demonym-IN-plural': 'هنود',
  'demonym-PK': 'باكستاني',
  'demonym-PK-plural': 'باكستانيون',
  'demonym-NP': 'نيبالي',
  'demonym-NP-plural': 'نيباليون',
  'demonym-LK': 'سريلانكي',
  'demonym-LK-plural': 'سريلانكيون',
  'demonym-HK': 'من هونغ كونغ',
  'demonym-HK-plural': 'من هونغ كونغ',
  'demonym-US': 'أمريكي',
  'demonym-US-plural': 'أمريكيون',
  'demonym-GB': 'بريطاني',
  'demonym-GB-plural': 'بريطانيون',
  'demonym-AU': 'أسترالي',
  'demonym-AU-plural': 'أستراليون',
  'demonym-NG': 'نيجيري',
  'demonym-NG-plural': 'نيجيريون',
  'demonym-KE': 'كيني',
  'demonym-KE-plural': 'كينيون',
  'demonym-UG': 'أوغندي',
  'demonym-UG-plural': 'أوغنديون',
  'demonym-ET': 'إثيوبي',
  'demonym-ET-plural': 'إثيوبيون',
  'demonym-RU': 'روسي',
  'demonym-RU-plural': 'روس',
  'demonym-TR': 'تركي',
  'demonym-TR-plural': 'أتراك',
  'demonym-BR': 'برازيلي',
  'demonym-BR-plural': 'برازيليون',
};
