import { DateTime } from 'luxon';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import { newId } from '../lib/ids.ts';
import { sweepProgramme } from '../modules/followup/sweep.ts';
import { recordContact } from '../modules/meetings/contact-log.ts';
import { visibilityColumns } from '../modules/meetings/reports.ts';
import { rulesOf } from '../modules/programmes/templates.ts';

const DAY = 86_400_000;

/** How long ago the pairs of each seeded programme were formed, in days. */
const FORMED: Record<string, number> = {
  'Tutorat DES de médecine générale': 330,
  'Tutorat par les pairs — DES1': 45,
};

/**
 * How long ago a demo programme's pairs were formed, in days. The mentoring's pairs were formed in
 * the first days of its programme year (rule `reviewStartMonth`), so that last year's review holds
 * last year's pairs only (demo/mentoring-year.ts) — and at least 75 days ago, before the first
 * contacts the follow-up writes; undefined for programmes whose pairs are being formed today.
 */
export function formedDaysAgo(
  p: { name: string; template: string; rules: string },
  now: Date,
  zone = 'Europe/Paris',
): number | undefined {
  if (p.template !== 'installation-mentoring') return FORMED[p.name];
  const startMonth = rulesOf(p).reviewStartMonth;
  const local = DateTime.fromJSDate(now, { zone });
  const year = local.month >= startMonth ? local.year : local.year - 1;
  const start = DateTime.fromObject({ year, month: startMonth, day: 1 }, { zone });
  const since = Math.floor((now.getTime() - start.toMillis()) / DAY);
  return Math.min(120, Math.max(75, since - 3));
}

const REPORT = JSON.stringify({
  place: '',
  themes: '- Point sur le stage en cours\n- Projet professionnel',
  problems: '',
  conclusions: 'Se revoir avant les choix de stage.',
  remarks: '',
  nextMeetingDate: null,
});

/**
 * A year of follow-up in the demo, in the records the meetings pages keep: meetings held with
 * their reports, and the contact log. Most pairs meet and talk; a few have gone quiet (no contact
 * for months), one tutee does not answer, one meeting has no report yet, one resident missed their
 * group's first meeting. The sweep then opens the alerts a coordinator would find on a real Monday
 * morning.
 */
export async function demoFollowup(db: Db, ctx: AppContext): Promise<void> {
  const now = ctx.clock.now();
  const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
  const programmes = await db
    .selectFrom('programmes')
    .innerJoin('organisations', 'organisations.id', 'programmes.org_id')
    .select([
      'programmes.id',
      'programmes.org_id',
      'programmes.name',
      'programmes.template',
      'programmes.rules',
    ])
    .where('organisations.slug', 'in', ['dmg-demo', 'cpts-demo'])
    .execute();
  for (const p of programmes) {
    const formed = formedDaysAgo(p, now);
    if (formed === undefined) continue; // programmes whose pairs are being formed today
    await db
      .updateTable('pairings')
      .set({ created_at: ago(formed) })
      .where('programme_id', '=', p.id)
      .where('state', '=', 'active')
      .execute();
    const pairs = await db
      .selectFrom('pairings')
      .innerJoin('users', 'users.id', 'pairings.tutee_user_id')
      .select([
        'pairings.id',
        'pairings.group_key',
        'pairings.tutor_user_id',
        'pairings.tutee_user_id',
        'users.email',
      ])
      .where('pairings.programme_id', '=', p.id)
      .where('pairings.state', '=', 'active')
      .orderBy('users.email')
      .execute();
    const records = recorder(db, p, ago);
    if (p.template === 'peer-tutoring') await peerGroupsMet(db, p.id, pairs, records);
    else if (p.template === 'des-tutoring') await desTutoringYear(pairs, records);
    else await mentoringYear(pairs, records);
    await sweepProgramme(ctx, db, p.id, now);
  }
}

type Pair = {
  id: string;
  group_key: string | null;
  tutor_user_id: string;
  tutee_user_id: string;
  email: string;
};
type Records = ReturnType<typeof recorder>;

/** The resident's number in the demo addresses (interne12@… is 12). */
const n = (email: string) => Number(/(\d+)@/.exec(email)?.[1] ?? 0);

type DemoProgramme = { id: string; org_id: string; rules: string; template: string };

/** Writes a programme's past meetings (with their attendance and report) and contact log entries. */
function recorder(db: Db, p: DemoProgramme, ago: (days: number) => string) {
  const meeting = (organiser: string, tutees: string[], daysAgo: number, mode: string, reported = true) =>
    heldMeeting(db, p, ago, { organiser, tutees, daysAgo, mode, reported });
  const contact = async (by: string, tutee: string, daysAgo: number, channel: string, answered = true) => {
    const at = new Date(ago(daysAgo));
    await recordContact(db, {
      orgId: p.org_id,
      programmeId: p.id,
      authorId: by,
      tuteeId: tutee,
      channel,
      happenedAt: at,
      answered,
      recordedAt: at,
    });
  };
  return { meeting, contact };
}

