import { defineConfig } from 'vite';

// `npm run dev` serves the dashboard on :5173 and forwards the API to a gateway on :8080 (./taonet up).
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 400 },
  server: { proxy: { '/api': 'http://localhost:8080', '/services': 'http://localhost:8080' } },
});
