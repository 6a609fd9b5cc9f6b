import type { ServiceWords } from './en.js';

/** What the service writes to readers and moderators (mails, and the pages it shows), in Indonesian. */
export const words: ServiceWords = {
  'thread-titled': '“{title}”',
  'thread-by-id': 'utas “{id}”',
  'unchanged-title': 'Tidak ada yang diubah',
  unchanged: '{reason} Tidak ada yang diubah.',
  'cross-site-title': 'Tidak diterima dari situs lain',
  'cross-site':
    'Formulir ini hanya dapat dikirim dari halaman layanan ini sendiri. Tidak ada tindakan yang dilakukan.',
  'confirm-link-unknown':
    'Tautan konfirmasi ini tidak valid: mungkin tautannya terpotong atau telah diubah.',
  'confirm-link-used': 'Tautan konfirmasi ini sudah pernah digunakan.',
  'confirm-link-expired':
    'Tautan konfirmasi ini sudah kedaluwarsa: tautan dalam email hanya berlaku selama {days} hari. Silakan minta lagi saat Anda mengirim komentar berikutnya.',
  'confirm-title': 'Konfirmasi pemberitahuan komentar baru melalui email?',
  'confirm-text':
    'Tekan tombol untuk menerima email setiap kali ada komentar baru di utas yang diminta oleh alamat email ini.',
  'confirm-button': 'Konfirmasi',
  'confirm-once':
    'Tautan ini hanya dapat digunakan sekali, sampai {time}. Jika Anda tidak memintanya, tutup saja halaman ini: tidak ada email yang akan dikirim.',
  'confirmed-title': 'Sudah dikonfirmasi',
  confirmed:
    'Alamat email Anda sudah dikonfirmasi. Anda akan menerima email setiap kali ada komentar baru di utas yang Anda minta; setiap email berisi tautan untuk berhenti menerima email tersebut.',
  'stop-link-unknown':
    'Tautan berhenti berlangganan ini tidak valid: mungkin tautannya terpotong atau telah diubah.',
  'stop-unclear':
    'Permintaan ini tidak menyebutkan apa yang harus diubah (kirim List-Unsubscribe=One-Click untuk menghentikan email ini).',
  'stop-title': 'Hentikan email ini?',
  'stop-text':
    'Alamat email ini menerima email setiap kali ada komentar baru di {thread}.',
  'stop-button': 'Hentikan email ini',
  'stopped-title': 'Tidak ada lagi email tentang utas ini',
  stopped:
    'Anda tidak akan lagi menerima email tentang komentar baru di {thread}. Untuk mendapatkan pemberitahuan lagi, centang “{label}” saat Anda berkomentar berikutnya di sana.',
  'notify-label': 'Beri tahu saya melalui email jika ada komentar lanjutan.',
  'confirm-mail-subject':
    'Konfirmasi pemberitahuan komentar baru melalui email',
  'confirm-mail-asked':
    'Seseorang, yang kami harap adalah Anda, meminta untuk menerima email tentang komentar baru di {thread} pada {site}.',
  'confirm-mail-link': 'Konfirmasi: {url}',
  'confirm-mail-page':
    'Tautan ini membuka halaman dengan tombol “{button}”. Tautan ini hanya dapat digunakan sekali, sampai {time}.',
  'confirm-mail-once':
    'Setelah alamat email ini dikonfirmasi, permintaan berikutnya dari alamat ini tidak perlu dikonfirmasi lagi.',
  'confirm-mail-ignore':
    'Jika Anda tidak memintanya, abaikan saja email ini: tidak ada email lain yang akan dikirim kepada Anda kecuali tombol tersebut ditekan.',
  'reply-mail-subject': 'Balasan baru di {thread}',
  'reply-mail-wrote': '{name} menulis pada {time}:',
  'reply-mail-cut':
    '(Komentar ini panjangnya {count} karakter; halamannya menampilkan seluruh isinya.)',
  'reply-mail-read': 'Baca dan balas: {url}',
  'mail-why':
    'Anda menerima email ini karena Anda meminta pemberitahuan tentang komentar baru di {thread} pada {site}.',
  'mail-stop': 'Untuk berhenti menerima email tentang utas ini, buka {url}',
  // A moderator's pages to sign in.
  'sign-in-title': 'Masuk',
  'sign-in-how': 'Moderator masuk dengan tautan yang dikirim melalui email.',
  'sign-in-email': 'Alamat email',
  'sign-in-send': 'Kirim tautan masuk ke email saya',
  'sign-in-email-missing':
    'Silakan masukkan alamat email yang Anda gunakan untuk memoderasi.',
  'sign-in-signed-in': 'Anda masuk sebagai {email}.',
  'open-moderation': 'Buka halaman moderasi',
  'sign-in-off':
    'Masuk melalui email tidak aktif di layanan ini: fitur ini memerlukan server email ({smtp}). Sebagai gantinya, lakukan moderasi dengan token admin ({token}).',
  'sign-in-requested-title': 'Periksa email Anda',
  'sign-in-requested':
    'Jika alamat tersebut milik seorang moderator, tautan untuk masuk sedang dikirim. Tautan ini hanya dapat digunakan sekali dan berlaku selama {minutes} menit.',
  'sign-in-ask-again': 'Minta lagi',
  'too-many-title': 'Terlalu banyak permintaan',
  'sign-in-too-many':
    'Terlalu banyak permintaan masuk dari sini atau untuk alamat email ini. Silakan coba lagi {when}.',
  'sign-in-confirm':
    'Masuk sebagai {email} untuk memoderasi komentar. Tautan ini hanya dapat digunakan sekali, sampai {time}.',
  'sign-in-button': 'Masuk',
  'sign-in-link-title': 'Tautan ini tidak dapat digunakan untuk masuk',
  'sign-in-link-unknown':
    'Tautan masuk ini tidak valid: mungkin tautannya terpotong atau telah diubah. Silakan minta tautan baru.',
  'sign-in-link-used':
    'Tautan masuk ini sudah pernah digunakan. Setiap tautan hanya dapat digunakan sekali: silakan minta tautan baru.',
  'sign-in-link-expired':
    'Tautan masuk ini sudah kedaluwarsa: tautan hanya berlaku selama {minutes} menit. Silakan minta tautan baru.',
  'sign-in-new-link': 'Minta tautan baru',
  // The pages a mail about a held comment opens: one button each, then what it did.
  'act-approve-title': 'Setujui komentar ini?',
  'act-approve': 'Setujui komentar ini',
  'act-approved-title': 'Disetujui',
  'act-approved':
    'Komentar ini telah disetujui: pembaca dapat melihatnya di utasnya.',
  'act-spam-title': 'Tandai komentar ini sebagai spam?',
  'act-spam': 'Tandai komentar ini sebagai spam',
  'act-spammed-title': 'Ditandai sebagai spam',
  'act-spammed':
    'Komentar ini telah ditandai sebagai spam: pembaca tidak dapat melihatnya.',
  'act-delete-title': 'Hapus komentar ini?',
  'act-delete': 'Hapus komentar ini',
  'act-deleted-title': 'Dihapus',
  'act-deleted': 'Komentar ini telah dihapus: pembaca tidak dapat melihatnya.',
  'act-once': 'Tautan ini hanya dapat digunakan sekali, sampai {time}.',
  'act-link-unknown':
    'Tautan ini tidak valid: mungkin tautannya terpotong atau telah diubah.',
  'act-link-gone': 'Komentar yang dituju tautan ini sudah tidak ada.',
  'act-link-used':
    'Tautan ini sudah pernah digunakan. Tautan dalam setiap email hanya dapat digunakan sekali.',
  'act-link-used-approve':
    'Tautan ini sudah digunakan pada {time} untuk menyetujui komentar. Tautan dalam setiap email hanya dapat digunakan sekali.',
  'act-link-used-spam':
    'Tautan ini sudah digunakan pada {time} untuk menandai komentar sebagai spam. Tautan dalam setiap email hanya dapat digunakan sekali.',
  'act-link-used-delete':
    'Tautan ini sudah digunakan pada {time} untuk menghapus komentar. Tautan dalam setiap email hanya dapat digunakan sekali.',
  'act-link-expired':
    'Tautan ini sudah kedaluwarsa: tautan dalam email hanya berlaku selama {days} hari.',
  'act-former':
    'Tautan ini dikirim ke alamat email yang tidak lagi memoderasi komentar di sini.',
  'act-settled-approved':
    'Komentar ini tidak lagi menunggu moderasi: komentar ini telah disetujui.',
  'act-settled-spam':
    'Komentar ini tidak lagi menunggu moderasi: komentar ini telah ditandai sebagai spam.',
  'act-settled-deleted':
    'Komentar ini tidak lagi menunggu moderasi: komentar ini telah dihapus.',
  // A held comment's facts, on those pages and in the mail about it.
  'comment-thread': 'Utas',
  'comment-reply-to': 'Membalas',
  'comment-author': 'Penulis',
  'comment-email': 'Alamat email',
  'comment-website': 'Situs web',
  'comment-no-website': '(tidak ada)',
  'comment-posted': 'Dikirim',
  // The page a moderator's unsubscribe link opens (its button and refusals are the reader's).
  'held-mail-on-title': 'Email diaktifkan kembali',
  'held-mail-off-title': 'Tidak ada lagi email tentang komentar yang ditahan',
  'held-mail-on':
    '{address} akan menerima email setiap kali ada komentar yang menunggu moderasi.',
  'held-mail-off':
    '{address} tidak akan menerima email saat ada komentar yang menunggu moderasi. Email untuk masuk tetap dikirim jika diminta.',
  'held-mail-again': 'Kirimi saya email lagi',
  // The mail about a comment awaiting moderation.
  'held-mail-subject': 'Komentar dari {name} menunggu moderasi',
  'held-mail-intro': 'Ada komentar yang menunggu moderasi Anda.',
  'held-mail-approve': 'Setujui: {url}',
  'held-mail-spam': 'Tandai sebagai spam: {url}',
  'held-mail-delete': 'Hapus: {url}',
  'held-mail-links':
    'Setiap tautan membuka halaman berisi komentar tersebut dan satu tombol: tidak ada yang terjadi sampai Anda menekan tombol itu.',
  'held-mail-once':
    'Hanya salah satu tautan yang dapat digunakan, sekali saja, sampai {time}.',
  'held-mail-queue': 'Semua komentar yang menunggu moderasi: {url}',
  'held-mail-comment': 'Komentarnya:',
  'held-mail-cut':
    '(Komentar ini panjangnya {count} karakter; halaman yang dibuka oleh setiap tautan menampilkan seluruh isinya.)',
  // The mail with a link to sign in (its page's words are `confirm-mail-page`'s).
  'sign-in-mail-subject': 'Masuk untuk memoderasi komentar',
  'sign-in-mail-asked':
    'Seseorang, yang kami harap adalah Anda, meminta untuk masuk guna memoderasi komentar di {site}.',
  'sign-in-mail-link': 'Masuk: {url}',
  'sign-in-mail-ignore':
    'Jika Anda tidak memintanya, abaikan saja email ini: tidak ada yang terjadi kecuali tombol tersebut ditekan.',
  // The end of every mail to a moderator.
  'moderator-mail-why':
    'Anda menerima email ini karena Anda memoderasi komentar di {site}.',
  'moderator-mail-stop':
    'Untuk berhenti menerima email tentang komentar yang menunggu moderasi, buka {url}',
  // The public API's refusals, for a page or a program that shows their message: {id} is
  // what was sent, quoted; {max} a count; {size} a size ("1,600 KB"); {origin} a site's
  // address; {method} and {path} the request's. Query parameters, headers and JSON stay as
  // written.
  'api-thread-id': 'Itu bukan ID utas.',
  'api-thread-id-rule':
    'ID utas terdiri atas huruf, angka, dan _ . : - (hingga 128 karakter), diawali huruf atau angka.',
  'api-not-thread-id':
    '{id} bukan ID utas. ID utas terdiri atas huruf, angka, dan _ . : - (hingga 128 karakter), diawali huruf atau angka.',
  'api-query-invalid': 'Kueri tidak valid.',
  'api-cursor': 'Kursor itu bukan yang diberikan layanan ini.',
  'api-send-json':
    'Kirim komentar sebagai JSON (Content-Type: application/json).',
  'api-not-json': 'Isi permintaan bukan JSON yang valid.',
  'api-key-invalid':
    'Header Idempotency-Key harus terdiri atas 1 sampai 128 karakter ASCII yang terlihat.',
  'api-key-reused':
    'Idempotency-Key ini sudah digunakan untuk komentar lain. Kirim setiap komentar baru dengan kunci baru.',
  'api-too-large':
    'Permintaan ini lebih besar daripada komentar mana pun: ukuran permintaan dibatasi hingga {size}, cukup untuk komentar sepanjang {max} karakter dalam aksara apa pun. Tidak ada yang disimpan.',
  'api-still-storing':
    'Komentar ini masih sedang disimpan oleh percobaan sebelumnya. Silakan coba lagi sebentar lagi.',
  'api-failed':
    'Layanan komentar mengalami kegagalan; tidak ada yang disimpan. Silakan coba lagi.',
  'api-unavailable':
    'Layanan komentar saat ini tidak dapat menyimpan komentar; tidak ada yang disimpan. Silakan coba lagi nanti.',
  'api-origin':
    'Layanan komentar ini tidak menerima permintaan dari halaman di {origin}.',
  'api-not-found': 'Tidak ada {method} {path} di API ini.',
  'api-lang': 'Parameter lang harus berupa tag bahasa, misalnya en atau km.',
  'api-lang-field': 'Tag bahasa, misalnya en, km, atau zh-Hant.',
  'api-count-how':
    'Sebutkan utas yang akan dihitung dalam bentuk ?threads=a,b,c: hingga {max} ID utas, dipisahkan dengan koma.',
  'api-count-too-many':
    'Paling banyak {max} utas dapat dihitung sekaligus; minta sisanya dalam permintaan lain.',
  'api-live-how':
    'Sebutkan utas yang akan diikuti dalam bentuk ?threads=a,b: hingga {max} ID utas, dipisahkan dengan koma.',
  'api-live-too-many':
    'Satu koneksi langsung dapat mengikuti paling banyak {max} utas.',
  'api-live-off': 'Pembaruan langsung tidak tersedia dari layanan ini.',
  'api-live-address-full':
    'Alamat ini sudah membuka {max} koneksi langsung, jumlah terbanyak yang diizinkan. Tutup beberapa halaman yang menampilkan komentar; halaman ini akan mencoba lagi nanti.',
  'api-live-full':
    'Layanan komentar sudah menampung koneksi langsung sebanyak yang dapat ditanganinya. Halaman ini akan mencoba lagi nanti; komentar tetap tampil saat halaman dimuat ulang.',
};
