import { Stack } from '@mantine/core';
import type { Person, Programme } from '../../app/types';
import { MyGroupCard, MyPhoneSwitch } from './GroupAndPhone';
import { MyTutees } from './MyTutees';
import { MyTutors } from './MyTutors';
import { Participants } from './Participants';

/** What a tutor, tutee or expert sees: first the people they work with, then who else takes part. */
export function MyPeople({ programme, people }: { programme: Programme; people: Person[] }) {
  const isTutee = programme.myRoles.includes('tutee');
  const isTutor = programme.myRoles.includes('tutor');
  const myTutors = people.filter((p) => p.relation === 'ownTutor');
  const myTutees = people.filter((p) => p.relation === 'tutor');
  const close = new Set([...myTutors, ...myTutees].map((p) => p.userId));
  const others = people.filter((p) => p.relation !== 'self' && !close.has(p.userId));

  return (
    <Stack gap="xl">
      {isTutee && <MyGroupCard programme={programme} />}
      {isTutee && <MyTutors programme={programme} myTutors={myTutors} />}
      {isTutor && <MyTutees programme={programme} myTutees={myTutees} />}
      <MyPhoneSwitch programme={programme} />
      <Participants programme={programme} people={others} />
    </Stack>
  );
}
