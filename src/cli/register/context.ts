import { printable } from '../../printable.ts';
import { userInfo } from 'node:os';
import type { Database } from '../../db/index.ts';
import { AppError } from '../../errors.ts';
import { type Actor, adminActor, type Agency, type ApplicationRow, findAgency, findApplication, openRegister } from '../../register/index.ts';

/** The options every register command may get from the root program. */
export interface GlobalOptions {
  actor?: string;
  json?: boolean;
}

/**
 * The actor of a command-line session: `--actor`, else $GONGKAI_USER, else the OS user. The
 * command line works on the user's own database, so the user administers it.
 */
export function cliActor(options: GlobalOptions): Actor {
  let user = options.actor ?? process.env.GONGKAI_USER;
  if (!user) {
    try {
      user = userInfo().username;
    } catch {
      user = process.env.USER ?? '命令行';
    }
  }
  return adminActor(user);
}

/** Runs work with the register open and the session's actor; returns the exit code. */
export async function withRegister(options: GlobalOptions, work: (db: Database, actor: Actor) => Promise<number | void>): Promise<number> {
  const db = await openRegister();
  try {
    return (await work(db, cliActor(options))) ?? 0;
  } finally {
    await db.close();
  }
}

/** An agency by the name (or number) typed, with the hint a command-line user needs when it is unknown. */
export async function agencyArg(db: Database, name: string): Promise<Agency> {
  try {
    return await findAgency(db, name);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found')
      throw new AppError(
        'not_found',
        `${error.message}；用 gongkai agency list 查看已有机关，或用 gongkai agency add 添加`,
        error.details as Record<string, unknown>,
      );
    throw error;
  }
}

/** An application of an agency by its 编号 (or 「#内部编号」). */
export function caseArg(db: Database, actor: Actor, agency: Agency, reference: string): Promise<ApplicationRow> {
  return findApplication(db, actor, agency.id, reference);
}

/** Prints a value as JSON (two-space indent) on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Prints lines on stdout; control characters inside a line (from names, contents, file names) shown as escapes. */
export function say(...lines: string[]): void {
  process.stdout.write(`${lines.map((l) => printable(l, true)).join('\n')}\n`);
}