/** A meeting held some days ago, everyone present and its report filed two days later (unless not reported). */
async function heldMeeting(
  db: Db,
  p: DemoProgramme,
  ago: (days: number) => string,
  m: { organiser: string; tutees: string[]; daysAgo: number; mode: string; reported: boolean },
) {
  const id = newId();
  const at = ago(m.daysAgo);
  await db
    .insertInto('meetings')
    .values({
      id,
      org_id: p.org_id,
      programme_id: p.id,
      organiser_id: m.organiser,
      kind: 'meeting',
      title: m.tutees.length > 1 ? 'Rencontre du groupe' : 'Entretien de tutorat',
      mode: m.mode,
      place: null,
      video_url: null,
      guide_id: null,
      duration_minutes: 60,
      status: 'confirmed',
      starts_at: at,
      ends_at: new Date(Date.parse(at) + 3_600_000).toISOString(),
      ical_uid: `${id}@compagnon`,
      sequence: 0,
      poll_expires_at: null,
      reminded_at: ago(m.daysAgo + 1),
      created_at: ago(m.daysAgo + 14),
      updated_at: ago(m.daysAgo + 14),
    })
    .execute();
  for (const user of [m.organiser, ...m.tutees]) {
    await db
      .insertInto('meeting_participants')
      .values({
        id: newId(),
        meeting_id: id,
        user_id: user,
        required: user === m.organiser ? 1 : 0,
        poll_token_hash: null,
        answered_at: null,
        poll_reminded_at: null,
        // Attendance is recorded with the report.
        attendance: m.reported ? 'present' : null,
      })
      .execute();
  }
  if (!m.reported) return;
  const filed = ago(Math.max(0, m.daysAgo - 2));
  await db
    .insertInto('meeting_reports')
    .values({
      meeting_id: id,
      author_id: m.organiser,
      status: 'filed',
      duration_minutes: 60,
      content: REPORT,
      updated_at: filed,
      filed_at: filed,
      ...visibilityColumns(rulesOf(p).reportVisibility),
    })
    .execute();
}

/** Peer groups: the meetings demo holds the first two groups' meetings; the others met four weeks ago. */
async function peerGroupsMet(db: Db, programmeId: string, pairs: Pair[], { meeting, contact }: Records) {
  const met = await db
    .selectFrom('meeting_participants')
    .innerJoin('meetings', 'meetings.id', 'meeting_participants.meeting_id')
    .select('meeting_participants.user_id')
    .where('meetings.programme_id', '=', programmeId)
    .execute();
  const metIds = new Set(met.map((m) => m.user_id));
  const groups = new Map<string, { tutor: string; tutees: string[] }>();
  for (const pair of pairs) {
    const g = groups.get(pair.group_key ?? pair.id) ?? { tutor: pair.tutor_user_id, tutees: [] };
    g.tutees.push(pair.tutee_user_id);
    groups.set(pair.group_key ?? pair.id, g);
  }
  for (const g of groups.values()) {
    if (!metIds.has(g.tutor)) await meeting(g.tutor, g.tutees, 28, 'in-person');
    for (const t of g.tutees) await contact(g.tutor, t, 14, 'sms');
  }
}

/** DES tutoring: most pairs met twice this year; three went quiet, one tutee does not answer. */
async function desTutoringYear(pairs: Pair[], { meeting, contact }: Records) {
  for (const pair of pairs) {
    const i = n(pair.email);
    const by = pair.tutor_user_id;
    const tutee = pair.tutee_user_id;
    if ([3, 7, 15].includes(i)) {
      // Gone quiet: one meeting in the spring, nothing since.
      await meeting(by, [tutee], 150 + i * 2, 'in-person');
      continue;
    }
    await meeting(by, [tutee], 300 - i * 3, i % 3 === 0 ? 'video' : 'in-person');
    await meeting(by, [tutee], 40 + (i % 30), i % 4 === 0 ? 'phone' : 'in-person');
    if (i === 20) await meeting(by, [tutee], 10, 'in-person', false); // report not written yet
    if (i === 11) {
      for (const d of [20, 13, 6]) await contact(by, tutee, d, d === 13 ? 'sms' : 'email', false);
    } else {
      await contact(by, tutee, 12 + (i % 9), i % 2 ? 'sms' : 'email');
    }
  }
}

/**
 * Mentoring: each pair met lately, but two whose charter is not signed by all three yet (meetings
 * wait for it, demo/mentoring.ts): one talked once on the phone, the other calls while the
 * coordination's signature is awaited.
 */
async function mentoringYear(pairs: Pair[], { meeting, contact }: Records) {
  for (const pair of pairs) {
    const i = n(pair.email);
    const by = pair.tutor_user_id;
    const tutee = pair.tutee_user_id;
    if (i === 2) {
      // Talked once on the phone, never met.
      await contact(by, tutee, 70, 'call');
      continue;
    }
    if (i === 6) {
      await contact(by, tutee, 40, 'call');
      await contact(by, tutee, 8, 'sms');
      continue;
    }
    await meeting(by, [tutee], 25 + i, i % 2 ? 'video' : 'in-person');
  }
}
