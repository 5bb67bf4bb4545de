// Builds the citizen app, served by the server at `/`; in development the API is proxied to a local server.
import { defineConfig } from 'vite';

export default defineConfig({
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
