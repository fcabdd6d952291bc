import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const repo = resolve(root, '..');

// The demo site: a blog post and a community page, each embedding the widgets the way a site would.
export default defineConfig({
  root,
  resolve: {
    // The pages load `../src/index.ts`, which is above the demo root: Vite sees it as
    // `/src/index.ts`, from the repository's src/, in development as in the build.
    alias: [{ find: /^\/src\//, replacement: `${repo}/src/` }],
  },
  // The shared page's tend-server: the port `npm start` gave it (TEND_SERVER_PORT).
  define: { __TEND_SERVER_PORT__: JSON.stringify(process.env.TEND_SERVER_PORT || '8787') },
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
