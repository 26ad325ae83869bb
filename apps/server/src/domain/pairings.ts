// A pairing's states, once: proposed (a draft), active, paused, completed, ended. A live pair is
// active or paused: it counts for follow-up, contacts, meetings and the matching's capacity.
export const LIVE_PAIRING_STATES = ['active', 'paused'] as const;
export type LivePairingState = (typeof LIVE_PAIRING_STATES)[number];

export const isLivePairing = (state: string): state is LivePairingState =>
  (LIVE_PAIRING_STATES as readonly string[]).includes(state);
