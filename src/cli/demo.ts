import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppError } from '../errors.ts';
import { adminActor, applicationDetail, findApplication, openRegister, reportFromRegister } from '../register/index.ts';
import { DEMO, fillDemoRegister } from '../register/demo.ts';
import { renderChecked, type RenderTarget } from '../render/render-checked.ts';
import { describeEvent } from './register/cases.ts';
import { say } from './register/context.ts';
import { printFindings } from './print-findings.ts';
import { printReport } from './print-report.ts';

/**
 * `gongkai demo`: a demo register in memory (the user's own register is not touched), filled
 * through the register's functions; its 2024 report computed, checked and rendered by the
 * product into a folder.
 */
export async function demo(_args: unknown[], o: { out: string }): Promise<number> {
  const actor = adminActor('演示');
  say('正在建立演示台账（内存数据库，不影响您的台账）……');
  const db = await openRegister({ dataDir: 'memory://' });
  try {
    const { agencyId } = await fillDemoRegister(db, actor);
    const report = await reportFromRegister(db, actor, agencyId, DEMO.year);
    const sample = await applicationDetail(db, actor, (await findApplication(db, actor, agencyId, '2024-002')).id);
    say(
      '',
      `一件申请的办理过程（${sample.application.reference}，${sample.application.content}）：`,
      ...sample.events.map((e) => `  ${describeEvent(e)}`),
      '',
      printReport(report),
      '',
    );
    const dir = resolve(o.out);
    await mkdir(dir, { recursive: true });
    const base = `${DEMO.agency}${DEMO.year}年政府信息公开工作年度报告`;
    const written: string[] = [];
    let findings: Awaited<ReturnType<typeof renderChecked>>['findings'] = [];
    for (const to of ['json', 'docx', 'html', 'md', 'pdf'] as (RenderTarget | 'json')[]) {
      try {
        const result = await renderChecked(report, to);
        findings = result.findings;
        const file = join(dir, `${base}.${to}`);
        await writeFile(file, result.bytes);
        written.push(file);
      } catch (error) {
        // A fresh machine may have no Chromium: the other formats still show the product.
        if (to === 'pdf' && error instanceof AppError && error.code === 'unavailable') say(`未生成 PDF：${error.message}`);
        else throw error;
      }
    }
    say(printFindings(`核对 ${DEMO.agency} ${DEMO.year}年报告`, findings), '', '已生成：', ...written.map((f) => `  ${f}`));
    return 0;
  } finally {
    await db.close();
  }
}
