import type { ComponentType } from 'react';
import { TeamLeaveSection } from '../absences/TeamLeaveSection';
import type { TeamPageView } from './queries';
import { TeamCommunityLinks } from './TeamCommunityLinks';

/**
 * Sections other capabilities add to a team's page, after the caseload: members' leave and the
 * continuity check (features/absences), the team's cases and feedback on one's tutoring. Each
 * receives the team as the page shows it.
 */
export type TeamSection = { id: string; Component: ComponentType<{ team: TeamPageView }> };
export const teamSections: TeamSection[] = [
  { id: 'leave', Component: TeamLeaveSection },
  { id: 'community', Component: TeamCommunityLinks },
];
