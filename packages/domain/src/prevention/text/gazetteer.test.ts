import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compoundAreas, findAreas } from './gazetteer.js';

const areaIds = (text: string) => findAreas(text).map((match) => match.area.id);

describe('findAreas', () => {
  test.each([
    ['Myawaddy', 'myawaddy'],
    ['Myawadi', 'myawaddy'],
    ['Mya Wadi', 'myawaddy'],
    ['myawaddy', 'myawaddy'],
    ['MYAWADDY', 'myawaddy'],
    ['Mya-waddy', 'myawaddy'],
    ['Myawady', 'myawaddy'],
    ['Myawadyy', 'myawaddy'],
    ['Myawaddi', 'myawaddy'],
    ['Mayawaddy', 'myawaddy'],
    ['Ｍｙａｗａｄｄｙ', 'myawaddy'],
    ['မြဝတီ', 'myawaddy'],
    ['မြ၀တီ', 'myawaddy'],
    ['เมียวดี', 'myawaddy'],
    ['妙瓦底', 'myawaddy'],
    ['妙瓦迪', 'myawaddy'],
    ['Shwe Kokko', 'shwe-kokko'],
    ['ShweKokko', 'shwe-kokko'],
    ['shwe-kokko', 'shwe-kokko'],
    ['Shwe Koko', 'shwe-kokko'],
    ['Yatai New City', 'shwe-kokko'],
    ['亚太新城', 'shwe-kokko'],
    ['ရွှေကုက္ကိုလ်', 'shwe-kokko'],
    ['KK Park', 'kk-park'],
    ['KKPark', 'kk-park'],
    ['KK园区', 'kk-park'],
    ['kk 园区', 'kk-park'],
    ['Tachileik', 'tachileik'],
    ['Tachilek', 'tachileik'],
    ['大其力', 'tachileik'],
    ['ท่าขี้เหล็ก', 'tachileik'],
    ['Mong La', 'mong-la'],
    ['Mongla', 'mong-la'],
    ['小勐拉', 'mong-la'],
    ['Laukkaing', 'laukkaing'],
    ['Lauk Kaing', 'laukkaing'],
    ['Kokang', 'laukkaing'],
    ['果敢老街', 'laukkaing'],
    ['Payathonzu', 'payathonzu'],
    ['Three Pagodas Pass', 'payathonzu'],
    ['Pangkham', 'wa-region'],
    ['佤邦', 'wa-region'],
    ['Sihanoukville', 'sihanoukville'],
    ['Sihanouk ville', 'sihanoukville'],
    ['Sihanoukvile', 'sihanoukville'],
    ['Shianoukville', 'sihanoukville'],
    ['Preah Sihanouk', 'sihanoukville'],
    ['Kampong Som', 'sihanoukville'],
    ['西港', 'sihanoukville'],
    ['ក្រុងព្រះសីហនុ', 'sihanoukville'],
    ['สีหนุวิลล์', 'sihanoukville'],
    ['Bavet', 'bavet'],
    ['បាវិត', 'bavet'],
    ['Poipet', 'poipet'],
    ['Poi Pet', 'poipet'],
    ['ปอยเปต', 'poipet'],
    ['ប៉ោយប៉ែត', 'poipet'],
    ["O'Smach", 'o-smach'],
    ['Ou Smach', 'o-smach'],
    ['Chrey Thom', 'chrey-thom'],
    ['Bokor', 'kampot-bokor'],
    ['Koh Kong', 'koh-kong'],
    ['Golden Triangle SEZ', 'golden-triangle-sez'],
    ['Kings Romans', 'golden-triangle-sez'],
    ['Ton Pheung', 'golden-triangle-sez'],
    ['Bokeo', 'golden-triangle-sez'],
    ['金三角', 'golden-triangle-sez'],
    ['สามเหลี่ยมทองคำ', 'golden-triangle-sez'],
    ['ສາມຫຼ່ຽມຄຳ', 'golden-triangle-sez'],
    ['Tam giác vàng', 'golden-triangle-sez'],
    ['Segitiga Emas', 'golden-triangle-sez'],
    ['Bamban, Tarlac', 'bamban'],
    ['Porac, Pampanga', 'porac'],
    ['Las Piñas', 'las-pinas'],
    ['Las Pinas', 'las-pinas'],
    ['Mae Sot', 'mae-sot'],
    ['แม่สอด', 'mae-sot'],
    ['Mae Sai', 'mae-sai'],
    ['Chiang Saen', 'chiang-saen'],
    ['Chiang Rai', 'chiang-rai'],
    ['Aranyaprathet', 'aranyaprathet'],
    ['Moc Bai', 'moc-bai'],
    ['Mộc Bài', 'moc-bai'],
    ['Huay Xai', 'huay-xai'],
    ['Houayxay', 'huay-xai'],
  ])('finds %j as %s', (text, id) => {
    expect(areaIds(`work in ${text} now`)).toEqual([id]);
  });

  test.each([
    ['a city name inside a longer word', 'Work in Bangkok, flights from Bangkokair'],
    ['KK alone', 'kk ok, we reply kk within the hour'],
    ['park alone', 'parking at the KKB park'],
    ['other towns one letter away', 'Chiang Mai, Kampong Cham, Kampong Thom, Mae Hong Son'],
    ['ordinary capitals', 'Phnom Penh, Kuala Lumpur, Jakarta, Manila, Hanoi, Yangon, Vientiane, Singapore'],
    ['tourist towns', 'Pattaya, Phuket, Hat Yai, Siem Reap, Penang, Johor Bahru, Da Nang, Cebu, Koh Samui'],
    ['a Vietnamese phrase that folds to a place name', 'Chúng tôi mong là bạn sẽ đến'],
    ['short words run together', 'it was state-owned, a state job'],
    ['Laos in Thai contains the Thai for Mong La', 'ทำงานที่เมืองลาว'],
    ['Kokang written as the Chinese word for "resolute"', '性格果敢，做事认真'],
    ['the late king, not the city', 'Norodom Sihanouk and 西哈努克 were mentioned'],
    ['English ad text', 'Customer service, good salary, free accommodation, visa provided, apply today'],
    ['Indonesian ad text', 'Lowongan kerja admin, gaji besar, tiket ditanggung, segera daftar'],
    ['Filipino ad text', 'Hiring CSR, walang experience, malaking sahod, libre ang pamasahe'],
  ])('finds nothing in %s', (_case, text) => {
    expect(findAreas(text)).toEqual([]);
  });

  test('reports every mention in order with offsets into the text given', () => {
    const text = 'Fly to Bangkok, car to แม่สอด, then Mya Wadi (KK园区).';
    const matches = findAreas(text);
    expect(matches.map((match) => [match.area.id, match.matched])).toEqual([
      ['mae-sot', 'แม่สอด'],
      ['myawaddy', 'Mya Wadi'],
      ['kk-park', 'KK园区'],
    ]);
    for (const match of matches) expect(text.slice(match.start, match.end)).toBe(match.matched);
  });

  test('a longer name wins over a shorter one inside it', () => {
    expect(findAreas('Golden Triangle Special Economic Zone').map((match) => match.matched)).toEqual([
      'Golden Triangle Special Economic Zone',
    ]);
  });

  test('every Latin spelling is found however it is cased, spaced or hyphenated, with its offsets', () => {
    const spellings = compoundAreas.flatMap((area) =>
      area.names.filter((name) => /^[\p{Script=Latin}\s'-]+$/u.test(name)).map((name) => ({ area, name })),
    );
    const filler = fc.constantFrom('job', 'salary', 'apply', 'kerja', 'visa', '35,000 THB', '!', '-', 'ok');
    fc.assert(
      fc.property(
        fc.constantFrom(...spellings),
        fc.array(filler, { maxLength: 4 }),
        fc.array(filler, { maxLength: 4 }),
        fc.constantFrom('upper', 'lower', 'as written'),
        fc.constantFrom(' ', '-', ''),
        ({ area, name }, before, after, casing, separator) => {
          const typed = name.replace(/[ -]/g, separator);
          const cased = casing === 'upper' ? typed.toUpperCase() : casing === 'lower' ? typed.toLowerCase() : typed;
          const prefix = before.length > 0 ? `${before.join(' ')} ` : '';
          const text = `${prefix}${cased}${after.length > 0 ? ` ${after.join(' ')}` : ''}`;
          const match = findAreas(text).find((found) => found.area.id === area.id);
          expect(match?.start).toBe(prefix.length);
          expect(match?.matched).toBe(cased);
        },
      ),
    );
  });

  test('every area has a country, a kind, names and a source', () => {
    expect(new Set(compoundAreas.map((area) => area.id)).size).toBe(compoundAreas.length);
    for (const area of compoundAreas) {
      expect(area.country).toMatch(/^[A-Z]{2}$/);
      expect(area.names.length).toBeGreaterThan(0);
      expect(area.note.length).toBeGreaterThan(30);
    }
  });

  test('a huge text is searched to the end (speed: bench/job-offer-assess.mjs)', () => {
    const text = 'Customer service job, high salary, Myawadi. '.repeat(500);
    expect(findAreas(text)).toHaveLength(500);
  });
});
