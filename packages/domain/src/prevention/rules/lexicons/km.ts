// Khmer phrases of job offers (matched as substrings, spaces ignored). A first list: a Khmer speaker should review and
// extend it.
import type { Lexicon } from '../phrase-signals.js';

export const km: Lexicon = {
  language: 'km',
  phrases: {
    no_experience: ['មិនត្រូវការបទពិសោធន៍', 'គ្មានបទពិសោធន៍ក៏បាន'],
    easy_work: ['ការងារស្រួល', 'ចេះប្រើទូរស័ព្ទ', 'ចេះវាយអក្សរ'],
    high_pay_claim: ['ប្រាក់ខែខ្ពស់', 'ប្រាក់ចំណូលខ្ពស់'],
    free_travel: ['សំបុត្រយន្តហោះឥតគិតថ្លៃ', 'ធ្វើដំណើរឥតគិតថ្លៃ', 'ទិដ្ឋាការឥតគិតថ្លៃ'],
    employer_pays: ['និយោជកចេញថ្លៃ'],
    no_fee: ['មិនយកថ្លៃ', 'គ្មានថ្លៃសេវា'],
    recruitment_fee: ['ថ្លៃសេវា', 'ប្រាក់កក់', 'ថ្លៃឈ្នួលមេខ្យល់'],
    debt: ['បំណុល', 'កាត់ប្រាក់ខែ', 'ប្រាក់ពិន័យ'],
    tourist_visa: ['ទិដ្ឋាការទេសចរណ៍'],
    work_visa: ['ទិដ្ឋាការការងារ', 'ប័ណ្ណការងារ', 'លិខិតអនុញ្ញាតការងារ'],
    passport_held: ['រក្សាលិខិតឆ្លងដែន', 'ប្រគល់លិខិតឆ្លងដែន', 'ដកហូតលិខិតឆ្លងដែន'],
    urgency: ['បន្ទាន់', 'ចំនួនមានកំណត់'],
    secrecy: ['កុំប្រាប់គ្រួសារ', 'កុំប្រាប់អ្នកណា', 'រក្សាការសម្ងាត់'],
    overland_route: ['ឆ្លងព្រំដែន', 'ឆ្លងទន្លេ', 'ទទួលនៅព្រំដែន', 'ផ្លូវគោក'],
    typing_requirement: ['វាយអក្សរលឿន'],
    licensed_agency: ['អាជ្ញាប័ណ្ណ', 'ក្រសួងការងារ', 'ក្រុមហ៊ុនជ្រើសរើសមានអាជ្ញាប័ណ្ណ'],
    work_contract: ['កិច្ចសន្យាការងារ', 'បសស', 'សន្តិសុខសង្គម'],
    verifiable_employer: ['សម្ភាសន៍ផ្ទាល់'],
  },
  jobFamilies: {
    customer_service: ['សេវាកម្មអតិថិជន'],
    online_marketing: ['ទីផ្សារអនឡាញ'],
    casino_gaming: ['កាស៊ីណូ', 'ល្បែងស៊ីសង'],
    translation: ['អ្នកបកប្រែ'],
    factory: ['រោងចក្រ'],
    construction: ['សំណង់'],
    agriculture: ['កសិកម្ម', 'ចម្ការ'],
    domestic_work: ['អ្នកបម្រើតាមផ្ទះ'],
    hospitality: ['ភោជនីយដ្ឋាន', 'សណ្ឋាគារ'],
    fishing: ['នេសាទ'],
  },
  languageNames: {
    zh: ['ភាសាចិន'],
    en: ['ភាសាអង់គ្លេស'],
    th: ['ភាសាថៃ'],
  },
  negators: ['មិន', 'គ្មាន', 'កុំ'],
};
