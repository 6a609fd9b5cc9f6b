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
};
