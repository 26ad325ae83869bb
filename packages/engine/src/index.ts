export { type Certificate, CertificateError } from './assign/certificate.ts';
export { command as assignCommand } from './assign/command.ts';
export type { Network as AssignmentNetwork } from './assign/network.ts';
export { type OptimalOptions, type OptimalResult, optimalAssignment } from './assign/optimal.ts';
export { type AssignInput, type AssignOutput, solveAndCertify, solveAssignment } from './assign/solve.ts';
export { type BackupCandidate, type BackupProposal, nextBackup, proposeBackups } from './backups/backups.ts';
export {
  type BusyInterval,
  type BusyOptions,
  busyFromIcs,
  DEFAULT_TIME_ZONE,
  MAX_OCCURRENCES,
  OccurrenceLimitError,
} from './busy/expand.ts';
export { runEngineCli } from './cli/main.ts';
export { InputError } from './errors.ts';
export { findSlots, type Slot, type SlotsResult } from './slots/find.ts';
export type { IsoInterval, SlotsInput, SlotsParticipant } from './slots/input.ts';
export { ianaZone } from './slots/local-time.ts';
export { command as stableCommand } from './stable/command.ts';
export { type StableInput, type StableOutput, stableMatching } from './stable/stable.ts';
