import { defineConfig } from 'vite'

// The web app: Lit components built by Vite into dist/web, served by the Hono process.
export default defineConfig({
  root: 'web',
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    // Heavy parts (the YAML editor, charts) are split into chunks loaded when a page needs them.
    chunkSizeWarningLimit: 1200,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8787' } },
})
