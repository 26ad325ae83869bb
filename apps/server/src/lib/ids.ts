import { createHash, randomBytes } from 'node:crypto';
import { v7 } from 'uuid';

/** Opaque, time-ordered ids (UUIDv7): never sequential integers in URLs. */
export const newId = (): string => v7();

/** A random secret for links and cookies (256 bits, URL-safe). */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** Secrets are stored only as their SHA-256, so a database leak does not leak live links or sessions. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');
