import { describe, expect, test } from 'vitest';
import { extractOfferSignals } from './offer-signals.js';

describe('extractOfferSignals', () => {
  test('reads the kind of work, destination, salary and contacts of a pasted ad', () => {
    const signals = extractOfferSignals({
      text: 'Customer service in Phnom Penh, Cambodia. Salary 1,500 USD/month. Telegram: @cs_hr_kh, WhatsApp +855 10 000 123',
    });
    expect(signals.jobFamilies).toEqual(['customer_service']);
    expect(signals.destinationCountry).toMatchObject({ value: 'KH', source: 'text' });
    expect(signals.salary).toMatchObject({ amount: 1500, currency: 'USD', period: 'month', monthlyUsd: 1500 });
    expect(signals.referenceFamily).toBe('customer_service');
    expect(signals.salaryRatio).toBeGreaterThan(3);
    expect(signals.contacts.phones).toContain('+85510000123');
    expect(signals.contacts.handles).toContain('telegram:@cs_hr_kh');
    expect(signals.messagingApps).toEqual(expect.arrayContaining(['telegram', 'whatsapp']));
    expect(signals.companyNames).toEqual([]);
  });

  test('a compound hub abroad is the destination even when the ad names Thailand', () => {
    const signals = extractOfferSignals({ text: 'Kerja di Thailand perbatasan (Myawaddy), gaji $1.000 per bulan.' });
    expect(signals.homeCountry).toBe('ID');
    expect(signals.destinationCountry?.value).toBe('MM');
    expect(signals.areas).toEqual([
      expect.objectContaining({ id: 'myawaddy', kind: 'compound_hub', isWaypoint: false }),
    ]);
  });

  test('when several countries are named, a compound country is assumed', () => {
    const signals = extractOfferSignals({
      text: 'Customer Service (Online) – Thailand / Kemboja. Gaji RM 8,000 sebulan.',
    });
    expect(signals.destinationCountry?.value).toBe('KH');
  });

  test('the answers’ destination, salary and contacts win over and add to the text', () => {
    const signals = extractOfferSignals({
      text: 'Job in Cambodia, 3000 USD',
      answers: {
        destinationCountry: 'th',
        salary: { amount: 30_000, currency: 'thb', period: 'month' },
        recruiterPhone: '081 234 5678',
        recruiterLinks: ['t.me/thai_jobs_hr'],
        employerName: 'Contoh Trading Co., Ltd.',
        languagesRequired: ['zh-Hans', 'en'],
      },
    });
    expect(signals.destinationCountry).toEqual({
      value: 'TH',
      source: 'answers',
      evidence: ['destination country: TH'],
    });
    expect(signals.salary).toMatchObject({ amount: 30_000, currency: 'THB', source: 'answers' });
    expect(signals.contacts.phones).toContain('+66812345678');
    expect(signals.contacts.urls).toContain('t.me/thai_jobs_hr');
    expect(signals.companyNames).toEqual(['Contoh Trading Co., Ltd.']);
    expect(signals.languagesRequired).toEqual(['zh', 'en']);
  });

  test('an amount after a fee word is not taken for the salary', () => {
    const signals = extractOfferSignals({ text: 'Biaya proses Rp 5 juta. Gaji Rp 15 juta per bulan di Kamboja.' });
    expect(signals.salary).toMatchObject({ amount: 15_000_000, currency: 'IDR' });
  });

  test('an amount without a currency is read in the destination’s currency when that gives a plausible wage', () => {
    const signals = extractOfferSignals({ text: 'Lương cơ bản: 190.000 mỗi tháng, làm việc tại Nhật Bản (Osaka).' });
    expect(signals.salary).toMatchObject({ amount: 190_000, currency: 'JPY', isAssumed: true });
  });

  test('"¥" is read as yen for a job in Japan and as yuan elsewhere', () => {
    expect(extractOfferSignals({ text: 'Caregiver in Japan, ¥200,000 per month' }).salary?.currency).toBe('JPY');
    expect(extractOfferSignals({ text: 'Typist in Manila, Philippines, ¥20,000 per month' }).salary?.currency).toBe(
      'CNY',
    );
  });

  test('Chinese ads quote yuan unless they say otherwise', () => {
    expect(extractOfferSignals({ text: '柬埔寨 客服 月薪2万' }).salary).toMatchObject({
      amount: 20_000,
      currency: 'CNY',
    });
  });

  test('the questionnaire facts come from the text when there are no answers', () => {
    const signals = extractOfferSignals({
      text: 'Free air ticket. Tourist visa. The company will keep your passport. Potong gaji. Urgent! PM me.',
    });
    expect(signals.travelPaidBy?.value).toBe('recruiter');
    expect(signals.visaType?.value).toBe('tourist');
    expect(signals.passportHeld?.value).toBe('yes');
    expect(signals.recruitmentFee?.value).toBe('debt');
    expect(signals.urgency?.value).toBe(true);
    expect(signals.foundThrough?.value).toBe('social_media');
  });

  test('the language of the text is recognised, and with it the worker’s home country', () => {
    expect(extractOfferSignals({ text: 'Tuyển gấp nhân viên, lương cao, không cần kinh nghiệm' }).homeCountry).toBe(
      'VN',
    );
    expect(extractOfferSignals({ text: 'รับสมัครด่วน งานแอดมิน' }).writtenIn[0]).toBe('th');
    expect(extractOfferSignals({ text: 'Hiring now: the job is easy and the pay is good for you' }).homeCountry).toBe(
      undefined,
    );
  });

  test('an age window is read', () => {
    expect(extractOfferSignals({ text: 'Usia 18-35 tahun, pria/wanita' }).ageWindow).toEqual({ from: 18, to: 35 });
  });
});
