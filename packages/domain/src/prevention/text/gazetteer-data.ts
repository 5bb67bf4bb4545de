// The places where forced-scamming compounds are reported, and the towns people are moved through to reach them.
// Data, not code: one entry per area, every spelling and script we can justify, and the public source naming it.
// One list, not one file per country, so that reviewers see every area and its source together.
//
// Spellings: English and other Latin spellings as used in the reports and press; native scripts as written by the
// national press (Burmese, Thai, Khmer, Lao); Chinese as used by Chinese-language media and recruiters. Short
// names that are also ordinary words are written only in a longer, unambiguous form: 果敢 means "resolute", so
// Kokang is 果敢老街 / 果敢特区; 木牌 means "wooden sign", so Moc Bai is 木牌口岸; 西哈努克 alone is the late king.
// Latin spellings also match with spaces, hyphens or doubled letters changed, and with one letter wrong when the
// name has seven letters or more (see gazetteer.ts), so obvious variants of those need no entry of their own.

/** What an area is, in the story of a forced-scamming recruitment. */
export type AreaKind = 'compound_hub' | 'border_crossing' | 'transit_city';

/** A place named in the gazetteer. `country` is ISO 3166-1 alpha-2; `note` cites the public source. */
export interface Area {
  readonly id: string;
  readonly country: string;
  readonly kind: AreaKind;
  readonly names: readonly string[];
  readonly note: string;
}

const unodc2024 =
  'UNODC, "Casinos, Money Laundering, Underground Banking, and Transnational Organized Crime in East and Southeast Asia: A Hidden and Accelerating Threat" (January 2024)';
const unodcConvergence2024 =
  'UNODC, "Transnational Organized Crime and the Convergence of Cyber-Enabled Fraud, Underground Banking and Technological Innovation in Southeast Asia" (October 2024)';
const ohchr2023 =
  'OHCHR, "Online Scam Operations and Trafficking into Forced Criminality in Southeast Asia: Recommendations for a Human Rights Response" (August 2023)';
const usip2024 =
  'USIP Senior Study Group, "Transnational Crime in Southeast Asia: A Growing Threat to Global Peace and Security" (May 2024)';
const usTip2024 = 'US Department of State, Trafficking in Persons Report 2024';

