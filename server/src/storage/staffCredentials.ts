import type { Kysely } from 'kysely';
import type { Database } from './db.ts';

// Verifiers of staff secrets (issue 11): the server's alone. Nothing here is ever put in a reference doc, a pull
// or any answer to a desk; sign-in (auth/staffSignIn.ts) checks a presented secret against them.

export interface StaffCredential {
  readonly staffId: string;
  readonly verifier: string;
  readonly updatedAt: string;
}

export async function findVerifier(db: Kysely<Database>, staffId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('staff_credentials')
    .select('verifier')
    .where('staff_id', '=', staffId)
    .executeTakeFirst();
  return row?.verifier;
}

/** Set (or replace) a person's verifier. */
export async function putVerifier(db: Kysely<Database>, credential: StaffCredential): Promise<void> {
  const row = { verifier: credential.verifier, updated_at: credential.updatedAt };
  await db
    .insertInto('staff_credentials')
    .values({ staff_id: credential.staffId, ...row })
    .onConflict((oc) => oc.column('staff_id').doUpdateSet(row))
    .execute();
}

/** Set verifiers only where a person has none yet (a seed never overwrites a secret someone chose). */
export async function addMissingVerifiers(
  db: Kysely<Database>,
  credentials: readonly StaffCredential[],
): Promise<void> {
  if (credentials.length === 0) return;
  await db
    .insertInto('staff_credentials')
    .values(credentials.map((c) => ({ staff_id: c.staffId, verifier: c.verifier, updated_at: c.updatedAt })))
    .onConflict((oc) => oc.column('staff_id').doNothing())
    .execute();
}

/** The ids of everyone who has a verifier. */
export async function staffWithVerifiers(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom('staff_credentials').select('staff_id').execute();
  return new Set(rows.map((r) => r.staff_id));
}
