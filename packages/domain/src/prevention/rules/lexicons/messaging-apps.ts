// Messaging apps as ads name them ("TG", "纸飞机" for Telegram, "vx" for WeChat), to tell an offer that can only be
// answered through a chat app from one that names a company people can find.

export const messagingApps = [
  'telegram',
  'whatsapp',
  'wechat',
  'line',
  'zalo',
  'signal',
  'viber',
  'messenger',
] as const;

export type MessagingApp = (typeof messagingApps)[number];

/** Names of each app in ads. Bare "line" and "飞机" (aeroplane) are left out: they mean other things too. */
export const messagingAppNames: Readonly<Record<MessagingApp, readonly string[]>> = {
  telegram: [
    'telegram',
    'tele',
    'tg',
    'เทเลแกรม',
    'เทเล',
    '电报',
    '電報',
    '纸飞机',
    '紙飛機',
    '飞机号',
    '飛機號',
    'တယ်လီဂရမ်',
  ],
  whatsapp: ['whatsapp', 'whats app', 'wa', 'wasap', 'watsap', 'วอทส์แอพ', 'วอทสแอป', 'ဝက်(စ်)အက်ပ်'],
  wechat: ['wechat', 'weixin', 'vx', 'wx', '微信', 'วีแชท'],
  line: ['line id', 'id line', 'add line', 'ไลน์', 'ไอดีไลน์'],
  zalo: ['zalo'],
  signal: ['signal app'],
  viber: ['viber'],
  messenger: ['messenger', 'fb messenger'],
};

/** Link hosts and handle prefixes (as findContacts writes them) of each app. */
export const messagingAppHints: Readonly<Record<MessagingApp, readonly string[]>> = {
  telegram: ['t.me', 'telegram.me', 'telegram:'],
  whatsapp: ['wa.me', 'chat.whatsapp.com', 'wa:'],
  wechat: ['weixin.qq.com', 'wechat:'],
  line: ['line.me', 'lin.ee', 'line:'],
  zalo: ['zalo.me', 'zalo:'],
  signal: ['signal.me', 'signal:'],
  viber: ['viber:'],
  messenger: ['m.me', 'messenger.com', 'messenger:'],
};
