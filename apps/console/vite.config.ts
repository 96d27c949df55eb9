import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { graphqlDocuments } from './vite-graphql-documents';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Everything the page needs is bundled into dist (hashed names under assets/): the API serves it from its own
 * origin, so nothing is fetched from a CDN at run time and the Content-Security-Policy names no other origin.
 */
export default defineConfig({
  root,
  base: '/',
  // Each page's operations go into its own chunk (see vite-graphql-documents.ts).
  plugins: [graphqlDocuments(resolve(root, 'src/gql')), react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    // Inlined assets would need data: URLs in the Content-Security-Policy.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
  },
  server: { proxy: { '/graphql': 'http://127.0.0.1:3000' } },
});
