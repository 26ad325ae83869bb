// A pairing's states, once: proposed (a draft), active, paused, completed, ended. A live pair is
// active or paused: it counts for follow-up, contacts, meetings and the matching's capacity.
export const LIVE_PAIRING_STATES = ['active', 'paused'] as const;
export type LivePairingState = (typeof LIVE_PAIRING_STATES)[number];

/** A pair that has ended, completed or stopped early: its records follow the retention of ended pairs. */
export const ENDED_PAIRING_STATES = ['completed', 'ended'] as const;

export const isLivePairing = (state: string): state is LivePairingState =>
  (LIVE_PAIRING_STATES as readonly string[]).includes(state);
