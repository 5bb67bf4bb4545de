// The demo identity provider's login page: pick one of the synthetic citizens. Plain HTML with no
// script (the server's CSP allows none inline), in the reader's language where we have the words.
import { type DemoCitizen, demoCitizens } from './demo-citizens.js';

interface PageWords {
  readonly title: string;
  readonly intro: string;
  readonly logIn: string;
  readonly cancel: string;
}

const words: Readonly<Record<string, PageWords>> = {
  en: {
    title: 'Demo digital ID',
    intro:
      'This is a demonstration identity provider. Choose a synthetic citizen to log in as; none of them is a real person.',
    logIn: 'Log in as',
    cancel: 'Cancel',
  },
  ms: {
    title: 'ID digital demo',
    intro:
      'Ini penyedia identiti demonstrasi. Pilih warganegara sintetik untuk log masuk; tiada seorang pun orang sebenar.',
    logIn: 'Log masuk sebagai',
    cancel: 'Batal',
  },
  id: {
    title: 'ID digital demo',
    intro: 'Ini penyedia identitas demonstrasi. Pilih warga sintetis untuk masuk; tidak satu pun orang sungguhan.',
    logIn: 'Masuk sebagai',
    cancel: 'Batal',
  },
  fil: {
    title: 'Demo na digital ID',
    intro:
      'Ito ay isang demo na identity provider. Pumili ng gawa-gawang mamamayan para mag-log in; walang totoong tao rito.',
    logIn: 'Mag-log in bilang',
    cancel: 'Kanselahin',
  },
  th: {
    title: 'บัตรประจำตัวดิจิทัลสาธิต',
    intro: 'นี่คือผู้ให้บริการยืนยันตัวตนสำหรับสาธิต เลือกพลเมืองสมมติเพื่อเข้าสู่ระบบ ไม่มีใครเป็นบุคคลจริง',
    logIn: 'เข้าสู่ระบบเป็น',
    cancel: 'ยกเลิก',
  },
  vi: {
    title: 'ID số thử nghiệm',
    intro: 'Đây là nhà cung cấp danh tính thử nghiệm. Chọn một công dân giả định để đăng nhập; không ai là người thật.',
    logIn: 'Đăng nhập với tên',
    cancel: 'Hủy',
  },
  zh: {
    title: '演示数字身份',
    intro: '这是一个演示用的身份提供者。请选择一位虚构公民登录；他们都不是真实的人。',
    logIn: '登录为',
    cancel: '取消',
  },
};

/** The best of our languages for an Accept-Language header; English when none matches. */
export function pickPageLanguage(acceptLanguage: string | undefined): string {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    const primary = tag.split('-')[0] ?? '';
    if (primary === 'tl') return 'fil';
    if (primary in words) return primary;
  }
  return 'en';
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function citizenButton(citizen: DemoCitizen, label: string): string {
  return `<li><button type="submit" name="subject" value="${escapeHtml(citizen.subject)}" data-testid="demo-citizen">
    ${escapeHtml(label)} <strong>${escapeHtml(citizen.name)}</strong>
    <small>${escapeHtml(citizen.idKind)} ${escapeHtml(citizen.nationalId)} · ${escapeHtml(citizen.country)}</small>
  </button></li>`;
}

/**
 * The page for one interaction; its forms go to `${action}/login` or `${action}/abort` by GET, so a
 * browser that also holds a Homeward session is not stopped by the API's CSRF check on writes.
 */
export function renderDemoLoginPage(action: string, acceptLanguage: string | undefined): string {
  const language = pickPageLanguage(acceptLanguage);
  const text = words[language] ?? (words.en as PageWords);
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(text.title)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 0; background: #f4f1ea; color: #1d1d1d; }
main { max-width: 32rem; margin: 0 auto; padding: 1.5rem 1rem; }
h1 { font-size: 1.4rem; } .badge { background: #8a1c1c; color: #fff; padding: .1rem .5rem; border-radius: .3rem; font-size: .8rem; }
ul { list-style: none; padding: 0; } li { margin: .5rem 0; }
button { width: 100%; text-align: left; padding: .8rem; font-size: 1rem; border: 1px solid #0b4f6c; border-radius: .4rem; background: #fff; cursor: pointer; }
button small { display: block; color: #555; margin-top: .2rem; }
.cancel { border-color: #999; text-align: center; }
</style>
</head>
<body><main>
<p><span class="badge">DEMO</span></p>
<h1>${escapeHtml(text.title)}</h1>
<p>${escapeHtml(text.intro)}</p>
<form method="get" action="${escapeHtml(action)}/login"><ul>
${demoCitizens.map((citizen) => citizenButton(citizen, text.logIn)).join('\n')}
</ul></form>
<form method="get" action="${escapeHtml(action)}/abort"><button class="cancel" type="submit">${escapeHtml(text.cancel)}</button></form>
</main></body>
</html>`;
}
