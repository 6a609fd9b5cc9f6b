import type { ReaderWords } from './en.js';

/** What the service writes to a reader (mails, and the pages their links open), in Indonesian. */
export const words: ReaderWords = {
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
};
