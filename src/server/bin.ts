/**
 * `tend-server` on the command line: reads flags and environment, starts, and shuts down
 * gracefully on SIGINT/SIGTERM (requests in flight finish, event streams close, the database
 * closes cleanly).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from './app.js';
import { ConfigError, loadConfig, USAGE } from './config.js';
import { createLogger } from './logger.js';

/** The --dev signing secret, kept in the data folder so tokens outlive a restart. */
function devSecret(dataDir: string): string {
  const file = join(dataDir, 'dev-jwt-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString('hex');
    writeFileSync(file, secret + '\n', { mode: 0o600 });
    return secret;
  }
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  let config;
  try {
    config = loadConfig(argv);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`tend-server: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  if (!config) {
    process.stdout.write(USAGE);
    return;
  }
  const logger = createLogger({ level: config.logLevel });
  let server;
  try {
    server = await startServer(config, {
      logger,
      devSecret: config.dev && !config.jwtSecret ? devSecret(config.dataDir) : undefined,
    });
  } catch (error) {
    logger.error('tend-server could not start', { error });
    process.exit(1);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      logger.warn('stopping now', { signal });
      process.exit(1);
    }
    stopping = true;
    logger.info('shutting down', { signal });
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', { error });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('unhandledRejection', (error) => logger.error('unhandled rejection', { error }));
}
