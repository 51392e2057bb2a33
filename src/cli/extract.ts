import { stringify } from 'csv-stringify/sync';
import { cellSpecs } from '../format/index.ts';
import { formatOf, reportJson } from '../report/index.ts';
import { errorLine, readInputs } from './inputs.ts';
import { printReport } from './print-report.ts';

export interface ExtractOptions {
  json?: boolean;
  csv?: boolean;
}

/** `gongkai extract`: prints each report's tables; returns the exit code. */
export async function extract(files: readonly string[], options: ExtractOptions, out = process.stdout, err = process.stderr): Promise<number> {
  let failed = false;
  if (options.csv) out.write(stringify([['file', 'key', 'value', 'raw']]));
  for await (const result of readInputs(files)) {
    if ('error' in result) {
      failed = true;
      err.write(`${errorLine(result.error)}\n`);
      if (options.json) out.write(`${JSON.stringify({ file: result.file, error: result.error.reason })}\n`);
      continue;
    }
    const { report } = result;
    if (options.json) out.write(`${JSON.stringify(reportJson(report))}\n`);
    else if (options.csv) {
      const rows = cellSpecs(formatOf(report))
        .map((s) => report.cells[s.key])
        .filter((c) => c !== undefined)
        .map((c) => [result.file, c.key, c.value === null ? '' : String(c.value), c.raw]);
      out.write(stringify(rows));
    } else out.write(`${printReport(report)}\n\n`);
  }
  return failed ? 2 : 0;
}
