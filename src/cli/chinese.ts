import { Command, Help, type Option } from 'commander';
import { textWidth } from './text-width.ts';

const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Arguments:': '参数：',
  'Commands:': '命令：',
  'Global Options:': '全局选项：',
};

// commander's messages (lib/command.js), in the order it can raise them.
const MESSAGES: [RegExp, (...m: string[]) => string][] = [
  [/^error: required option '(.+)' not specified/, (o) => `缺少必填选项 ${o}`],
  [/^error: missing required argument '(.+)'/, (a) => `缺少必填参数 <${a}>`],
  [/^error: option '(.+)' argument missing/, (o) => `选项 ${o} 缺少取值`],
  [/^error: option '(.+)' argument '(.*)' is invalid\.\s*(.*)/s, (o, v, why) => `选项 ${o} 的取值「${v}」无效${why ? `：${why}` : ''}`],
  [
    /^error: command-argument value '(.*)' is invalid for argument '(.+)'\.\s*(.*)/s,
    (v, a, why) => `参数 <${a}> 的取值「${v}」无效${why ? `：${why}` : ''}`,
  ],
  [/^error: unknown option '(.+?)'(?:\s*\(Did you mean (?:one of )?(.+)\?\))?/s, (o, s) => `未知选项 ${o}${s ? `（是否想用 ${s}？）` : ''}`],
  [/^error: unknown command '(.+?)'(?:\s*\(Did you mean (?:one of )?(.+)\?\))?/s, (c, s) => `未知命令 ${c}${s ? `（是否想用 ${s}？）` : ''}`],
  [
    /^error: too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)/,
    (c, n, m) => `${c ? `${c} ` : ''}参数过多：应为 ${n} 个，实为 ${m} 个`,
  ],
  [/^error: (.+) cannot be used with (.+)/, (a, b) => `${a} 不能与 ${b} 同时使用`],
];

/** commander's English error message in Chinese (unknown messages pass through unchanged). */
export function translateError(text: string): string {
  const clean = text.trim();
  for (const [pattern, say] of MESSAGES) {
    const m = pattern.exec(clean);
    if (m) return `错误：${say(...m.slice(1).map((s) => s ?? ''))}\n`;
  }
  return `${clean.replace(/^error: /, '错误：')}\n`;
}

/** Help in Chinese: section titles, required options marked, defaults and choices in Chinese. */
class ChineseHelp extends Help {
  override styleTitle(title: string): string {
    return TITLES[title] ?? title;
  }
  override commandUsage(cmd: Command): string {
    return super.commandUsage(cmd).replace('[options]', '[选项]').replace('[command]', '[命令]');
  }
  // Columns line up on a terminal: CJK characters are two columns wide.
  override displayWidth(text: string): number {
    return textWidth(text);
  }
  override optionDescription(option: Option): string {
    const extra: string[] = [];
    if (option.mandatory) extra.push('必填');
    if (option.argChoices) extra.push(`可选值：${option.argChoices.join('、')}`);
    if (option.defaultValue !== undefined && (option.required || option.optional))
      extra.push(`默认：${option.defaultValueDescription ?? String(option.defaultValue)}`);
    return extra.length ? `${option.description}（${extra.join('；')}）` : option.description;
  }
}

/**
 * A commander command that speaks Chinese: help, argument errors (one line, then where to find
 * help); its subcommands are of the same kind and inherit the settings.
 */
export class ChineseCommand extends Command {
  constructor(name?: string) {
    super(name);
    // Errors are thrown (exitOverride), not exits: main() maps them through the one error table.
    this.helpOption('-h, --help', '显示帮助')
      .configureOutput({ outputError: (text, write) => write(translateError(text)) })
      .showHelpAfterError('（使用 --help 查看用法）')
      .exitOverride();
  }
  override createCommand(name?: string): Command {
    return new ChineseCommand(name);
  }
  override createHelp(): Help {
    return Object.assign(new ChineseHelp(), this.configureHelp());
  }
}
