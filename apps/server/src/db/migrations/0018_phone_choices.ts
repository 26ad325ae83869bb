import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as types.ts says
type Db = Kysely<any>;

/**
 * Phone sharing per programme (`phone_choices`): whether a person's phone is shared with their
 * tutor, tutees or group in one programme. `decided_by` is `person` (their own choice) or `rule`
 * (the programme's default as it stood when the rule changed: a change is never retroactive). No
 * row: the programme's current rule applies.
 *
 * The organisation-wide consent of before (`org_members.share_phone`) becomes the choice of every
 * programme for the people who could have made it (they signed in at least once). People already
 * in a programme who never signed in (imported, for instance) keep what they were under — their
 * phone not shared — as the rule's decision: the new rule is not retroactive, and they change it
 * themselves once they join. People added from now on follow their programme's rule, which their
 * invitation tells them.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('phone_choices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('shared', 'integer', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('phone_choices_person', ['programme_id', 'user_id'])
    .execute();
  const chose = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('org_members as o', (j) =>
      j.onRef('o.user_id', '=', 'm.user_id').onRef('o.org_id', '=', 'm.org_id'),
    )
    .select(['m.org_id', 'm.programme_id', 'm.user_id', 'o.share_phone', 'u.last_sign_in_at'])
    .where('m.ended_at', 'is', null)
    .distinct()
    .execute();
  const seen = new Set<string>();
  for (const r of chose) {
    const key = `${r.programme_id}|${r.user_id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    await db
      .insertInto('phone_choices')
      .values({
        id: `migrated-${r.programme_id}-${r.user_id}`,
        org_id: r.org_id,
        programme_id: r.programme_id,
        user_id: r.user_id,
        shared: Number(r.share_phone) === 1 ? 1 : 0,
        decided_by: r.last_sign_in_at ? 'person' : 'rule',
        decided_at: String(r.last_sign_in_at ?? new Date().toISOString()),
      })
      .execute();
  }
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('phone_choices').execute();
}
