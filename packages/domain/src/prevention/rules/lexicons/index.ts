// Every language's phrase lexicon, in the order languages are listed. An ad is matched against all of them at once,
// since ads mix languages ("CSR sa Thailand, libre flight", "客服 / Typist 打字员").
import type { Lexicon } from '../phrase-signals.js';
import { en } from './en.js';
import { fil } from './fil.js';
import { id } from './id.js';
import { km } from './km.js';
import { lo } from './lo.js';
import { ms } from './ms.js';
import { my } from './my.js';
import { th } from './th.js';
import { vi } from './vi.js';
import { zh } from './zh.js';

export const lexicons: readonly Lexicon[] = [en, id, ms, th, vi, fil, my, km, lo, zh];
