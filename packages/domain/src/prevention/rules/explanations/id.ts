// Bahasa Indonesia texts of the job-offer check, translated from en.ts; a native speaker should still review the tone.
// Every missing text falls back to English, and `npm run translations:missing` lists what is left to translate.
import type { PartialPreventionCatalogue } from './catalogue.js';

export const id: PartialPreventionCatalogue = {
  flags: {
    reported_in_registry:
      'Seseorang sudah melaporkan nomor telepon, perusahaan, tautan, atau akun ini sebagai perekrut yang mencurigakan, dan tim kami sudah memeriksa laporan itu.',
    compound_area_destination:
      'Pekerjaan ini berada di, atau melewati, daerah tempat banyak orang pernah disekap di kompleks penipuan dan dipaksa menipu orang lain secara online.',
    overland_third_country_route:
      'Perjalanan ini diakhiri dengan naik mobil, naik perahu, atau berjalan kaki melintasi perbatasan. Orang yang dibawa ke kompleks penipuan sering diterbangkan ke satu negara, lalu dibawa lewat darat ke negara lain.',
    tourist_visa_for_work:
      'Anda akan bekerja tanpa visa kerja. Akibatnya Anda tidak punya perlindungan hukum di luar negeri, dan pemberi kerja jadi mudah mengancam Anda.',
    passport_held:
      'Orang lain akan memegang paspor Anda. Tanpa paspor, Anda tidak bisa pergi, tidak bebas bergerak, dan sulit meminta bantuan. Di kebanyakan negara, menahan paspor pekerja itu melanggar hukum.',
    recruitment_fee_or_debt:
      'Anda harus membayar biaya atau berutang, sebelum atau sesudah mulai bekerja. Utang kepada perekrut atau pemberi kerja adalah salah satu cara paling umum untuk menahan orang di pekerjaan yang ingin mereka tinggalkan.',
    salary_far_above_market:
      'Gajinya jauh di atas gaji biasa untuk pekerjaan seperti ini di sana. Tawaran yang terdengar terlalu bagus sering dipakai untuk membuat orang buru-buru berangkat.',
    no_experience_high_pay:
      'Tawaran ini menjanjikan gaji tinggi untuk pekerjaan yang tidak butuh pengalaman atau keahlian. Pemberi kerja yang asli jarang membayar jauh di atas pasaran untuk pekerjaan yang bisa dilakukan siapa saja.',
    scam_job_family:
      'Lowongan layanan pelanggan (customer service), pemasaran online, mengetik, chat, kripto, dan game online di daerah ini adalah pekerjaan yang paling sering diiklankan kompleks penipuan.',
    recruiter_pays_travel:
      'Perekrut menawarkan untuk membayar tiket pesawat atau visa Anda. Biaya itu sering dijadikan utang di kemudian hari, dan itu berarti orang lain yang mengendalikan perjalanan Anda.',
    employer_unverifiable:
      'Tidak ada yang bisa memastikan bahwa pemberi kerja ini benar-benar ada. Perusahaan yang asli punya nama, alamat, dan nomor telepon yang bisa Anda periksa sendiri.',
    messaging_app_only_contact:
      'Perekrut hanya bisa dihubungi lewat aplikasi chat, tanpa nama perusahaan atau situs web. Akun seperti ini bisa hilang dalam sekejap.',
    recruited_via_social_media_or_friend:
      'Tawaran ini datang lewat media sosial, aplikasi chat, calo tanpa izin, atau teman. Banyak orang direkrut dengan cara ini, sering kali oleh orang yang juga tertipu.',
    secrecy:
      'Anda diminta merahasiakan pekerjaan ini atau mengaku pergi sebagai turis. Pemberi kerja yang jujur tidak meminta Anda menyembunyikan pekerjaan dari keluarga atau dari petugas.',
    urgency_pressure:
      'Anda didesak untuk memutuskan atau berangkat dengan sangat cepat. Desakan membuat Anda tidak sempat memeriksa tawaran, dan justru itulah yang dibutuhkan penipu.',
    language_requirement_pattern:
      'Pekerjaan ini hanya meminta kecepatan mengetik, atau bahasa Inggris atau Mandarin, tanpa keahlian lain. Kompleks penipuan mencari pekerja persis seperti ini.',
    licensed_agency_channel:
      'Tawaran ini menyebut agen penempatan berizin atau jalur resmi pemerintah. Itu tanda yang baik, tetapi periksa sendiri izinnya ke instansi yang berwenang, karena penipu suka meniru nama-nama ini.',
    work_visa_and_contract:
      'Tawaran ini menyebut visa kerja, izin kerja, atau kontrak tertulis dengan jaminan sosial. Seperti itulah pekerjaan resmi di luar negeri.',
    employer_pays_costs:
      'Pemberi kerja yang membayar biaya perekrutan dan perjalanan. Memang begitulah seharusnya perekrutan yang adil.',
    verifiable_employer:
      'Tawaran ini mencantumkan nama perusahaan, situs web, atau kantor tempat Anda bisa melamar langsung, jadi Anda bisa memeriksa siapa pemberi kerjanya.',
  },
  advice: {
    pause_before_accepting:
      'Jangan menerima tawaran, mengirim dokumen, atau berangkat sebelum Anda memeriksanya. Pekerjaan yang asli masih akan ada beberapa hari lagi.',
    contact_embassy_before_leaving:
      'Sebelum berangkat, hubungi kedutaan atau konsulat negara Anda di negara tujuan, dan simpan nomor daruratnya di ponsel Anda.',
    verify_agency_with_authority:
      'Periksa agen tersebut ke lembaga penempatan pekerja di negara Anda: BP2MI/KP2MI di Indonesia, DMW di Filipina, Department of Employment di Thailand, JTKSM di Malaysia, DOLAB di Vietnam, atau kementerian ketenagakerjaan Myanmar, Kamboja, atau Laos.',
    verify_employer_independently:
      'Cari sendiri pemberi kerjanya: situs web, alamat, dan nomor telepon milik perusahaan itu sendiri, bukan yang diberikan perekrut. Minta untuk berbicara langsung dengan pemberi kerja.',
    never_hand_over_passport:
      'Jangan pernah menyerahkan paspor Anda. Simpan sendiri, dan simpan foto paspor dan visa Anda di tempat online yang aman.',
    never_pay_recruitment_fee:
      'Jangan membayar biaya perekrutan atau uang jaminan, dan jangan meminjam uang dari perekrut. Jika biaya itu memang sah untuk kasus Anda, minta kuitansi resmi.',
    insist_on_work_visa:
      'Berangkatlah hanya dengan visa kerja atau izin kerja yang sudah terbit sebelum Anda berangkat. Jangan mau pergi sebagai turis lalu "ganti visa nanti".',
    refuse_overland_crossing:
      'Jangan mau dibawa melintasi perbatasan dengan mobil, berjalan kaki, atau naik perahu. Jika rencana berubah di tengah jalan, berhentilah dan hubungi kedutaan atau keluarga Anda.',
    question_unrealistic_salary:
      'Bandingkan gajinya dengan gaji biasa untuk pekerjaan yang sama di sana. Jika jauh lebih tinggi, tanyakan alasannya, dan berhati-hatilah dengan tawaran itu.',
    take_time_to_check:
      'Luangkan waktu yang Anda perlukan. Jangan biarkan siapa pun membuat Anda buru-buru memutuskan, menandatangani, atau berangkat.',
    get_written_contract:
      'Sebelum berangkat, minta kontrak tertulis dalam bahasa yang Anda pahami, berisi nama dan alamat pemberi kerja, gaji, dan jam kerja, lalu simpan salinannya.',
    tell_family_exact_address:
      'Beri tahu keluarga nama dan alamat lengkap pemberi kerja serta tempat Anda akan tinggal, dan sepakati waktu rutin untuk saling menelepon.',
    search_registry: 'Cari nomor telepon, perusahaan, akun, dan tautan perekrut di daftar perekrut yang dilaporkan.',
    report_recruiter: 'Jika menurut Anda tawaran ini penipuan, laporkan perekrutnya ke daftar agar orang lain waspada.',
  },
};
