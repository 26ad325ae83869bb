import type { Kysely } from 'kysely';

// Follow-up: durable jobs, message deliveries (the idempotence ledger of every e-mail/SMS),
// in-app notifications, per-person preferences, digest items, the activity ledger alert rules
// read, and the alerts themselves. Same portable types as 0001 (text ids, ISO text, 0/1 integers).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // pending | running | done | failed
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    // Enqueueing the same key twice is a no-op: sweeps may run as often as they like.
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'run_at']).execute();

  await db.schema
    .createTable('deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('org_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('channel', 'text', (c) => c.notNull()) // email | sms | inapp | digest
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // sent | skipped | digested
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deliveries_org').on('deliveries').columns(['org_id', 'created_at']).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('org_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_user')
    .on('notifications')
    .columns(['user_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('notification_prefs')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('channels', 'text', (c) => c.notNull()) // JSON { [kind]: ('email'|'sms'|'inapp')[] }
    .addColumn('quiet_start', 'text') // HH:MM local
    .addColumn('quiet_end', 'text')
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull()) // off | weekly
    .addColumn('digest_day', 'integer', (c) => c.notNull()) // 1 = Monday … 7 = Sunday
    .addColumn('email_off', 'integer', (c) => c.notNull().defaultTo(0))
    // Kept in clear on purpose: it only ever switches e-mails off, and each e-mail must carry it.
    .addColumn('unsubscribe_token', 'text', (c) => c.notNull().unique())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('digest_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_in', 'text') // the digest delivery key once sent
    .execute();
  await db.schema
    .createIndex('digest_items_user')
    .on('digest_items')
    .columns(['user_id', 'sent_in'])
    .execute();

  await db.schema
    .createTable('followup_activity')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id'))
    .addColumn('pairing_id', 'text', (c) => c.notNull().references('pairings.id'))
    // meeting | report | contact | attempt (an attempt to reach the tutee that got no answer)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text') // in-person | video | phone | sms | email
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('meeting_ref', 'text') // which meeting a report belongs to
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('followup_activity_pairing')
    .on('followup_activity')
    .columns(['pairing_id', 'kind', 'at'])
    .execute();
  await db.schema
    .createIndex('followup_activity_programme')
    .on('followup_activity')
    .columns(['programme_id', 'at'])
    .execute();

  await db.schema
    .createTable('followup_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id'))
    .addColumn('pairing_id', 'text', (c) => c.notNull().references('pairings.id'))
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // open | snoozed | closed | resolved
    .addColumn('level', 'text', (c) => c.notNull()) // tutor | coordinator
    // `rule:pairing` while open or snoozed, null afterwards: at most one live alert per rule and pair.
    .addColumn('live_key', 'text', (c) => c.unique())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('escalated_at', 'text')
    .addColumn('snoozed_until', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .addColumn('close_note', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('detail', 'text', (c) => c.notNull()) // JSON figures (days, counts), never content
    .execute();
  await db.schema
    .createIndex('followup_alerts_programme')
    .on('followup_alerts')
    .columns(['programme_id', 'state'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'followup_alerts',
    'followup_activity',
    'digest_items',
    'notification_prefs',
    'notifications',
    'deliveries',
    'jobs',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
