import { AppError } from '../errors.ts';
import { createUser, listUsers, parseRole, USER_ROLES } from '../server/index.ts';
import { columns } from './text-width.ts';
import { agencyArg, type GlobalOptions, printJson, say, withRegister } from './register/context.ts';

/** `gongkai user add`: an account with a one-time password, printed once. */
export function userAdd(args: unknown[], o: GlobalOptions & { role: string; agency?: string; name?: string }): Promise<number> {
  return withRegister(o, async (db, actor) => {
    const role = parseRole(o.role);
    if (!role) throw new AppError('usage', `角色「${o.role}」无效，应为：${Object.values(USER_ROLES).join('、')}`);
    const agency = o.agency ? await agencyArg(db, o.agency) : undefined;
    if (!agency && role !== 'admin') throw new AppError('usage', `${USER_ROLES[role]}须用 --agency 指定所属机关`);
    const { user, password } = await createUser(db, actor.userId, {
      username: String(args[0]),
      displayName: o.name,
      role,
      agencyId: agency?.id ?? null,
    });
    say(
      `已添加用户「${user.username}」（${USER_ROLES[user.role]}，${agency ? agency.name : '全部机关'}）`,
      `一次性密码：${password}`,
      '此密码只显示这一次；首次登录后须修改。',
    );
  });
}

/** `gongkai user list`. */
export function userList(_args: unknown[], o: GlobalOptions): Promise<number> {
  return withRegister(o, async (db) => {
    const users = await listUsers(db, 'all');
    if (o.json) return printJson(users);
    if (users.length === 0) return say('还没有用户：用 gongkai user add 添加，或启动 gongkai serve 创建首个管理员');
    say(
      ...columns([
        ['用户名', '姓名', '角色', '机关编号'],
        ...users.map((u) => [u.username, u.displayName, USER_ROLES[u.role], u.agencyId === null ? '全部' : String(u.agencyId)]),
      ]),
    );
  });
}
