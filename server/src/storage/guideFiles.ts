import type { Kysely } from 'kysely';
import type { GuideFile } from '../../../shared/model/catalog.ts';
import type { Db } from './db.ts';

// 空白表格 and 示例样表 attached to a service item's guide (issue 16 item 1; art. 23: published on the website), uploaded
// by an administrator (http/catalogFiles.ts) and served on the public site once a published version names them.
// Named by the SHA-256 of their bytes, so the same file uploaded twice is one row, and a version names exactly the
// bytes its approver saw. The bytes are stored as base64 text: the schema keeps to `integer` and `text` columns on
// both engines (storage/migrations.ts), and a few forms of at most 5 MB each fit.

export interface GuideFilesTable {
  /** SHA-256 of the bytes, lower-case hex. */
  sha256: string;
  /** One of GUIDE_FILE_TYPES, checked against the file's first bytes when uploaded. */
  media_type: string;
  bytes: number;
  /** The name a download is saved as (the first upload's). */
  file_name: string;
  /** The bytes, base64. */
  content: string;
  uploaded_by: string;
  uploaded_at: string;
}

// A type alias, not an interface: withTables wants an index signature.
type GuideFileTables = { guide_files: GuideFilesTable };
const filesDb = (db: Db) => db.withTables<GuideFileTables>();

/** Migration 0013_guide_files (see migrations.ts). */
export async function migrateGuideFiles(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('guide_files')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
}

function described(row: Pick<GuideFilesTable, 'sha256' | 'media_type' | 'bytes' | 'file_name'>): GuideFile {
  return {
    sha256: row.sha256,
    mediaType: row.media_type as GuideFile['mediaType'],
    bytes: row.bytes,
    fileName: row.file_name,
  };
}

/**
 * Keep an uploaded file. The same bytes again are the same file: the stored record is answered and nothing is
 * written (`created` false), whoever uploads them and under whatever name.
 */
export async function storeGuideFile(
  db: Db,
  file: GuideFile,
  content: Buffer,
  by: { staffId: string; at: string },
): Promise<{ file: GuideFile; created: boolean }> {
  const inserted = await filesDb(db)
    .insertInto('guide_files')
    .values({
      sha256: file.sha256,
      media_type: file.mediaType,
      bytes: file.bytes,
      file_name: file.fileName,
      content: content.toString('base64'),
      uploaded_by: by.staffId,
      uploaded_at: by.at,
    })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .executeTakeFirst();
  const created = Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
  const stored = await describeGuideFile(db, file.sha256);
  if (!stored) throw new Error(`guide file ${file.sha256} vanished after it was stored`);
  return { file: stored, created };
}

/** The record of a stored file, without its bytes; undefined when HQ has no such file. */
/** (Also inside the push transaction: a Transaction is a Db.) */
export async function describeGuideFile(db: Db, sha256: string): Promise<GuideFile | undefined> {
  const row = await filesDb(db)
    .selectFrom('guide_files')
    .select(['sha256', 'media_type', 'bytes', 'file_name'])
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row ? described(row) : undefined;
}

/** A stored file with its bytes, for the public site. */
export async function readGuideFile(db: Db, sha256: string): Promise<{ file: GuideFile; content: Buffer } | undefined> {
  const row = await filesDb(db).selectFrom('guide_files').selectAll().where('sha256', '=', sha256).executeTakeFirst();
  return row ? { file: described(row), content: Buffer.from(row.content, 'base64') } : undefined;
}
