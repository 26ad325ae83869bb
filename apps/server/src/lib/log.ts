import type { FastifyServerOptions } from 'fastify';
import pinoPretty from 'pino-pretty';
import type { Config } from '../config.ts';

/** Readable lines on a terminal outside production; one JSON object per line otherwise (log collectors). */
export function prettyLogs(config: Config, isTerminal = process.stdout.isTTY === true): boolean {
  if (config.LOG_FORMAT !== 'auto') return config.LOG_FORMAT === 'pretty';
  return isTerminal && config.NODE_ENV !== 'production';
}

export function loggerOptions(config: Config): NonNullable<FastifyServerOptions['logger']> {
  if (!prettyLogs(config)) return { level: config.LOG_LEVEL };
  return {
    level: config.LOG_LEVEL,
    stream: pinoPretty({
      colorize: process.stdout.isTTY === true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,reqId',
      sync: true,
    }),
  };
}