/** Every area, compound hubs first, then border crossings and transit towns. */
export const compoundAreas: readonly Area[] = [
  // Myanmar
  {
    id: 'myawaddy',
    country: 'MM',
    kind: 'compound_hub',
    names: [
      'Myawaddy',
      'Myawadi',
      'Myawady',
      'Mya Wadi',
      'Myawaddi',
      'မြဝတီ',
      'ျမဝတီ',
      'เมียวดี',
      'เมียวะดี',
      '妙瓦底',
      '妙瓦迪',
    ],
    note: `Myawaddy township (Kayin State) and the compounds along the Moei river: ${ohchr2023}; ${unodc2024}; ${usip2024}. ျမဝတီ is the Zawgyi-encoded spelling still common on Burmese Facebook.`,
  },
  {
    id: 'shwe-kokko',
    country: 'MM',
    kind: 'compound_hub',
    names: [
      'Shwe Kokko',
      'Shwe Koko',
      'Shwe Kokkoe',
      'Yatai New City',
      'Yatai City',
      'ရွှေကုက္ကိုလ်',
      'ชเวโก๊กโก่',
      'ชเวก๊กโก่',
      '亚太新城',
      '亞太新城',
      '水沟谷',
      '水溝谷',
    ],
    note: `Shwe Kokko / Yatai New City, north of Myawaddy: ${unodc2024}; ${usip2024}; US Treasury OFAC designation of the Karen National Army (May 2024).`,
  },
  {
    id: 'kk-park',
    country: 'MM',
    kind: 'compound_hub',
    names: ['KK Park', 'KK园区', 'KK園區', 'เคเคพาร์ค'],
    note: `KK Park, south of Myawaddy: ${usip2024}; ${unodcConvergence2024}; widely reported by Reuters and the BBC after the 2023–2025 rescues.`,
  },
  {
    id: 'tachileik',
    country: 'MM',
    kind: 'compound_hub',
    names: ['Tachileik', 'Tachilek', 'Tachileck', 'တာချီလိတ်', 'ท่าขี้เหล็ก', '大其力'],
    note: `Tachileik (Shan State), across from Mae Sai: ${unodc2024}; ${usip2024}.`,
  },
  {
    id: 'mong-la',
    country: 'MM',
    kind: 'compound_hub',
    names: ['Mong La', 'Mongla', 'Möng La', 'မိုင်းလား', 'เมืองลา', '小勐拉', '勐拉'],
    note: `Mong La (Shan State Special Region 4): ${unodc2024}; ${usip2024}.`,
  },
  {
    id: 'laukkaing',
    country: 'MM',
    kind: 'compound_hub',
    names: [
      'Laukkaing',
      'Laukkai',
      'Lauk Kaing',
      'Kokang',
      'Ko Kang',
      'လောက်ကိုင်',
      'ကိုးကန့်',
      'เล่าก์ก่าย',
      'โกกั้ง',
      '果敢老街',
      '果敢特区',
      '果敢自治区',
    ],
    note: `Laukkaing, capital of the Kokang Self-Administered Zone: ${unodcConvergence2024}; ${usip2024}; tens of thousands handed over to China after Operation 1027 (late 2023).`,
  },
  {
    id: 'payathonzu',
    country: 'MM',
    kind: 'compound_hub',
    names: [
      'Payathonzu',
      'Payathonsu',
      'Phaya Thonzu',
      'Three Pagodas Pass',
      'Three Pagoda Pass',
      'ဘုရားသုံးဆူ',
      'พญาตองซู',
      'ด่านเจดีย์สามองค์',
    ],
    note: `Payathonzu at the Three Pagodas Pass (Kayin State), where compounds grew after 2023: ${unodcConvergence2024}; reporting by The Irrawaddy and Reuters (2024).`,
  },
  {
    id: 'wa-region',
    country: 'MM',
    kind: 'compound_hub',
    names: [
      'Wa State',
      'Wa Region',
      'Wa Self-Administered Division',
      'Pangkham',
      'Pang Kham',
      'Panghsang',
      'Pangsang',
      'ပန်ဆန်း',
      'ปางซาง',
      '佤邦',
      '邦康',
    ],
    note: `Wa region and its capital Pangkham (Panghsang): ${unodcConvergence2024}; ${usip2024}; Wa authorities handed scam suspects to China in 2023.`,
  },
  // Cambodia
  {
    id: 'sihanoukville',
    country: 'KH',
    kind: 'compound_hub',
    names: [
      'Sihanoukville',
      'Preah Sihanouk',
      'Kampong Som',
      'Kompong Som',
      'Kampong Saom',
      'Kompong Saom',
      'ក្រុងព្រះសីហនុ',
      'ខេត្តព្រះសីហនុ',
      'កំពង់សោម',
      'สีหนุวิลล์',
      '西港',
      '西哈努克港',
      '西哈努克城',
      '西哈努克市',
      '西哈努克省',
    ],
    note: `Sihanoukville (Preah Sihanouk province), the largest Cambodian hub: ${ohchr2023}; ${unodc2024}; ${usTip2024} (Cambodia).`,
  },
  {
    id: 'bavet',
    country: 'KH',
    kind: 'compound_hub',
    names: ['Bavet', 'Bavit', 'បាវិត', 'บาเวต', '巴域'],
    note: `Bavet (Svay Rieng), casino town at the Moc Bai crossing from Vietnam: ${ohchr2023}; ${unodc2024}.`,
  },
  {
    id: 'poipet',
    country: 'KH',
    kind: 'compound_hub',
    names: ['Poipet', 'Poi Pet', 'Paoy Paet', 'Paoy Pet', 'ប៉ោយប៉ែត', 'ปอยเปต', '波贝'],
    note: `Poipet (Banteay Meanchey), casino town across from Aranyaprathet: ${ohchr2023}; ${unodc2024}.`,
  },
  {
    id: 'o-smach',
    country: 'KH',
    kind: 'compound_hub',
    names: ["O'Smach", 'O Smach', 'Ou Smach', 'Osmach', 'អូរស្មាច់', 'โอเสม็ด', 'โอร์เสม็ด'],
    note: `O'Smach (Oddar Meanchey): US Treasury OFAC designation of Ly Yong Phat and the O'Smach Resort for forced scamming (September 2024); ${unodc2024}.`,
  },
  {
    id: 'chrey-thom',
    country: 'KH',
    kind: 'compound_hub',
    names: ['Chrey Thom', 'ជ្រៃធំ'],
    note: 'Chrey Thom (Kandal), casino strip on the Vietnamese border: about forty Vietnamese workers fled a compound there across the river in September 2022 (Reuters, VnExpress).',
  },
  {
    id: 'kampot-bokor',
    country: 'KH',
    kind: 'compound_hub',
    names: ['Kampot', 'Bokor', 'Bokor Mountain', 'Phnom Bokor', 'កំពត', 'បូកគោ', 'กัมปอต', '贡布', '波哥山'],
    note: 'Kampot province and the Bokor mountain resort: compounds reported by Cambodian and international press (Voice of Democracy, 2022) and in Amnesty International, "I Was Someone Else\'s Property" (June 2025). To be re-checked against the Amnesty compound list.',
  },
  {
    id: 'koh-kong',
    country: 'KH',
    kind: 'compound_hub',
    names: ['Koh Kong', 'Kaoh Kong', 'កោះកុង', 'เกาะกง', '戈公'],
    note: 'Koh Kong province: compounds listed in Amnesty International, "I Was Someone Else\'s Property" (June 2025). To be re-checked against the Amnesty compound list.',
  },
  // Laos
  {
    id: 'golden-triangle-sez',
    country: 'LA',
    kind: 'compound_hub',
    names: [
      'Golden Triangle SEZ',
      'Golden Triangle Special Economic Zone',
      'Golden Triangle',
      'GTSEZ',
      'Kings Romans',
      'Kings Roman',
      'Ton Pheung',
      'Tonpheung',
      'Ton Phueng',
      'Bokeo',
      'Tam Giác Vàng',
      'Segitiga Emas',
      'Segi Tiga Emas',
      'สามเหลี่ยมทองคำ',
      'คิงส์โรมัน',
      'แขวงบ่อแก้ว',
      'เมืองต้นผึ้ง',
      'ສາມຫຼ່ຽມຄຳ',
      'ບໍ່ແກ້ວ',
      'ຕົ້ນເຜິ້ງ',
      '金三角',
      '金三角经济特区',
      '金木棉',
    ],
    note: `Golden Triangle Special Economic Zone (Ton Pheung, Bokeo) and the Kings Romans casino: ${unodc2024}; ${ohchr2023}; US Treasury OFAC designation of the Zhao Wei organisation (January 2018). "Golden Triangle" alone also names the Thai side at Sop Ruak, the usual way in.`,
  },
  // Philippines
  {
    id: 'bamban',
    country: 'PH',
    kind: 'compound_hub',
    names: ['Bamban'],
    note: `Bamban (Tarlac): raid on the Zun Yuan Technology POGO compound by PAOCC (March 2024) and the Philippine Senate hearings that followed; ${usTip2024} (Philippines).`,
  },
  {
    id: 'porac',
    country: 'PH',
    kind: 'compound_hub',
    names: ['Porac'],
    note: `Porac (Pampanga): raid on the Lucky South 99 POGO compound by PAOCC (June 2024); ${usTip2024} (Philippines).`,
  },
  {
    id: 'las-pinas',
    country: 'PH',
    kind: 'compound_hub',
    names: ['Las Piñas', 'Las Pinas'],
    note: 'Las Piñas (Metro Manila): police raid on the Xinchuang Network Technology POGO hub freeing about 2,700 workers (June 2023), reported by the PNP Anti-Cybercrime Group and Reuters.',
  },
  // Border crossings and transit towns
  {
    id: 'mae-sot',
    country: 'TH',
    kind: 'transit_city',
    names: ['Mae Sot', 'Mae Sod', 'แม่สอด', 'မဲဆောက်', '湄索'],
    note: `Mae Sot (Tak), where recruits flown to Bangkok are driven to cross the Moei river into Myawaddy: ${ohchr2023}; ${usip2024}.`,
  },
  {
    id: 'mae-sai',
    country: 'TH',
    kind: 'border_crossing',
    names: ['Mae Sai', 'แม่สาย', '美塞'],
    note: `Mae Sai (Chiang Rai), the crossing into Tachileik: ${unodc2024}.`,
  },
  {
    id: 'chiang-saen',
    country: 'TH',
    kind: 'border_crossing',
    names: ['Chiang Saen', 'เชียงแสน', '清盛'],
    note: `Chiang Saen (Chiang Rai), the Mekong port facing the Golden Triangle SEZ: ${unodc2024}.`,
  },
  {
    id: 'chiang-khong',
    country: 'TH',
    kind: 'border_crossing',
    names: ['Chiang Khong', 'เชียงของ'],
    note: `Chiang Khong (Chiang Rai), the bridge to Huay Xai and on to the Golden Triangle SEZ: ${unodc2024}.`,
  },
  {
    id: 'chiang-rai',
    country: 'TH',
    kind: 'transit_city',
    names: ['Chiang Rai', 'Chiangrai', 'เชียงราย', '清莱', '清萊'],
    note: `Chiang Rai, the airport recruits fly into before crossing to Tachileik or the Golden Triangle SEZ: ${ohchr2023}.`,
  },
  {
    id: 'aranyaprathet',
    country: 'TH',
    kind: 'border_crossing',
    names: ['Aranyaprathet', 'Aranya Prathet', 'อรัญประเทศ', '亚兰口岸'],
    note: `Aranyaprathet (Sa Kaeo), the crossing into Poipet: ${ohchr2023}.`,
  },
  {
    id: 'moc-bai',
    country: 'VN',
    kind: 'border_crossing',
    names: ['Moc Bai', 'Mộc Bài', '木牌口岸'],
    note: `Mộc Bài (Tây Ninh), the Vietnamese crossing into Bavet: ${ohchr2023}; Vietnamese police warnings on workers taken to Bavet (2022–2024).`,
  },
  {
    id: 'tay-ninh',
    country: 'VN',
    kind: 'transit_city',
    names: ['Tây Ninh', 'Tay Ninh'],
    note: 'Tây Ninh province, the road to the Mộc Bài crossing into Bavet: Vietnamese Ministry of Public Security warnings (2022–2024).',
  },
  {
    id: 'huay-xai',
    country: 'LA',
    kind: 'border_crossing',
    names: ['Huay Xai', 'Houayxay', 'Houay Xay', 'Huai Xai', 'Houei Sai', 'ຫ້ວຍຊາຍ', 'เมืองห้วยทราย', '会晒'],
    note: `Huay Xai (Bokeo), the Lao town across from Chiang Khong on the way to the Golden Triangle SEZ: ${unodc2024}.`,
  },
];

/**
 * Latin spellings that are one letter away from a name above but are other, ordinary places: never a match.
 * Written as people write them; compared after the same folding as the names.
 */
export const latinLookAlikes: readonly string[] = ['Chiang Mai', 'Kampong Cham', 'Kampong Thom', 'Mae Hong Son'];

/**
 * Longer words in scripts without spaces that contain a name above but mean something else: a name found inside
 * one of them is not a match. เมืองลาว is "Laos", not Mong La.
 */
export const scriptLookAlikes: readonly string[] = ['เมืองลาว'];
