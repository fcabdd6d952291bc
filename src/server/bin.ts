/**
 * `tend-server` on the command line: reads flags and environment, starts, and shuts down
 * gracefully on SIGINT/SIGTERM (requests in flight finish, event streams close, the database
 * closes cleanly).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from './app.js';
import { ConfigError, loadConfig, StartupError, USAGE } from './config.js';
import { createLogger, flushLogs, type Logger } from './logger.js';

/** The --dev signing secret, kept in the data folder so tokens outlive a restart. */
function devSecret(dataDir: string): string {
  const file = join(dataDir, 'dev-jwt-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    const secret = randomBytes(32).toString('hex');
    try {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(file, secret + '\n', { mode: 0o600 });
    } catch {
      throw new StartupError(`cannot write the data folder ${dataDir}: check its permissions or use --data`);
    }
    return secret;
  }
}

/**
 * Tells why the server could not start in one plain line on stderr (what failed, where, what to
 * do), the details only at debug level, and exits: 2 for settings, 1 for the rest.
 */
function startFailed(error: unknown, logger: Logger): never {
  const told = error instanceof StartupError || error instanceof ConfigError;
  const line = told
    ? error.message
    : `could not start: ${error instanceof Error ? error.message : String(error)} (TEND_LOG_LEVEL=debug tells more)`;
  logger.debug('start failed', { error });
  flushLogs();
  writeSync(2, `tend-server: ${line.split('\n')[0]}\n`);
  process.exit(error instanceof ConfigError ? 2 : 1);
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
      devSecret: config.dev ? devSecret(config.dataDir) : undefined,
    });
  } catch (error) {
    startFailed(error, logger);
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
