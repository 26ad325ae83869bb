import type { World } from '../test/factories.ts';

// The cells of the authorization matrix (matrix.test.ts): each kind of actor and the statuses
// expected of them.

export const actorKinds = [
  'anonymous',
  'tutee',
  'otherTutee',
  'tutor',
  'otherTutor',
  'expert',
  'coordinator',
  'orgAdmin',
  'otherOrgCoordinator',
] as const;
export type ActorKind = (typeof actorKinds)[number];
export type Expect = Record<ActorKind, number>;

export const all = (status: number): Expect =>
  Object.fromEntries(actorKinds.map((k) => [k, status])) as Expect;
export const anyUser = (ok = 200): Expect => ({ ...all(ok), anonymous: 401 });
/** Anyone belonging to the organisation (any programme role or admin). */
export const orgMember = (ok = 200): Expect => ({ ...all(ok), anonymous: 401, otherOrgCoordinator: 404 });
/** The programme's coordinator and the organisation's admin; members see it but may not act. */
export const manager = (ok = 200): Expect => ({
  ...all(403),
  anonymous: 401,
  coordinator: ok,
  orgAdmin: ok,
  otherOrgCoordinator: 404,
});
export const adminOnly = (ok = 200): Expect => ({ ...manager(ok), coordinator: 403 });

export interface Cell {
  expect: Expect;
  body?: (w: World) => unknown;
}
