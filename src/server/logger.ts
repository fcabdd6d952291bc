/**
 * Structured logs: one JSON object a line on stdout (errors on stderr), so a log collector can
 * index every field. Never log tokens or record values: ids and codes only.
 */
import { writeSync } from 'node:fs';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export type LogFields = Record<string, unknown>;

export interface Logger {
  readonly level: LogLevel;
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line. */
  child(fields: LogFields): Logger;
  /** True when lines of `level` are written (to skip building fields that would be dropped). */
  enabled(level: LogLevel): boolean;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Where lines go. Default: stdout for debug/info, stderr for warn/error. */
  write?: (line: string, level: LogLevel) => void;
}

/**
 * Lines wait until the end of the current turn of the event loop and go out in one write per
 * stream: one write a request line costs more than the request under load. Whatever waits is
 * written synchronously when the process exits.
 */
const pending: { out: string[]; err: string[] } = { out: [], err: [] };
let scheduled = false;

function flush(): void {
  scheduled = false;
  if (pending.out.length) process.stdout.write(pending.out.splice(0).join(''));
  if (pending.err.length) process.stderr.write(pending.err.splice(0).join(''));
}

/** Writes what waits, synchronously (on exit). */
export function flushLogs(): void {
  if (pending.out.length) writeSync(1, pending.out.splice(0).join(''));
  if (pending.err.length) writeSync(2, pending.err.splice(0).join(''));
}

function defaultWrite(line: string, level: LogLevel): void {
  (level === 'warn' || level === 'error' ? pending.err : pending.out).push(line + '\n');
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
}

process.once('exit', flushLogs);

/** Errors become plain objects (JSON.stringify drops their message and stack otherwise). */
function plain(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields))
    out[key] =
      value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
  return out;
}

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && value in RANK;
}

export function createLogger(options: LoggerOptions = {}, bound: LogFields = {}): Logger {
  const level = options.level ?? 'info';
  const write = options.write ?? defaultWrite;
  const threshold = RANK[level];
  const emit = (lineLevel: LogLevel, message: string, fields?: LogFields) => {
    if (RANK[lineLevel] < threshold) return;
    const line = {
      time: new Date().toISOString(),
      level: lineLevel,
      msg: message,
      ...bound,
      ...plain(fields ?? {}),
    };
    write(JSON.stringify(line), lineLevel);
  };
  return {
    level,
    debug: (message, fields) => emit('debug', message, fields),
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    error: (message, fields) => emit('error', message, fields),
    child: (fields) => createLogger(options, { ...bound, ...fields }),
    enabled: (lineLevel) => RANK[lineLevel] >= threshold,
  };
}
