import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./explorer', import.meta.url));

/**
 * The API explorer (GraphiQL), served at /graphql to browsers: bundled like the console, into explorer/dist, its
 * hashed files under /explorer/assets/, so nothing comes from a CDN and the page runs under a policy naming no
 * other origin.
 */
export default defineConfig({
  root,
  base: '/explorer/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    // Inlined assets would need data: URLs in the Content-Security-Policy.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 4000,
  },
});
