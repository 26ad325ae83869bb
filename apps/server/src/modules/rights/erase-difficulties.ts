import type { Db } from '../../db/index.ts';

/**
 * Erases a person from the difficulties and expert consultations, inside erasePerson's transaction.
 *
 * - Difficulties they raised stay with the organisation, anonymised and with no link to them: the
 *   coordination may still be acting on them, and the yearly review counts their themes. Their own
 *   writing goes: the text of their messages, and the description of an individual difficulty (it
 *   is about them); a systemic one keeps its description (it is about the programme), from which
 *   the generic pass of erase.ts still removes their name, address and phone.
 * - Messages they wrote as a coordinator or an expert lose their text, not their place in a thread.
 * - Consultations they asked are deleted with their threads (their own records); a consultation
 *   about them forgets who it was about.
 *
 * Returns the number of rows touched.
 */
export async function eraseFromDifficulties(trx: Db, userId: string, at: string): Promise<number> {
  let rows = 0;
  const count = (r: { numDeletedRows?: bigint; numUpdatedRows?: bigint }) => {
    rows += Number(r.numDeletedRows ?? 0) + Number(r.numUpdatedRows ?? 0);
  };
  const raised = trx.selectFrom('difficulties').select('id').where('author_id', '=', userId);
  count(
    await trx
      .updateTable('difficulty_messages')
      .set({ body: null, erased_at: at })
      .where((eb) =>
        eb.or([
          eb('author_id', '=', userId),
          eb.and([eb('side', '=', 'author'), eb('difficulty_id', 'in', raised)]),
        ]),
      )
      .where('erased_at', 'is', null)
      .executeTakeFirst(),
  );
  count(
    await trx
      .updateTable('difficulty_events')
      .set({ actor_id: null })
      .where('kind', '=', 'raised')
      .where('difficulty_id', 'in', raised)
      .executeTakeFirst(),
  );
  count(
    await trx
      .updateTable('difficulties')
      .set({ description: '', description_erased_at: at })
      .where('author_id', '=', userId)
      .where('scope', '=', 'individual')
      .executeTakeFirst(),
  );
  count(
    await trx
      .updateTable('difficulties')
      .set({ author_id: null, anonymised: 1 })
      .where('author_id', '=', userId)
      .executeTakeFirst(),
  );
  count(
    await trx
      .updateTable('consultation_messages')
      .set({ body: null, erased_at: at })
      .where('author_id', '=', userId)
      .where('erased_at', 'is', null)
      .executeTakeFirst(),
  );
  count(await trx.deleteFrom('consultations').where('asker_id', '=', userId).executeTakeFirst());
  count(
    await trx
      .updateTable('consultations')
      .set({ subject_id: null })
      .where('subject_id', '=', userId)
      .executeTakeFirst(),
  );
  return rows;
}
