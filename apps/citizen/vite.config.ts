// Builds the citizen app, served by the server at `/`; in development the API is proxied to a local server.
// Four pages: the app (index.html); the public job-offer check (check.html, at /check.html); the check-in for
// someone without their own phone (check-in.html); and the trusted contact's page (contact.html). The public
// pages load none of the app's login code.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

export default defineConfig({
  build: {
    rolldownOptions: {
      input: {
        main: page('index.html'),
        check: page('check.html'),
        checkIn: page('check-in.html'),
        contact: page('contact.html'),
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
