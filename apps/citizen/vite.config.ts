// Builds the citizen app, served by the server at `/`; in development the API is proxied to a local server.
// Two pages: the app (index.html) and the public job-offer check (check.html, at /check.html), which
// loads none of the app's login code.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

export default defineConfig({
  build: { rolldownOptions: { input: { main: page('index.html'), check: page('check.html') } } },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
