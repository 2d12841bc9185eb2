import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

// The UI is static files served by `newsgraph serve`; it talks only to /api/ on the same origin.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Inline nothing as data: URLs or inline scripts: the page's CSP allows scripts from 'self' only.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1200,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
})
