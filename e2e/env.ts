import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Where the browser specs' server keeps its data and writes its log (e-mails included). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3999);
export const E2E_DIR = join(tmpdir(), `compagnon-e2e-${E2E_PORT}`);
export const E2E_DATA_DIR = join(E2E_DIR, 'data');
export const E2E_LOG = join(E2E_DIR, 'server.log');
/** Milliseconds the specs' server adds to the system time (a spec lets months pass: support.ts). */
export const E2E_CLOCK_FILE = join(E2E_DIR, 'clock');
export const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const ROOT = resolve(import.meta.dirname, '..');
export const WEB_DIST = join(ROOT, 'apps/web/dist');
export const DEMO_PASSWORD = 'demo-compagnon';
