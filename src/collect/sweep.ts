import type { Database } from '../db/index.ts';

/** Flags found by one sweep. */
export interface SweepResult {
  changed: number;
  late: number;
}

/**
 * Flags stored report documents (pages and attachments; listings change by nature):
 *
 * - 发布后修改: the URL has served more than one content hash; one flag per new hash.
 * - 逾期发布: the stated publication date is after the deadline; or, with no stated date, the
 *   document was first seen after the deadline on a column that was already being watched
 *   before it (its parent page was first seen on or before the deadline) — a first sighting
 *   alone proves nothing when the column was never visited earlier. A government's deadline
 *   is used when the level is unknown (the later one: no false accusation).
 *
 * Attachments take agency, year and stated date from their page when they have none. Re-running
 * adds nothing twice.
 */
export async function sweep(db: Database): Promise<SweepResult> {
  return db.transaction('collect', async (tx) => {
    const changed = await tx.query(
      `insert into crawl_flags (document_id, kind, evidence_key, message, evidence)
       select d.id, 'changed_after_publication', v.sha256,
              '发布后修改：同一地址在 ' || to_char(v.first_seen at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') || ' 起内容与首次采集（' ||
              to_char(f.first_seen at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') || '）不同',
              jsonb_build_object('url', d.url, 'first_sha256', f.sha256, 'new_sha256', v.sha256, 'first_seen', f.first_seen, 'changed_seen', v.first_seen)
         from crawl_documents d
         join crawl_versions v on v.document_id = d.id
         join lateral (select sha256, first_seen from crawl_versions x where x.document_id = d.id order by first_seen, sha256 limit 1) f on true
        where d.kind <> 'listing' and v.sha256 <> f.sha256
       on conflict do nothing returning id`,
    );
    const late = await tx.query(
      `with doc as (
         select d.id, d.url, d.first_seen, p.first_seen as parent_first_seen,
                coalesce(d.year_guess, p.year_guess) as year,
                coalesce(d.agency_level, p.agency_level) as level,
                coalesce(d.stated_date, p.stated_date) as stated
           from crawl_documents d left join crawl_documents p on p.url = d.parent_url
          where d.kind <> 'listing' and d.sha256 is not null),
       judged as (
         select *, make_date(year + 1, case when level = 'department' then 1 else 3 end, 31) as deadline,
                (first_seen at time zone 'Asia/Shanghai')::date as seen_on from doc where year is not null)
       insert into crawl_flags (document_id, kind, evidence_key, message, evidence)
       select id, 'published_late', case when stated is not null then 'stated' else 'first_seen' end,
              case when stated is not null
                then '逾期发布：页面所载发布日期 ' || to_char(stated, 'YYYY-MM-DD') || ' 晚于法定期限 ' || to_char(deadline, 'YYYY-MM-DD')
                else '逾期发布：该栏目自 ' || to_char(parent_first_seen at time zone 'Asia/Shanghai', 'YYYY-MM-DD') || ' 起受监测，本报告至 ' || to_char(seen_on, 'YYYY-MM-DD') || ' 才首次出现，晚于法定期限 ' || to_char(deadline, 'YYYY-MM-DD') end,
              jsonb_build_object('url', url, 'year', year, 'level', level, 'deadline', deadline, 'stated_date', stated, 'first_seen', first_seen)
         from judged
        where (stated is not null and stated > deadline)
           or (stated is null and seen_on > deadline and (parent_first_seen at time zone 'Asia/Shanghai')::date <= deadline)
       on conflict do nothing returning id`,
    );
    return { changed: changed.rows.length, late: late.rows.length };
  });
}
