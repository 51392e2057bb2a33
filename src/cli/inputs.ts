import { ReadError, readReport } from '../ingest/index.ts';
import type { Report } from '../report/index.ts';

/** The outcome of reading one input: a report, or the reason it could not be read. */
export type InputResult = { file: string; report: Report } | { file: string; error: ReadError };

/** Reads the inputs one after another, yielding each result as soon as it is ready. */
export async function* readInputs(files: readonly string[]): AsyncGenerator<InputResult> {
  for (const file of files) {
    try {
      yield { file, report: await readReport(file) };
    } catch (error) {
      if (error instanceof ReadError) yield { file, error };
      else yield { file, error: new ReadError(file, `读取失败：${(error as Error).message}`, 'internal error while reading') };
    }
  }
}

/** The one-line message for an unreadable input, Chinese then English. */
export function errorLine(error: ReadError): string {
  return `错误：${error.file}：${error.reason}（error: ${error.file}: ${error.reasonEn}）`;
}
