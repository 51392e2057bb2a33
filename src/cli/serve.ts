import { loadConfig } from '../config.ts';
import { openRegister } from '../register/index.ts';
import { startServer } from '../server/index.ts';
import { DEMO_GOVERNMENT, prepareStart, USER_ROLES } from '../server/demo.ts';
import { say } from './register/context.ts';

/**
 * `gongkai serve` (and `npm start`): the web application on the register's database (host and
 * port from the configuration unless given). On an empty database it first builds the demo
 * government and prints the demo accounts; with `--no-demo` (production) it creates instead an
 * administrator with a one-time password printed this once. Runs until interrupted.
 */
export async function serve(_args: unknown[], o: { host?: string; port?: number; demo?: boolean }): Promise<number> {
  const config = loadConfig();
  const db = await openRegister();
  try {
    const t0 = performance.now();
    const { demo, firstAdmin: first } = await prepareStart(db, { demo: o.demo !== false });
    if (demo)
      say(
        `空数据库：已创建演示数据（${DEMO_GOVERNMENT.name}及${DEMO_GOVERNMENT.departments.length}个部门，${demo.lastYear}年和${demo.thisYear}年至今共${demo.cases}件申请，${demo.lastYear}年度报告已发布），用时${((performance.now() - t0) / 1000).toFixed(1)}秒。`,
        '正式使用请用空数据库并加 --no-demo 启动。',
      );
    const server = await startServer({
      db,
      host: o.host ?? config.server.host,
      port: o.port ?? config.server.port,
      trustProxy: config.server.trustProxy,
      ...(config.databaseUrl ? { reviewOptions: { queueUrl: config.databaseUrl } } : {}),
    });
    say(`公开（gongkai）服务已启动：${server.url}`, `JSON 接口：${server.url}/api（按 Ctrl+C 停止）`);
    if (demo)
      say(
        '',
        `演示账号（密码均为 ${demo.password}）：`,
        ...demo.users.map((u) => `  ${u.username.padEnd(8)} ${USER_ROLES[u.role]}  ${u.displayName}  ${u.agency}`),
      );
    if (first)
      say(
        '',
        `首次启动，已创建系统管理员。用户名：${first.username}  一次性密码：${first.password}`,
        '此密码只显示这一次；首次登录后须修改。其他用户可用 gongkai user add 添加，或由管理员在网页中添加。',
      );
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    say('正在停止服务…');
    await server.close();
    return 0;
  } finally {
    await db.close();
  }
}
