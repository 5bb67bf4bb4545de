import { describe, expect, test } from 'vitest';
import { findHandles, findLinks, normaliseHandle, normaliseUrl } from './links-and-handles.js';

describe('normaliseUrl', () => {
  test.each([
    ['HTTPS://www.Facebook.com/Jobs.Abroad/?ref=share', 'facebook.com/jobs.abroad'],
    ['https://m.facebook.com/jobs.abroad', 'facebook.com/jobs.abroad'],
    ['fb.com/Jobs.Abroad#top', 'facebook.com/jobs.abroad'],
    ['facebook.com/profile.php?id=100012345678&ref=x', 'facebook.com/profile.php?id=100012345678'],
    ['t.me/Thai_Jobs/', 't.me/thai_jobs'],
    ['https://telegram.me/Thai_Jobs', 't.me/thai_jobs'],
    ['wa.me/66812345678', 'wa.me/66812345678'],
    ['https://api.whatsapp.com/send?phone=66812345678&text=hi', 'wa.me/66812345678'],
    ['line.me/ti/p/~Thai.Job', 'line.me/ti/p/~thai.job'],
    ['bit.ly/3AbCdE', 'bit.ly/3AbCdE'],
    ['https://www.tiktok.com/@HotJobs?lang=en', 'tiktok.com/@hotjobs'],
    ['http://m.me/recruiter', 'm.me/recruiter'],
    ['WWW.Example-Jobs.com', 'example-jobs.com'],
    ['jobs.example.co.th', 'jobs.example.co.th'],
    ['example.com:443/apply/', 'example.com/apply'],
  ])('%j is %j', (typed, expected) => {
    expect(normaliseUrl(typed)).toBe(expected);
  });

  test.each([['hello'], ['e.g.'], ['work.It'], ['35.000'], [''], ['a.b'], ['Sdn.Bhd']])('%j is not a link', (typed) => {
    expect(normaliseUrl(typed)).toBeUndefined();
  });

  test('http and https, with or without www, are one link', () => {
    const forms = ['http://t.me/abc_jobs', 'https://t.me/abc_jobs/', 't.me/ABC_jobs', 'https://www.t.me/abc_jobs?x=1'];
    expect(new Set(forms.map(normaliseUrl))).toEqual(new Set(['t.me/abc_jobs']));
  });
});

describe('findLinks', () => {
  test('finds links with and without a scheme, trims punctuation after them and skips e-mail addresses', () => {
    const text =
      'Apply (https://jobs.example.com/apply?src=fb), join t.me/jobs_asia. Mail hr@gmail.com; see bit.ly/3AbCdE!';
    expect(findLinks(text).map((link) => link.url)).toEqual([
      'jobs.example.com/apply',
      't.me/jobs_asia',
      'bit.ly/3AbCdE',
    ]);
  });

  test('finds nothing in sentences glued together after a full stop', () => {
    expect(findLinks('Good pay.Free food.Apply now.It is easy, Jl.Sudirman no.5')).toEqual([]);
  });

  test('finds a link written right after Thai or Chinese text', () => {
    expect(findLinks('ติดต่อt.me/thaijob 联系t.me/cnjob').map((link) => link.url)).toEqual([
      't.me/thaijob',
      't.me/cnjob',
    ]);
  });
});

describe('normaliseHandle', () => {
  test.each([
    ['@Name', '@name'],
    ['name_88', '@name_88'],
    ['Telegram: @Job_Agent88', 'telegram:@job_agent88'],
    ['TG: job_agent88', 'telegram:@job_agent88'],
    ['Line ID: thai.job', 'line:thai.job'],
    ['LINE: @thaijob', 'line:@thaijob'],
    ['ไลน์: thaijob', 'line:thaijob'],
    ['WeChat: hr_lee', 'wechat:hr_lee'],
    ['微信: hr_lee', 'wechat:hr_lee'],
    ['微信号：hr_lee', 'wechat:hr_lee'],
    ['WhatsApp: +66 81 234 5678', 'wa:+66812345678'],
    ['Zalo: +84 912 345 678', 'zalo:+84912345678'],
    ['t.me/Job_Agent88', 'telegram:@job_agent88'],
    ['https://www.tiktok.com/@HotJobs', 'tiktok:@hotjobs'],
    ['line.me/ti/p/~thai.job', 'line:thai.job'],
    ['wa.me/66812345678', 'wa:+66812345678'],
  ])('%j is %j', (typed, expected) => {
    expect(normaliseHandle(typed)).toBe(expected);
  });

  test.each([['someone@example.com'], ['HR@Jobs.co.th'], [''], ['@'], ['a'], ['bad name with spaces']])(
    '%j is not a handle',
    (typed) => {
      expect(normaliseHandle(typed)).toBeUndefined();
    },
  );
});

describe('findHandles', () => {
  const handles = (text: string) => findHandles(text, findLinks(text));

  test('finds labelled handles in many languages, with their platform', () => {
    expect(handles('Telegram: @hr_team, Line ID: thai.job, 微信：lee888, TG job_boss (no colon: not a label)')).toEqual(
      ['@hr_team', 'telegram:@hr_team', 'line:thai.job', 'wechat:lee888'],
    );
  });

  test('finds bare @handles but never the inside of an e-mail address', () => {
    expect(handles('DM @Recruit_Asia or mail recruit@gmail.com')).toEqual(['@recruit_asia']);
  });

  test('gives the handle behind a profile link', () => {
    expect(handles('https://t.me/Job_Agent88 tiktok.com/@hotjobs')).toEqual([
      '@job_agent88',
      'telegram:@job_agent88',
      '@hotjobs',
      'tiktok:@hotjobs',
    ]);
  });

  test('a Telegram invitation link is not a user name', () => {
    expect(handles('t.me/joinchat/AbCdEf t.me/+AbCdEf')).toEqual([]);
  });
});

test('a text of thousands of links gives the first 64, and every handle of them once', () => {
  const text = Array.from({ length: 2_000 }, (_, index) => `t.me/job${index}`).join(' ');
  const links = findLinks(text);
  expect(links).toHaveLength(64);
  expect(links[63]?.url).toBe('t.me/job63');
  expect(findHandles(text, links)).toContain('telegram:@job63');
});
