/** `GET /health`: 200 `{"ok":true}` while serving, 503 `{"ok":false}` once closing. */
import { Hono } from 'hono';
import type { Env, Lifecycle } from '../env.js';

export function healthRoutes(state: Lifecycle): Hono<Env> {
  return new Hono<Env>().get('/health', (c) =>
    state.closing ? c.json({ ok: false }, 503) : c.json({ ok: true }),
  );
}
