import { z } from 'zod';
import { nameText } from '../../domain/text.ts';

// Field messages are codes of http/error-texts.ts, answered in the request's language.

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'field_email' }));
export const passwordSchema = z.string().min(10, { message: 'field_password_short' }).max(200);

export const signInBody = z.object({ email: emailSchema, password: z.string().min(1).max(200) });
export const emailBody = z.object({ email: emailSchema });

/**
 * A page of the app to come back to after signing in: a path on this site (`/…`), never an address
 * that a browser would read as another site (`//host`, `/\\host`, `https:…`), no control characters.
 */
export function isReturnPath(value: string): boolean {
  if (value.length > 500 || !value.startsWith('/') || /[\\\s\p{Cc}]/u.test(value)) return false;
  const base = 'https://app.invalid';
  try {
    return new URL(value, base).origin === base;
  } catch {
    return false;
  }
}
export const returnPathSchema = z.string().refine(isReturnPath, { message: 'field_return_path' });
export const magicLinkBody = emailBody.extend({ next: returnPathSchema.optional() });
export const tokenBody = z.object({ token: z.string().min(10).max(200) });
export const changePasswordBody = z.object({ current: z.string().min(1).max(200), password: passwordSchema });
export const resetBody = z.object({ token: z.string().min(10).max(200), password: passwordSchema });
export const acceptInvitationBody = z.object({
  name: nameText(1, 120).optional(),
  password: passwordSchema.optional(),
});

export const membershipView = z.object({
  id: z.string(),
  role: z.enum(['coordinator', 'tutor', 'tutee', 'expert']),
  programme: z.object({ id: z.string(), name: z.string(), template: z.string() }),
  organisation: z.object({ id: z.string(), name: z.string() }),
});

export const meView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  locale: z.string(),
  phone: z.string().nullable(),
  /** Signed in with a temporary password: the web app asks for a new one before anything else. */
  passwordChangeRequired: z.boolean(),
  memberships: z.array(membershipView),
  organisations: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      isAdmin: z.boolean(),
      isDemo: z.boolean(),
      timeZone: z.string(),
    }),
  ),
});

export const invitationView = z.object({
  email: z.string(),
  name: z.string(),
  hasPassword: z.boolean(),
  organisation: z.string().nullable(),
  programme: z.string().nullable(),
  role: z.string().nullable(),
  phoneShared: z.boolean().nullable(),
});

export const okView = z.object({ ok: z.literal(true) });

/** What the web app asks on load: who is signed in (or nobody), and whether the demo is there. */
export const sessionView = z.object({ user: meView.nullable(), demo: z.boolean() });
