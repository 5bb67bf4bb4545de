// The job-offer check's text analysis (assessJobOffer, pure CPU), against a floor measured in the same run:
// one linear pass over the same text (NFKC, lower case, one scan for digits), the least any analysis of it
// must do. Also long texts and hostile ones, which must cost about what an ordinary text of the same length
// costs: a pattern that backtracks would show here as a ratio in the hundreds. See bench/README.md.
import { performance } from 'node:perf_hooks';
import { assessJobOffer } from '../packages/domain/dist/index.js';
import { exampleAds } from '../packages/domain/dist/prevention/fixtures/ads.js';
import { startRunReport } from './lib/run-report.mjs';
import { readPositiveNumber } from './lib/settings.mjs';

const rounds = Math.round(readPositiveNumber('BENCH_ROUNDS', 5));
const minimumMillis = readPositiveNumber('BENCH_ASSESS_MILLIS', 400);
const runReport = startRunReport('job-offer-assess');

/** The least work over the text: what every analysis has to do at least once. */
function floor(text) {
  const normalised = text.normalize('NFKC').toLowerCase();
  let digits = 0;
  for (const _match of normalised.matchAll(/[0-9]+/g)) digits += 1;
  return digits;
}

const assess = (text) => assessJobOffer({ text });

/** Repeats `work` over `texts` for at least minimumMillis; microseconds per text. */
function timePerText(work, texts) {
  let runs = 0;
  const started = performance.now();
  let elapsed = 0;
  do {
    for (const text of texts) work(text);
    runs += texts.length;
    elapsed = performance.now() - started;
  } while (elapsed < minimumMillis);
  return (elapsed * 1000) / runs;
}

/** Median of the rounds, floor and analysis alternating so a noisy neighbour hits both alike. */
function measure(name, texts) {
  const floors = [];
  const analyses = [];
  for (let round = 0; round < rounds; round += 1) {
    if (round % 2 === 0) {
      floors.push(timePerText(floor, texts));
      analyses.push(timePerText(assess, texts));
    } else {
      analyses.push(timePerText(assess, texts));
      floors.push(timePerText(floor, texts));
    }
  }
  const result = {
    name,
    characters: Math.round(texts.reduce((sum, text) => sum + text.length, 0) / texts.length),
    floorMicros: median(floors),
    assessMicros: median(analyses),
    assessMicrosRange: [Math.min(...analyses), Math.max(...analyses)],
  };
  result.ratio = result.assessMicros / result.floorMicros;
  process.stdout.write(
    `${name.padEnd(34)} ${String(result.characters).padStart(6)} chars  floor ${format(result.floorMicros)}  ` +
      `assess ${format(result.assessMicros)} (${format(result.assessMicrosRange[0])}–${format(result.assessMicrosRange[1])})  ` +
      `× ${result.ratio.toFixed(1)}\n`,
  );
  return result;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const format = (micros) =>
  (micros >= 1000 ? `${(micros / 1000).toFixed(2)} ms` : `${micros.toFixed(1)} µs`).padStart(9);

/** Repeats `piece` to exactly `length` characters. */
const filled = (piece, length) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length);

const texts = exampleAds.map((ad) => ad.text);
const longOrdinary = filled(texts.join('\n\n'), 20_000);

// The first call compiles every lexicon; what a freshly started server pays once.
const firstStarted = performance.now();
assess(texts[0]);
const firstCallMillis = performance.now() - firstStarted;

process.stdout.write(`first call (lexicons compile): ${firstCallMillis.toFixed(0)} ms\n`);
process.stdout.write(
  `${rounds} rounds of at least ${minimumMillis} ms per variant; median per text, ratio to the floor\n\n`,
);
const results = [
  measure(`fixture ads (${texts.length}, one at a time)`, texts),
  measure('ordinary ads to 20,000 chars', [longOrdinary]),
  ...[
    ['hostile: "1,1,1,…"', '1,'],
    ['hostile: digits only', '1'],
    ['hostile: "万万万…"', '万'],
    ['hostile: "$ $ $ …"', '$ '],
    ['hostile: Burmese digits and spaces', '၁ '],
    ['hostile: "Rp 1.1.1.…"', 'Rp 1.1.1.1.1.'],
    ['hostile: "@a @a …" handles', '@a '],
    ['hostile: "a.b" link-like', 'a.b'],
    ['hostile: "+6 6 8 …" phone-like', '+6 6 8 1 '],
  ].map(([name, piece]) => measure(name, [filled(piece, 20_000)])),
];

const ordinaryLong = results[1];
const worstHostile = results
  .slice(2)
  .reduce((worst, result) => (result.assessMicros > worst.assessMicros ? result : worst));
process.stdout.write(
  `\nworst hostile text costs ${(worstHostile.assessMicros / ordinaryLong.assessMicros).toFixed(2)} × an ordinary text of the same length (${worstHostile.name})\n`,
);
runReport.finish({ rounds, minimumMillis }, [{ kind: 'none (pure CPU)', firstCallMillis, results }]);
