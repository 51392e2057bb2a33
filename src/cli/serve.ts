import { loadConfig } from '../config.ts';
import { openRegister } from '../register/index.ts';
import { ensureFirstAdmin, startServer } from '../server/index.ts';
import { say } from './register/context.ts';

/**
 * `gongkai serve`: the web application on the register's database (host and port from the
 * configuration unless given); at the first start, an administrator with a one-time password
 * printed this once. Runs until interrupted.
 */
export async function serve(_args: unknown[], o: { host?: string; port?: number }): Promise<number> {
  const config = loadConfig();
  const db = await openRegister();
  try {
    const first = await ensureFirstAdmin(db);
    const server = await startServer({
      db,
      host: o.host ?? config.server.host,
      port: o.port ?? config.server.port,
      trustProxy: config.server.trustProxy,
    });
    say(`公开（gongkai）服务已启动：${server.url}`, `JSON 接口：${server.url}/api（按 Ctrl+C 停止）`);
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
