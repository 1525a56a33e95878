import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiPort = Number(process.env.PORT ?? 4000);

export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // The server reads it to link the built stylesheet from the pages it renders itself.
    manifest: true,
    rollupOptions: {
      // The staff app, and the small script that enhances the server-rendered apply journey.
      input: { app: 'web/index.html', apply: 'web/src/apply/enhance.ts' },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': `http://localhost:${apiPort}`,
      '/healthz': `http://localhost:${apiPort}`,
      // 360Giving files are posted here, not to /graphql (they are too big for a GraphQL request).
      '/imports': `http://localhost:${apiPort}`,
      // The open data downloads are files from the server, not pages of the app.
      '^/funds/[^/]+/open-data/grants\\.(json|csv)$': `http://localhost:${apiPort}`,
    },
  },
});
