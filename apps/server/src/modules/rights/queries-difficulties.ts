import { z } from 'zod';
import type { Db } from '../../db/index.ts';
import { readJson } from '../../db/json.ts';
import type { PersonalData } from './queries.ts';

/**
 * The difficulties a person raised — anonymised ones too: they are theirs — with their history and
 * thread, and the expert consultations they asked or answered. What they read here is what they
 * read in Compagnon: a consultation they answered as the expert does not say whom it was about.
 */
export async function difficultyData(db: Db, userId: string) {
  const difficulties = await raisedDifficulties(db, userId);
  const consultations = await consultationsOf(db, userId);
  return { difficulties, consultations };
}

/** The difficulties the person raised, each with its history and thread. */
async function raisedDifficulties(db: Db, userId: string) {
  const raised = await db
    .selectFrom('difficulties as d')
    .innerJoin('organisations as o', 'o.id', 'd.org_id')
    .leftJoin('programmes as p', 'p.id', 'd.programme_id')
    .select([
      'd.id',
      'o.name as organisation',
      'p.name as programme',
      'd.category',
      'd.scope',
      'd.anonymised',
      'd.description',
      'd.state',
      'd.created_at',
      'd.closed_at',
      'd.closing_note',
    ])
    .where('d.author_id', '=', userId)
    .orderBy('d.created_at')
    .execute();
  const ids = raised.map((d) => d.id);
  const [events, messages] = ids.length
    ? await Promise.all([
        db
          .selectFrom('difficulty_events as e')
          .leftJoin('organisations as o', 'o.id', 'e.target_org_id')
          .select([
            'e.difficulty_id',
            'e.at',
            'e.kind',
            'e.from_state',
            'e.to_state',
            'o.name as organisation',
          ])
          .where('e.difficulty_id', 'in', ids)
          .orderBy('e.at')
          .orderBy('e.id')
          .execute(),
        db
          .selectFrom('difficulty_messages as m')
          .leftJoin('users as u', 'u.id', 'm.author_id')
          .select(['m.difficulty_id', 'm.side', 'u.name as author', 'm.body', 'm.created_at'])
          .where('m.difficulty_id', 'in', ids)
          .orderBy('m.created_at')
          .orderBy('m.id')
          .execute(),
      ])
    : [[], []];
  return raised.map((d) => ({
    organisation: d.organisation,
    programme: d.programme,
    category: d.category,
    scope: d.scope,
    anonymised: d.anonymised === 1,
    description: d.description,
    state: d.state,
    createdAt: d.created_at,
    closedAt: d.closed_at,
    closingNote: d.closing_note,
    history: events
      .filter((e) => e.difficulty_id === d.id)
      .map((e) => ({
        at: e.at,
        kind: e.kind,
        from: e.from_state,
        to: e.to_state,
        organisation: e.organisation,
      })),
    messages: messages
      .filter((m) => m.difficulty_id === d.id)
      .map((m) => ({
        at: m.created_at,
        byYou: m.side === 'author',
        author: m.side === 'author' ? null : m.author,
        text: m.body,
      })),
  }));
}

/** The consultations the person asked or answered as the expert, each with its thread. */
async function consultationsOf(db: Db, userId: string) {
  const consultationRows = await db
    .selectFrom('consultations as c')
    .innerJoin('programmes as p', 'p.id', 'c.programme_id')
    .innerJoin('users as asker', 'asker.id', 'c.asker_id')
    .innerJoin('users as expert', 'expert.id', 'c.expert_id')
    .leftJoin('users as subject', 'subject.id', 'c.subject_id')
    .select([
      'c.id',
      'p.name as programme',
      'c.asker_id',
      'asker.name as asker',
      'expert.name as expert',
      'subject.name as subject',
      'c.anonymised',
      'c.question',
      'c.attachments',
      'c.state',
      'c.created_at',
      'c.closed_at',
    ])
    .where((eb) => eb.or([eb('c.asker_id', '=', userId), eb('c.expert_id', '=', userId)]))
    .orderBy('c.created_at')
    .execute();
  const thread = consultationRows.length
    ? await db
        .selectFrom('consultation_messages as m')
        .leftJoin('users as u', 'u.id', 'm.author_id')
        .select(['m.consultation_id', 'm.author_id', 'u.name as author', 'm.body', 'm.created_at'])
        .where(
          'm.consultation_id',
          'in',
          consultationRows.map((c) => c.id),
        )
        .orderBy('m.created_at')
        .orderBy('m.id')
        .execute()
    : [];

  return consultationRows.map((c) => {
    const asked = c.asker_id === userId;
    return {
      programme: c.programme,
      role: asked ? 'asker' : 'expert',
      asker: c.asker,
      expert: c.expert,
      about: asked ? c.subject : null,
      anonymised: c.anonymised === 1,
      question: c.question,
      attachments: readJson(
        z.array(z.object({ title: z.string(), text: z.string() })),
        c.attachments,
        'consultations.attachments',
      ),
      state: c.state,
      createdAt: c.created_at,
      closedAt: c.closed_at,
      messages: thread
        .filter((m) => m.consultation_id === c.id)
        .map((m) => ({ at: m.created_at, byYou: m.author_id === userId, author: m.author, text: m.body })),
    };
  });
}

/** The whole export: personalData and the difficulties and consultations above. */
export type ExportData = PersonalData & Awaited<ReturnType<typeof difficultyData>>;
