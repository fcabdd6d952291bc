import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The demo site: a blog post and a community page, each embedding the widgets the way a site would.
export default defineConfig({
  root,
  plugins: [
    {
      // The pages load `../src/index.ts`, which a browser asks for as `/src/index.ts` (above the
      // demo root): serve it from the repository's src/ in development, as the build does.
      name: 'tend:demo-src',
      configureServer(server) {
        const repo = resolve(root, '..');
        server.middlewares.use((request, _response, next) => {
          if (request.url?.startsWith('/src/')) request.url = `/@fs${repo}${request.url}`;
          next();
        });
      },
    },
  ],
  server: { port: 5173, open: false },
  build: {
    outDir: resolve(root, '../dist/demo'),
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        index: resolve(root, 'index.html'),
        blog: resolve(root, 'blog.html'),
        community: resolve(root, 'community.html'),
        shared: resolve(root, 'shared.html'),
      },
    },
  },
});
