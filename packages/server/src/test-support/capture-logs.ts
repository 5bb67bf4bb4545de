// Collects what the app logs, so tests can check what reaches the logs and what never does.
import { Writable } from 'node:stream';

export function captureLogs(): { readonly lines: string[]; readonly logStream: Writable } {
  const lines: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logStream };
}
