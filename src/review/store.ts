import { sha256 } from '../collect/index.ts';
import type { Database } from '../db/index.ts';
import type { Skipped, UploadEntry } from './upload.ts';

/**
 * Stores files in a batch, in one transaction: the bytes once by content hash (`crawl_blobs`),
 * a pending report row per file. The same bytes twice in a batch are skipped (「已在本批次中」).
 * Returns the new rows' ids in upload order.
 */
export async function storeFiles(
  db: Database,
  actor: string,
  batchId: number,
  entries: readonly UploadEntry[],
): Promise<{ ids: number[]; skipped: Skipped[] }> {
  return db.transaction(actor, async (tx) => {
    const ids: number[] = [];
    const skipped: Skipped[] = [];
    for (const entry of entries) {
      const hash = sha256(entry.bytes);
      await tx.query('insert into crawl_blobs (sha256, size, content) values ($1, $2, $3) on conflict (sha256) do nothing', [
        hash,
        entry.bytes.length,
        entry.bytes,
      ]);
      const isPdf = entry.bytes[0] === 0x25 && entry.bytes[1] === 0x50 && entry.bytes[2] === 0x44 && entry.bytes[3] === 0x46;
      const row = (
        await tx.query<{ id: number }>(
          `insert into review_reports (batch_id, file_name, sha256, size, kind, created_by) values ($1, $2, $3, $4, $5, $6)
           on conflict (batch_id, sha256) do nothing returning id`,
          [batchId, entry.name, hash, entry.bytes.length, isPdf ? 'pdf' : null, actor],
        )
      ).rows[0];
      if (row) ids.push(row.id);
      else skipped.push({ name: entry.name, reason: '已在本批次中' });
    }
    return { ids, skipped };
  });
}
