import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storeFetch } from '../collect/index.ts';
import { renderHtml } from '../render/index.ts';
import { withDatabase } from '../testing/db.ts';
import { randomReport } from '../testing/random-report.ts';
import { runAnalyzeJob } from './analyze-job.ts';

test('analyze job: a report stored once per hash and reader version; a second run stores nothing; a non-report is a result', () =>
  withDatabase(async (db) => {
    const report = randomReport(7, { format: '2021' });
    const body = new TextEncoder().encode(renderHtml(report));
    const { sha256 } = await storeFetch(db, { url: 'http://127.0.0.1/a.html', kind: 'page', status: 200, body, fetchedAt: new Date() });
    const job = { sha256: sha256 as string, readerVersion: 'v1' };
    assert.equal(await runAnalyzeJob(db, job, 'job-1'), 'stored');
    assert.equal(await runAnalyzeJob(db, job, 'job-2'), 'already');
    assert.equal(await runAnalyzeJob(db, { ...job, readerVersion: 'v2' }, 'job-3'), 'stored');
    const rows = (
      await db.query<{ agency: string; year: number; job_id: string; ok: boolean }>(
        'select agency, year, job_id, ok from analysis_results order by id',
      )
    ).rows;
    assert.deepEqual(
      rows.map((r) => [r.agency, r.year, r.job_id, r.ok]),
      [
        [report.meta.agency, report.meta.year, 'job-1', true],
        [report.meta.agency, report.meta.year, 'job-3', true],
      ],
    );
    const junk = await storeFetch(db, {
      url: 'http://127.0.0.1/x.bin',
      kind: 'attachment',
      status: 200,
      body: new Uint8Array([0, 1, 2]),
      fetchedAt: new Date(),
    });
    assert.equal(await runAnalyzeJob(db, { sha256: junk.sha256 as string, readerVersion: 'v1' }, 'job-4'), 'unreadable');
    await assert.rejects(runAnalyzeJob(db, { sha256: 'e'.repeat(64), readerVersion: 'v1' }, 'job-5'), /not stored/);
  }));
