// Builds the staff console, served by the server under `/console/`; in development the API is proxied to a local server.
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/console/',
  server: { port: 5174, proxy: { '/api': 'http://localhost:3000' } },
});
