// Lets `node --test` run the TypeScript tests and the TypeScript server they import, with no
// build step: `node --import ./test/server/register.js --test test/server/*.test.ts`.
// esbuild strips the types of each .ts file as Node loads it (no type checking: `npm run
// typecheck` does that), and an import of `./x.js` finds `./x.ts`, as TypeScript's does.
import { register } from 'node:module';

register('./typescript-hooks.js', import.meta.url);
