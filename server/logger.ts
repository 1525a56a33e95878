import pino from 'pino';

export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: undefined,
  redact: {
    paths: ['req.headers.cookie', 'res.headers["set-cookie"]', '*.token', '*.password'],
    censor: '[redacted]',
  },
});

export type Logger = typeof logger;
