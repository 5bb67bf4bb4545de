import { describe, expect, test } from 'vitest';
import { findContacts } from './contacts.js';

describe('findContacts', () => {
  test('collects phones, links and handles from a pasted English ad', () => {
    const ad = `URGENT hiring customer service in Thailand!! Salary 35,000 THB.
Contact WhatsApp 081-234-5678 or Telegram: @hr_team. Join t.me/jobs_asia. Email hr@gmail.com`;
    expect(findContacts(ad, ['TH'])).toEqual({
      phones: ['+66812345678'],
      urls: ['t.me/jobs_asia'],
      handles: ['wa:+66812345678', '@hr_team', 'telegram:@hr_team', '@jobs_asia', 'telegram:@jobs_asia'],
    });
  });

  test('reads a Thai ad with Thai digits and a LINE ID', () => {
    const ad = 'รับสมัครแอดมิน เงินเดือน ๓๕,๐๐๐ บาท โทร ๐๘๑-๒๓๔-๕๖๗๘ ไลน์: thaijob88';
    expect(findContacts(ad, ['TH'])).toEqual({ phones: ['+66812345678'], urls: [], handles: ['line:thaijob88'] });
  });

  test('reads a Vietnamese ad with a Zalo number and a Facebook page', () => {
    const ad = 'Tuyển CSKH lương 15 triệu, liên hệ Zalo 0912 345 678, fb: facebook.com/ViecLamCampuchia';
    expect(findContacts(ad, ['VN'])).toEqual({
      phones: ['+84912345678'],
      urls: ['facebook.com/vieclamcampuchia'],
      handles: ['zalo:+84912345678'],
    });
  });

  test('reads international numbers, WhatsApp links and WeChat IDs in a Chinese ad', () => {
    const ad = '高薪招聘客服，联系 +855 12 345 678，微信：lee888，或 https://wa.me/66812345678';
    expect(findContacts(ad)).toEqual({
      phones: ['+85512345678', '+66812345678'],
      urls: ['wa.me/66812345678'],
      handles: ['wechat:lee888', 'wa:+66812345678'],
    });
  });

  test('tries the default countries in order for local numbers', () => {
    expect(findContacts('0917 123 4567 / 081 234 5678', ['PH', 'TH']).phones).toEqual([
      '+639171234567',
      '+66812345678',
    ]);
  });

  test('a number written twice is given once', () => {
    expect(findContacts('+66 81 234 5678 / 0066812345678 / 081-234-5678', ['TH']).phones).toEqual(['+66812345678']);
  });

  test('an ad with no contacts gives empty lists, and dates and amounts are not phones', () => {
    expect(findContacts('Start 2025-01-15, pay Rp 15.000.000 per month, 8 hours a day', ['ID'])).toEqual({
      phones: [],
      urls: [],
      handles: [],
    });
  });

  test('a Facebook profile id in a link is not read as a phone number', () => {
    expect(findContacts('facebook.com/profile.php?id=100081234567', ['TH'])).toEqual({
      phones: [],
      urls: ['facebook.com/profile.php?id=100081234567'],
      handles: [],
    });
  });
});
