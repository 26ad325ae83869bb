import type { Db } from '../../db/index.ts';
import { rowsTouched } from '../../db/rows.ts';

// Tutor teams in the person's data rights: their team memberships, the messages of the threads of
// their teams (while they were in them, and the history they could read), their overload requests;
// erasure empties what they wrote in team threads and in their overload requests.

export async function teamData(db: Db, userId: string) {
  const [memberships, messages, overloads] = await Promise.all([
    db
      .selectFrom('team_members as m')
      .innerJoin('teams as t', 't.id', 'm.team_id')
      .select(['t.name', 'm.joined_at', 'm.left_at'])
      .where('m.user_id', '=', userId)
      .orderBy('m.joined_at')
      .execute(),
    db
      .selectFrom('team_messages as x')
      .innerJoin('teams as t', 't.id', 'x.team_id')
      .leftJoin('users as u', 'u.id', 'x.author_id')
      .select(['t.name as team', 'u.name as author', 'x.body', 'x.erased_at', 'x.created_at'])
      .where('x.team_id', 'in', (eb) =>
        eb.selectFrom('team_members').select('team_id').where('user_id', '=', userId),
      )
      .orderBy('x.created_at')
      .execute(),
    db
      .selectFrom('team_overloads as o')
      .innerJoin('teams as t', 't.id', 'o.team_id')
      .select(['t.name as team', 'o.message', 'o.created_at', 'o.closed_at', 'o.close_note'])
      .where('o.author_id', '=', userId)
      .orderBy('o.created_at')
      .execute(),
  ]);
  return {
    teams: memberships.map((m) => ({ team: m.name, joinedAt: m.joined_at, leftAt: m.left_at })),
    teamMessages: messages.map((m) => ({
      team: m.team,
      from: m.author ?? '',
      body: m.erased_at ? '' : m.body,
      at: m.created_at,
    })),
    overloadRequests: overloads.map((o) => ({
      team: o.team,
      message: o.message,
      at: o.created_at,
      closedAt: o.closed_at,
      note: o.close_note,
    })),
  };
}

/** Empties what the person wrote in team threads and overload requests, inside erasePerson's transaction. */
export async function eraseTeamWork(trx: Db, userId: string, at: string): Promise<number> {
  const emptied = await trx
    .updateTable('team_messages')
    .set({ body: '', erased_at: at })
    .where('author_id', '=', userId)
    .where('erased_at', 'is', null)
    .execute();
  const reads = await trx.deleteFrom('team_thread_reads').where('user_id', '=', userId).execute();
  const overloads = await trx
    .updateTable('team_overloads')
    .set({ message: null })
    .where('author_id', '=', userId)
    .where('message', 'is not', null)
    .execute();
  return rowsTouched([...emptied, ...reads, ...overloads]);
}
