/** Domain errors carry an HTTP status, a stable code the web app translates, and a readable message. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** A record outside the actor's scope is reported as missing, never as forbidden. */
export const notFound = (what = 'record') => new AppError(404, 'not_found', `This ${what} does not exist.`);
export const forbidden = (message = 'You are not allowed to do this.') =>
  new AppError(403, 'forbidden', message);
export const unauthenticated = () => new AppError(401, 'unauthenticated', 'Sign in first.');
export const badRequest = (code: string, message: string, details?: unknown) =>
  new AppError(400, code, message, details);
export const conflict = (code: string, message: string) => new AppError(409, code, message);
export const tooMany = (message: string) => new AppError(429, 'rate_limited', message);
