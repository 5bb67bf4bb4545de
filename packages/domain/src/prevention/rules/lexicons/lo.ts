// Lao phrases of job offers (matched as substrings, spaces ignored). A first list: a Lao speaker should review and
// extend it.
import type { Lexicon } from '../phrase-signals.js';

export const lo: Lexicon = {
  language: 'lo',
  phrases: {
    no_experience: ['ບໍ່ຕ້ອງມີປະສົບການ', 'ບໍ່ມີປະສົບການກໍ່ໄດ້'],
    easy_work: ['ວຽກງ່າຍ', 'ວຽກສະບາຍ', 'ໃຊ້ໂທລະສັບເປັນ'],
    high_pay_claim: ['ເງິນເດືອນສູງ', 'ລາຍໄດ້ດີ', 'ລາຍໄດ້ສູງ'],
    free_travel: ['ປີ້ຍົນຟຣີ', 'ຟຣີປີ້ຍົນ', 'ຟຣີຄ່າເດີນທາງ', 'ຟຣີວີຊາ'],
    employer_pays: ['ນາຍຈ້າງອອກຄ່າໃຊ້ຈ່າຍ'],
    no_fee: ['ບໍ່ເສຍຄ່າ', 'ບໍ່ມີຄ່າໃຊ້ຈ່າຍ'],
    recruitment_fee: ['ຄ່ານາຍໜ້າ', 'ຄ່າທຳນຽມ', 'ເງິນມັດຈຳ'],
    debt: ['ໜີ້', 'ຫັກເງິນເດືອນ', 'ຄ່າປັບໃໝ'],
    tourist_visa: ['ວີຊາທ່ອງທ່ຽວ'],
    work_visa: ['ວີຊາເຮັດວຽກ', 'ໃບອະນຸຍາດເຮັດວຽກ'],
    passport_held: ['ເກັບໜັງສືຜ່ານແດນ', 'ຍຶດໜັງສືຜ່ານແດນ', 'ເກັບພາສປອດ'],
    urgency: ['ດ່ວນ', 'ຈຳນວນຈຳກັດ'],
    secrecy: ['ຢ່າບອກຄອບຄົວ', 'ຢ່າບອກໃຜ', 'ເປັນຄວາມລັບ'],
    overland_route: ['ຂ້າມນ້ຳຂອງ', 'ຂ້າມແມ່ນ້ຳ', 'ຂ້າມຊາຍແດນ', 'ຮັບຢູ່ຊາຍແດນ', 'ທາງບົກ'],
    typing_requirement: ['ພິມໄວ'],
    licensed_agency: ['ໄດ້ຮັບອະນຸຍາດ', 'ກະຊວງແຮງງານ', 'ບໍລິສັດຈັດຫາງານ'],
    work_contract: ['ສັນຍາແຮງງານ', 'ສັນຍາຈ້າງ', 'ປະກັນສັງຄົມ'],
    verifiable_employer: ['ສຳພາດໂດຍກົງ'],
  },
  jobFamilies: {
    customer_service: ['ບໍລິການລູກຄ້າ'],
    online_marketing: ['ການຕະຫຼາດອອນໄລນ໌'],
    casino_gaming: ['ຄາສິໂນ', 'ກາຊີໂນ', 'ການພະນັນ'],
    translation: ['ນາຍພາສາ', 'ແປພາສາ'],
    factory: ['ໂຮງງານ'],
    construction: ['ກໍ່ສ້າງ'],
    agriculture: ['ກະສິກຳ', 'ສວນ'],
    domestic_work: ['ແມ່ບ້ານ'],
    hospitality: ['ຮ້ານອາຫານ', 'ໂຮງແຮມ'],
  },
  languageNames: {
    zh: ['ພາສາຈີນ'],
    en: ['ພາສາອັງກິດ'],
    th: ['ພາສາໄທ'],
  },
  negators: ['ບໍ່', 'ຢ່າ'],
};
