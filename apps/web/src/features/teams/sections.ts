import type { ComponentType } from 'react';
import type { TeamPageView } from './queries';

/**
 * Sections other capabilities add to a team's page, after the caseload (the continuity check and
 * members' leave belong to the absences capability). Each receives the team as the page shows it.
 * Empty until they are added: the page shows nothing in their place.
 */
export type TeamSection = { id: string; Component: ComponentType<{ team: TeamPageView }> };
export const teamSections: TeamSection[] = [];
