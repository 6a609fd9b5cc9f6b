import type { MessageCatalogue } from '../types.js';

/** Indonesian (Bahasa Indonesia), as Indonesia's news sites write it. */
export const locale = 'id';

export const messages: MessageCatalogue = {
  // The comment form
  'name-required': 'Silakan masukkan nama Anda.',
  'name-too-long': 'Nama Anda terlalu panjang: maksimal {max} karakter.',
  'name-control-character':
    'Nama Anda mengandung baris baru atau karakter kontrol lain; silakan hapus.',
  'name-direction-control':
    'Nama Anda mengandung karakter tak terlihat yang mengubah arah teks; silakan hapus.',
  'name-invisible-character':
    'Nama Anda mengandung karakter tak terlihat, seperti spasi lebar nol; silakan hapus.',
  'email-required':
    'Silakan masukkan alamat email Anda. Alamat email tidak akan dipublikasikan.',
  'email-invalid':
    'Silakan masukkan alamat email yang valid, misalnya name@example.com.',
  'email-too-long':
    'Alamat email Anda terlalu panjang: batasnya {max} karakter.',
  'url-invalid':
    'Silakan masukkan alamat situs web yang diawali http:// atau https://, atau biarkan kosong.',
  'url-too-long':
    'Alamat situs web Anda terlalu panjang: batasnya {max} karakter.',
  'body-required': 'Silakan tulis komentar.',
  'body-too-long': 'Komentar Anda terlalu panjang: maksimal {max} karakter.',
  'body-control-character':
    'Komentar Anda mengandung karakter kontrol tak terlihat; silakan hapus, lalu coba lagi.',
  'text-malformed':
    'Teks ini mengandung karakter rusak, misalnya separuh emoji; silakan ketik ulang.',
  'text-stacked-marks':
    'Teks ini mengandung huruf dengan terlalu banyak aksen atau tanda yang bertumpuk; silakan hapus sebagian.',
  'thread-required': 'Komentar ini tidak terhubung ke diskusi mana pun.',
  'parent-invalid': 'Komentar yang Anda balas tidak ditemukan.',
  'comment-date-invalid':
    'Tanggal komentar harus berupa tanggal dan waktu ISO 8601.',
  'comment-not-posted':
    'Komentar Anda tidak dapat dikirim: silakan periksa kolom yang ditandai.',
  'comment-duplicate':
    'Komentar ganda terdeteksi; tampaknya Anda sudah menulis hal yang sama!',
  'comment-too-fast':
    'Anda mengirim komentar terlalu cepat. Harap tunggu sebentar.',

  // Articles and operations, for editors
  'text-type': '“{what}” harus berupa teks.',
  'text-empty': '“{what}” tidak boleh kosong.',
  'text-too-long': '“{what}” terlalu panjang: batasnya {max} karakter.',
  'http-url-invalid': '“{what}” harus berupa URL http(s).',
  'date-time-invalid': '“{what}” harus berupa tanggal dan waktu ISO 8601.',
  'language-invalid':
    'Bahasa harus berupa tag BCP 47, misalnya "en" atau "km".',
  'list-empty': 'Daftar memerlukan setidaknya satu butir.',
  'article-body-empty': 'Artikel memerlukan isi.',
  'country-invalid':
    'Negara ditulis dengan kode ISO 3166-1 alpha-2, misalnya KH.',
  'subdivision-invalid':
    'Wilayah administratif ditulis dengan kode ISO 3166-2, misalnya KH-12.',
  'period-invalid':
    'Periode harus berupa tanggal atau rentang waktu EDTF, misalnya 2025-07-1X.',
  'offence-invalid': 'Tindak pidana harus salah satu dari: {offences}.',
  'count-type': 'Jumlah harus berupa angka.',
  'count-not-whole': 'Jumlah harus berupa bilangan bulat.',
  'count-negative': 'Jumlah tidak boleh negatif.',
  'count-too-large': 'Jumlah itu terlalu besar untuk disimpan secara tepat.',
  'unit-invalid': 'Satuan ditulis dengan kode ISO 4217, misalnya USD.',
  'range-reversed':
    'Angka terendah suatu rentang tidak boleh melebihi angka tertingginya.',

  // The moderation API, for moderators
  'queue-invalid':
    'Antrean harus salah satu dari: pending (menunggu moderasi), spam, approved (disetujui), atau deleted (dihapus).',
  'search-too-long': 'Kata pencarian paling banyak {max} karakter.',
  'cursor-invalid': 'Kursor itu bukan yang diberikan layanan ini.',
  'limit-invalid': 'Batas harus berupa bilangan bulat dari 1 sampai {max}.',
  'action-invalid':
    'Tindakan harus salah satu dari: approve (setujui), spam, delete (hapus), restore (pulihkan), atau unapprove (batalkan persetujuan).',
  'ids-required': 'Pilih setidaknya satu komentar.',
  'ids-too-many': 'Paling banyak {max} komentar dapat diubah sekaligus.',
  'comment-id-invalid':
    'ID komentar terdiri atas huruf, angka, dan _ . : - (hingga 128 karakter).',
  'audit-id-invalid': 'Itu bukan entri log audit.',
  'blocklist-too-many': 'Daftar blokir memuat paling banyak {max} entri.',
  'blocklist-entry-too-long':
    'Entri daftar blokir paling panjang {max} karakter.',
  'blocklist-entry-invalid':
    'Entri daftar blokir berupa satu baris teks tanpa karakter kontrol.',
  'blocklist-email-invalid':
    'Entri email berupa alamat (name@example.com) atau domain yang diawali @ (@example.com).',
  'blocklist-address-invalid':
    'Entri alamat itu bukan yang diberikan layanan ini; muat ulang daftar blokir, lalu coba lagi.',
  'thread-title-invalid':
    'Judul berupa teks sepanjang 1 sampai {max} karakter.',
  'thread-url-invalid': 'Alamat artikel harus diawali http:// atau https://.',
  'order-invalid':
    'Urutan harus "oldest" (terlama dahulu) atau "newest" (terbaru dahulu).',
  'notify-invalid':
    'Pilihan untuk mengirimi Anda email tentang komentar lanjutan harus true atau false.',
  'status-invalid': 'Status harus salah satu dari: {statuses}.',

  // Quantities
  'quantity-more-than': 'lebih dari {n}',
  'quantity-at-least': 'sedikitnya {n}',
  'quantity-fewer-than': 'kurang dari {n}',
  'quantity-up-to': 'hingga {n}',
  'quantity-about': 'sekitar {n}',
  'quantity-nearly': 'hampir {n}',
  'quantity-between': 'antara {min} dan {max}',
  'quantity-a-few': 'beberapa',
  'quantity-several': 'sejumlah',
  'quantity-dozens': 'puluhan',
  'quantity-scores': 'puluhan',
  'quantity-hundreds': 'ratusan',
  'quantity-thousands': 'ribuan',
  'quantity-tens-of-thousands': 'puluhan ribu',
  'quantity-millions': 'jutaan',
  'quantity-billions': 'miliaran',
  'quantity-a-few-of': 'beberapa {what}',
  'quantity-several-of': 'sejumlah {what}',
  'quantity-dozens-of': 'puluhan {what}',
  'quantity-scores-of': 'puluhan {what}',
  'quantity-hundreds-of': 'ratusan {what}',
  'quantity-thousands-of': 'ribuan {what}',
  'quantity-tens-of-thousands-of': 'puluhan ribu {what}',
  'quantity-millions-of': 'jutaan {what}',
  'quantity-billions-of': 'miliaran {what}',
  'quantity-counted': '{quantity} {what}',
  'quantity-amount': '{quantity} {unit}',
  'unit-USD': 'dolar AS',
  'unit-EUR': 'euro',
  'unit-KHR': 'riel',
  'unit-USD-counted': { other: 'dolar AS' },
  'unit-EUR-counted': { other: 'euro' },
  'unit-KHR-counted': { other: 'riel' },

  // Dates
  'date-approximate': 'sekitar {date}',
  'date-uncertain': '{date} (belum pasti)',
  'date-approximate-uncertain': 'sekitar {date} (belum pasti)',
  'date-from': 'sejak {date}',
  'date-until': 'hingga {date}',

  // Nationalities: "warga" and the country, for one person and for many.
  'demonym-KH': 'warga Kamboja',
  'demonym-KH-plural': 'warga Kamboja',
  'demonym-VN': 'warga Vietnam',
  'demonym-VN-plural': 'warga Vietnam',
  'demonym-ID': 'warga Indonesia',
  'demonym-ID-plural': 'warga Indonesia',
  'demonym-CN': 'warga Tiongkok',
  'demonym-CN-plural': 'warga Tiongkok',
  'demonym-TW': 'warga Taiwan',
  'demonym-TW-plural': 'warga Taiwan',
  'demonym-TH': 'warga Thailand',
  'demonym-TH-plural': 'warga Thailand',
  'demonym-BD': 'warga Bangladesh',
  'demonym-BD-plural': 'warga Bangladesh',
  'demonym-MM': 'warga Myanmar',
  'demonym-MM-plural': 'warga Myanmar',
  'demonym-LA': 'warga Laos',
  'demonym-LA-plural': 'warga Laos',
  'demonym-MY': 'warga Malaysia',
  'demonym-MY-plural': 'warga Malaysia',
  'demonym-PH': 'warga Filipina',
  'demonym-PH-plural': 'warga Filipina',
  'demonym-SG': 'warga Singapura',
  'demonym-SG-plural': 'warga Singapura',
  'demonym-KR': 'warga Korea Selatan',
  'demonym-KR-plural': 'warga Korea Selatan',
  'demonym-JP': 'warga Jepang',
  'demonym-JP-plural': 'warga Jepang',
  'demonym-IN': 'warga India',
  'demonym-IN-plural': 'warga India',
  'demonym-PK': 'warga Pakistan',
  'demonym-PK-plural': 'warga Pakistan',
  'demonym-NP': 'warga Nepal',
  'demonym-NP-plural': 'warga Nepal',
  'demonym-LK': 'warga Sri Lanka',
  'demonym-LK-plural': 'warga Sri Lanka',
  'demonym-HK': 'warga Hong Kong',
  'demonym-HK-plural': 'warga Hong Kong',
  'demonym-US': 'warga Amerika Serikat',
  'demonym-US-plural': 'warga Amerika Serikat',
  'demonym-GB': 'warga Inggris',
  'demonym-GB-plural': 'warga Inggris',
  'demonym-AU': 'warga Australia',
  'demonym-AU-plural': 'warga Australia',
  'demonym-NG': 'warga Nigeria',
  'demonym-NG-plural': 'warga Nigeria',
  'demonym-KE': 'warga Kenya',
  'demonym-KE-plural': 'warga Kenya',
  'demonym-UG': 'warga Uganda',
  'demonym-UG-plural': 'warga Uganda',
  'demonym-ET': 'warga Etiopia',
  'demonym-ET-plural': 'warga Etiopia',
  'demonym-RU': 'warga Rusia',
  'demonym-RU-plural': 'warga Rusia',
  'demonym-TR': 'warga Turki',
  'demonym-TR-plural': 'warga Turki',
  'demonym-BR': 'warga Brasil',
  'demonym-BR-plural': 'warga Brasil',

  // Calendars, relative times, lists and country names, for a platform without Indonesian data;
  // Intl writes them where it has.
  'month-1': 'Januari',
  'month-2': 'Februari',
  'month-3': 'Maret',
  'month-4': 'April',
  'month-5': 'Mei',
  'month-6': 'Juni',
  'month-7': 'Juli',
  'month-8': 'Agustus',
  'month-9': 'September',
  'month-10': 'Oktober',
  'month-11': 'November',
  'month-12': 'Desember',
  'date-day': '{day} {month} {year}',
  'date-month': '{month} {year}',
  'date-year': '{year}',
  'date-range': '{from}\u2009–\u2009{to}',
  'date-years': '{from}\u2009–\u2009{to}',
  'date-days-in-month': '{from}–{to} {month} {year}',
  'date-days-in-year': '{from} {fromMonth}\u2009–\u2009{to} {toMonth} {year}',
  'date-months-in-year': '{fromMonth}–{toMonth} {year}',
  'date-at-time': '{date} pukul {time}',
  'time-of-day': '{hour}.{minute}',

  // Relative times
  'relative-now': 'sekarang',
  'relative-yesterday': 'kemarin',
  'relative-tomorrow': 'besok',
  'relative-last-week': 'minggu lalu',
  'relative-next-week': 'minggu depan',
  'relative-last-month': 'bulan lalu',
  'relative-next-month': 'bulan depan',
  'relative-last-year': 'tahun lalu',
  'relative-next-year': 'tahun depan',
  'relative-seconds-ago': { other: '{n} detik yang lalu' },
  'relative-in-seconds': { other: 'dalam {n} detik' },
  'relative-minutes-ago': { other: '{n} menit yang lalu' },
  'relative-in-minutes': { other: 'dalam {n} menit' },
  'relative-hours-ago': { other: '{n} jam yang lalu' },
  'relative-in-hours': { other: 'dalam {n} jam' },
  'relative-days-ago': { other: '{n} hari yang lalu' },
  'relative-in-days': { other: 'dalam {n} hari' },
  'relative-weeks-ago': { other: '{n} minggu yang lalu' },
  'relative-in-weeks': { other: 'dalam {n} minggu' },
  'relative-months-ago': { other: '{n} bulan yang lalu' },
  'relative-in-months': { other: 'dalam {n} bulan' },
  'relative-years-ago': { other: '{n} tahun yang lalu' },
  'relative-in-years': { other: 'dalam {n} tahun' },

  // Lists
  'list-and': '{first} dan {last}',
  'list-and-last': '{first}, dan {last}',
  'list-separator': '{first}, {last}',

  // The region’s countries
  'country-KH': 'Kamboja',
  'country-VN': 'Vietnam',
  'country-ID': 'Indonesia',
  'country-CN': 'Tiongkok',
  'country-TW': 'Taiwan',
  'country-TH': 'Thailand',
  'country-BD': 'Bangladesh',
  'country-MM': 'Myanmar',
  'country-LA': 'Laos',
  'country-MY': 'Malaysia',
  'country-PH': 'Filipina',
  'country-SG': 'Singapura',
  'country-KR': 'Korea Selatan',
  'country-JP': 'Jepang',
  'country-IN': 'India',
  'country-PK': 'Pakistan',
  'country-NP': 'Nepal',
  'country-LK': 'Sri Lanka',
  'country-HK': 'Hong Kong',
  'country-US': 'Amerika Serikat',
  'country-GB': 'Inggris Raya',
  'country-AU': 'Australia',
  'country-NG': 'Nigeria',
  'country-KE': 'Kenya',
  'country-UG': 'Uganda',
  'country-ET': 'Etiopia',
  'country-RU': 'Rusia',
  'country-TR': 'Turki',
  'country-BR': 'Brasil',
};
