import type { Database } from '../db/index.ts';
import { cleanName } from './upload.ts';

/** A collected document's name in a batch: its address without the scheme (the end kept when long). */
function nameOf(url: string | null, sha256: string): string {
  if (!url) return `${sha256.slice(0, 12)}`;
  let name = url.replace(/^https?:\/\//i, '');
  try {
    name = decodeURI(name);
  } catch {
    // kept encoded
  }
  return cleanName(name, sha256.slice(0, 12));
}

/**
 * Adds the collected documents read as reports (`analysis_results` of the queue, the newest
 * reader version of each; of one year when given) to a batch, in one transaction. They are
 * read again by the console's reader, which keeps every cell's provenance; the publication date
 * and level the collector saw on the page are kept. Documents already in the batch are left out.
 */
export async function importCollected(db: Database, actor: string, batchId: number, year?: number): Promise<{ ids: number[]; already: number }> {
  return db.transaction(actor, async (tx) => {
    const found = await tx.query<{
      id: number;
      sha256: string;
      url: string | null;
      size: number;
      stated_date: string | null;
      agency_level: string | null;
    }>(
      `select a.id, a.sha256, a.url, b.size, to_char(d.stated_date, 'YYYY-MM-DD') as stated_date, d.agency_level
         from (select distinct on (sha256) * from analysis_results where ok and ($1::int is null or year = $1) order by sha256, processed_at desc, id desc) a
         join crawl_blobs b on b.sha256 = a.sha256
         left join lateral (select stated_date, agency_level from crawl_documents c where c.sha256 = a.sha256 order by first_seen limit 1) d on true
        order by a.id`,
      [year ?? null],
    );
    const ids: number[] = [];
    for (const r of found.rows) {
      const row = (
        await tx.query<{ id: number }>(
          `insert into review_reports (batch_id, file_name, sha256, size, analysis_id, published_on, agency_level, created_by)
           values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (batch_id, sha256) do nothing returning id`,
          [batchId, nameOf(r.url, r.sha256), r.sha256, r.size, r.id, r.stated_date, r.agency_level, actor],
        )
      ).rows[0];
      if (row) ids.push(row.id);
    }
    return { ids, already: found.rows.length - ids.length };
  });
}
