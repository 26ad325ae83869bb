import type { Db } from '../../db/index.ts';
import { notify } from '../../notify/notify.ts';
import { coordinatorsOf } from '../programmes/queries.ts';
import { type AbsenceNoticeKey, absenceNotice } from './texts.ts';

// Every notice of leave and replacement goes through notify(): in-app always, and by e-mail (a
// job, enqueued in the caller's transaction) as the person chose. The key names the message, so
// the same event is told once however often the code that decides it runs.

export const absencesLink = (programmeId: string) => `/programmes/${programmeId}/absences`;

export async function tell(
  db: Db,
  to: { userId: string; orgId: string; programmeId: string },
  key: string,
  notice: AbsenceNoticeKey,
  values: Record<string, string | number>,
  now: Date,
) {
  await notify(
    db,
    {
      userId: to.userId,
      orgId: to.orgId,
      kind: notice === 'asked' || notice === 'uncovered' || notice === 'noTeam' ? 'alert' : 'message',
      key: `absences:${key}`,
      link: absencesLink(to.programmeId),
      content: absenceNotice(notice, values),
    },
    now,
  );
}

/** The programme's coordinators told something about an absence. */
export async function tellCoordination(
  db: Db,
  p: { id: string; org_id: string },
  key: string,
  notice: AbsenceNoticeKey,
  values: Record<string, string | number>,
  now: Date,
) {
  for (const userId of await coordinatorsOf(db, p.id))
    await tell(db, { userId, orgId: p.org_id, programmeId: p.id }, `${key}:${userId}`, notice, values, now);
}
