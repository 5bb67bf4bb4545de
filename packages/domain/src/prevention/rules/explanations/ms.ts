// Bahasa Melayu (Malaysia) texts of the job-offer check, translated from en.ts; a native speaker should still review the
// tone. Every missing text falls back to English, and `npm run translations:missing` lists what is left to translate.
import type { PartialPreventionCatalogue } from './catalogue.js';

export const ms: PartialPreventionCatalogue = {
  flags: {
    reported_in_registry:
      'Seseorang telah melaporkan nombor telefon, syarikat, pautan atau akaun ini sebagai perekrut yang mencurigakan, dan pasukan kami telah menyemak laporan itu.',
    compound_area_destination:
      'Kerja ini terletak di, atau melalui, kawasan tempat ramai orang pernah ditahan di kompleks penipuan dan dipaksa menipu orang lain dalam talian.',
    overland_third_country_route:
      'Perjalanan ini berakhir dengan menaiki kereta, bot atau berjalan kaki menyeberangi sempadan. Orang yang dibawa ke kompleks penipuan selalunya diterbangkan ke satu negara, kemudian dibawa melalui jalan darat ke negara lain.',
    tourist_visa_for_work:
      'Anda akan bekerja tanpa visa kerja. Ini menyebabkan anda tiada perlindungan undang-undang di luar negara dan memudahkan majikan mengugut anda.',
    passport_held:
      'Orang lain akan menyimpan pasport anda. Tanpa pasport, anda tidak boleh pergi, bergerak bebas atau meminta bantuan dengan mudah, dan menyimpan pasport pekerja adalah menyalahi undang-undang di kebanyakan negara.',
    recruitment_fee_or_debt:
      'Anda perlu membayar yuran atau berhutang sebelum atau selepas mula bekerja. Hutang kepada perekrut atau majikan ialah salah satu cara paling biasa orang ditahan dalam kerja yang mereka mahu tinggalkan.',
    salary_far_above_market:
      'Gajinya jauh lebih tinggi daripada gaji biasa untuk kerja seperti ini di sana. Tawaran yang kedengaran terlalu baik sering digunakan untuk mendesak orang supaya cepat pergi.',
    no_experience_high_pay:
      'Tawaran ini menjanjikan gaji tinggi untuk kerja yang tidak memerlukan pengalaman atau kemahiran. Majikan sebenar jarang membayar jauh lebih tinggi daripada harga pasaran untuk kerja yang boleh dilakukan oleh sesiapa sahaja.',
    scam_job_family:
      'Kerja khidmat pelanggan, pemasaran dalam talian, menaip, chat, kripto dan permainan dalam talian di kawasan ini ialah kerja yang paling kerap diiklankan oleh kompleks penipuan.',
    recruiter_pays_travel:
      'Perekrut menawarkan untuk membayar tiket penerbangan atau visa anda. Kos itu sering dijadikan hutang kemudian, dan ini bermakna orang lain yang mengawal perjalanan anda.',
    employer_unverifiable:
      'Tiada sesiapa yang dapat mengesahkan bahawa majikan ini wujud. Syarikat sebenar mempunyai nama, alamat dan nombor telefon yang boleh anda semak sendiri.',
    messaging_app_only_contact:
      'Perekrut hanya boleh dihubungi melalui aplikasi mesej, tanpa nama syarikat atau laman web. Akaun seperti ini boleh hilang sekelip mata.',
    recruited_via_social_media_or_friend:
      'Tawaran ini datang melalui media sosial, aplikasi mesej, ejen tanpa lesen atau kawan. Ramai orang direkrut dengan cara ini, selalunya oleh seseorang yang juga telah ditipu.',
    secrecy:
      'Anda diminta merahsiakan kerja ini atau mengatakan anda pergi sebagai pelancong. Majikan yang jujur tidak meminta anda menyembunyikan kerja anda daripada keluarga atau pihak berkuasa.',
    urgency_pressure:
      'Anda didesak untuk membuat keputusan atau berangkat dengan sangat cepat. Desakan begini tidak memberi anda masa untuk menyemak tawaran, dan itulah yang diperlukan oleh penipu.',
    language_requirement_pattern:
      'Kerja ini hanya meminta kelajuan menaip, atau bahasa Inggeris atau bahasa Cina, tanpa kemahiran lain. Kompleks penipuan memang mencari pekerja seperti ini.',
    licensed_agency_channel:
      'Tawaran ini menyebut agensi pekerjaan berlesen atau saluran kerajaan. Itu tanda yang baik, tetapi semak sendiri lesen itu dengan pihak berkuasa, kerana penipu meniru nama-nama ini.',
    work_visa_and_contract:
      'Tawaran ini menyebut visa kerja, permit kerja atau kontrak bertulis dengan perlindungan keselamatan sosial. Begitulah rupa kerja yang sah di luar negara.',
    employer_pays_costs:
      'Majikan membayar kos pengambilan dan perjalanan. Begitulah sepatutnya pengambilan pekerja yang adil.',
    verifiable_employer:
      'Tawaran ini memberikan nama syarikat, laman web atau pejabat tempat anda boleh memohon sendiri, jadi anda boleh menyemak siapa majikan itu.',
  },
  advice: {
    pause_before_accepting:
      'Jangan terima tawaran, hantar dokumen atau pergi sehingga anda telah menyemaknya. Kerja yang sebenar masih akan ada selepas beberapa hari.',
    contact_embassy_before_leaving:
      'Sebelum pergi, hubungi kedutaan atau konsulat negara anda di negara destinasi, dan simpan nombor kecemasannya dalam telefon anda.',
    verify_agency_with_authority:
      'Semak agensi itu dengan pihak berkuasa penempatan pekerja negara anda: BP2MI/KP2MI di Indonesia, DMW di Filipina, Department of Employment di Thailand, JTKSM di Malaysia, DOLAB di Vietnam, atau kementerian buruh Myanmar, Kemboja atau Laos.',
    verify_employer_independently:
      'Cari sendiri maklumat majikan: laman web, alamat dan nombor telefon syarikat itu sendiri, bukan yang diberikan oleh perekrut. Minta untuk bercakap terus dengan majikan.',
    never_hand_over_passport:
      'Jangan sekali-kali serahkan pasport anda. Simpan pasport bersama anda, dan simpan gambar pasport serta visa anda di tempat yang selamat dalam talian.',
    never_pay_recruitment_fee:
      'Jangan bayar yuran pengambilan atau deposit, dan jangan pinjam wang daripada perekrut. Jika yuran itu sah dalam kes anda, minta resit rasmi.',
    insist_on_work_visa:
      'Pergi hanya dengan visa kerja atau permit kerja yang dikeluarkan sebelum anda berangkat. Jangan setuju untuk pergi sebagai pelancong dan "tukar visa kemudian".',
    refuse_overland_crossing:
      'Jangan setuju dibawa menyeberangi sempadan dengan kereta, berjalan kaki atau bot. Jika rancangan berubah dalam perjalanan, berhenti dan telefon kedutaan atau keluarga anda.',
    question_unrealistic_salary:
      'Bandingkan gaji itu dengan gaji biasa untuk kerja yang sama di sana. Jika jauh lebih tinggi, tanya sebabnya, dan berhati-hati dengan tawaran itu.',
    take_time_to_check:
      'Ambil masa yang anda perlukan. Jangan biarkan sesiapa mendesak anda untuk membuat keputusan, menandatangani atau pergi.',
    get_written_contract:
      'Sebelum pergi, dapatkan kontrak bertulis dalam bahasa yang anda faham, dengan nama dan alamat majikan, gaji serta waktu bekerja, dan simpan satu salinan.',
    tell_family_exact_address:
      'Beritahu keluarga anda nama dan alamat tepat majikan serta tempat anda akan tinggal, dan berjanji untuk saling menelefon pada waktu yang tetap.',
    search_registry:
      'Cari nombor telefon, syarikat, akaun dan pautan perekrut itu dalam daftar perekrut yang dilaporkan.',
    report_recruiter:
      'Jika anda rasa tawaran ini penipuan, laporkan perekrut itu dalam daftar supaya orang lain diberi amaran.',
  },
};
