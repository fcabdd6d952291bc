import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The demo site: a blog post and a community page, each embedding the widgets the way a site would.
export default defineConfig({
  root,
  server: { port: 5173, open: false },
  build: {
    outDir: resolve(root, '../dist/demo'),
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        index: resolve(root, 'index.html'),
        blog: resolve(root, 'blog.html'),
        community: resolve(root, 'community.html'),
      },
    },
  },
});
