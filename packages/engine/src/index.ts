export { InputError } from './errors.ts';
export { runEngineCli } from './cli/main.ts';
export { findSlots, type Slot, type SlotsResult } from './slots/find.ts';
export type { IsoInterval, SlotsInput, SlotsParticipant } from './slots/input.ts';
export { type BusyInterval, type BusyOptions, busyFromIcs, DEFAULT_TIME_ZONE } from './busy/expand.ts';
