import { useOutletContext } from 'react-router-dom';
import type { MeOrganisation, Programme } from '../../app/types';

export interface ProgrammeContext {
  programme: Programme;
  organisation: MeOrganisation | undefined;
}

/** The programme the tabs below the programme header work on. */
export function useProgrammeContext() {
  return useOutletContext<ProgrammeContext>();
}
