import { hasErrors, runChecks } from '../check/index.ts';
import { reportJson } from '../report/index.ts';
import { errorLine, readInputs } from './inputs.ts';
import { printFindings } from './print-findings.ts';

export interface CheckOptions {
  json?: boolean;
}

/**
 * `gongkai check`: prints findings grouped by file. Exit code 2 when an input could not be
 * read, else 1 when any report has an error-level finding, else 0.
 */
export async function check(files: readonly string[], options: CheckOptions, out = process.stdout, err = process.stderr): Promise<number> {
  let failed = false;
  let errors = false;
  for await (const result of readInputs(files)) {
    if ('error' in result) {
      failed = true;
      err.write(`${errorLine(result.error)}\n`);
      if (options.json) out.write(`${JSON.stringify({ file: result.file, error: result.error.reason })}\n`);
      continue;
    }
    const findings = runChecks(result.report);
    errors ||= hasErrors(findings);
    if (options.json) out.write(`${JSON.stringify(reportJson(result.report, findings))}\n`);
    else out.write(`${printFindings(result.file, findings)}\n`);
  }
  return failed ? 2 : errors ? 1 : 0;
}
