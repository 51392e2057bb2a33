import { formatDay } from '../../calendar/index.ts';
import { AppError } from '../../errors.ts';
import { outcomeLabel } from '../vocabulary.ts';
import { OUTCOME_WORDING } from './outcome-wording.ts';

const ACT = '《中华人民共和国政府信息公开条例》';

/** The letters of a case, by kind, with the names agencies give them. */
export const LETTER_KINDS = {
  correction: '补正告知书',
  extension: '延期答复告知书',
  consultation: '征求第三方意见函',
  answer: '政府信息公开申请答复书',
} as const;
export type LetterKind = keyof typeof LETTER_KINDS;

/** What a letter is written from: the case, its agency and the step the letter notifies. */
export interface LetterFacts {
  agency: string;
  /** The agency above (the reconsideration body named in the remedies), when known. */
  parentAgency: string | null;
  /** The case's 编号, or `#<internal id>`. */
  reference: string;
  applicantName: string;
  content: string;
  receivedOn: string;
  correction?: { on: string; items?: string; dueOn?: string };
  extension?: { on: string; days: number; due: string | null };
  consultation?: { on: string; party?: string };
  answer?: { on: string; outcome: string };
  /** The applicant withdrew: the case closed without a decision to answer. */
  withdrawn?: boolean;
  feeNoticeOn?: string;
}

/** A letter's text: the title, the lines under it, the sign-off, and its legal basis. */
export interface LetterText {
  kind: LetterKind;
  kindName: string;
  title: string;
  /** 编号 line, addressee, body: what comes between the title and the sign-off. */
  paragraphs: string[];
  /** The agency's name and the letter's date, right-aligned at the foot. */
  signature: [string, string];
  legalBasis: string;
  outcome: string | null;
}

// 2026-01-05 → 2026年1月5日.
const date = (iso: string) => formatDay(iso);

function intro(f: LetterFacts): string {
  return `本机关于${date(f.receivedOn)}收到您提出的政府信息公开申请，申请公开“${f.content}”。`;
}

function remedies(f: LetterFacts): string {
  const body = f.parentAgency ?? '有管辖权的行政复议机关';
  return `如对本答复不服，根据${ACT}第五十一条和《中华人民共和国行政复议法》《中华人民共和国行政诉讼法》的规定，您可以自收到本答复书之日起六十日内向${body}申请行政复议，或者自收到本答复书之日起六个月内依法向人民法院提起行政诉讼。`;
}

function letter(
  kind: LetterKind,
  f: LetterFacts,
  on: string,
  addressee: string,
  body: string[],
  legalBasis: string,
  outcome: string | null = null,
): LetterText {
  const kindName = LETTER_KINDS[kind];
  const title =
    kind === 'consultation' ? `${f.agency}政府信息公开征求第三方意见函` : `${f.agency}${kind === 'answer' ? '' : '政府信息公开申请'}${kindName}`;
  return { kind, kindName, title, paragraphs: [`编号：${f.reference}`, addressee, ...body], signature: [f.agency, date(on)], legalBasis, outcome };
}

/**
 * The text of a letter from the case's facts, in the statute's wording. Throws `conflict` when
 * the case has not reached the step the letter notifies (see `letterReadiness`).
 */
export function composeLetter(kind: LetterKind, f: LetterFacts): LetterText {
  const missing = letterReadiness(kind, f);
  if (missing) throw new AppError('conflict', missing, { kind });
  const to = `${f.applicantName}：`;
  switch (kind) {
    case 'correction': {
      const c = f.correction as NonNullable<LetterFacts['correction']>;
      const by = c.dueOn ? `请于${date(c.dueOn)}前` : '请自收到本告知书之日起十五个工作日内';
      return letter(
        kind,
        f,
        c.on,
        to,
        [
          intro(f),
          `经审查，您的申请内容不够明确，本机关无法据此确定您所需的政府信息。根据${ACT}第三十条的规定，现一次性告知您对申请作出补正，需要补正的事项如下：`,
          c.items?.trim() || '请写明所需政府信息的名称、文号，或者便于本机关查询的其他特征性描述。',
          `${by}向本机关提交补正后的申请。答复期限自本机关收到补正的申请之日起计算。您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
        ],
        `${ACT}第三十条`,
      );
    }
    case 'extension': {
      const e = f.extension as NonNullable<LetterFacts['extension']>;
      const until = e.due ? `，本机关将于${date(e.due)}前作出答复` : '';
      return letter(
        kind,
        f,
        e.on,
        to,
        [
          intro(f),
          `本机关不能在收到申请之日起二十个工作日内作出答复。经本机关政府信息公开工作机构负责人同意，根据${ACT}第三十三条第二款的规定，答复期限延长${e.days}个工作日${until}。`,
          `本机关征求第三方和其他机关意见所需时间，不计算在上述期限内。`,
        ],
        `${ACT}第三十三条第二款`,
      );
    }
    case 'consultation': {
      const c = f.consultation as NonNullable<LetterFacts['consultation']>;
      return letter(
        kind,
        f,
        c.on,
        `${c.party?.trim() || '第三方'}：`,
        [
          `本机关于${date(f.receivedOn)}收到一份政府信息公开申请，申请公开“${f.content}”。经审查，该政府信息可能涉及贵方的商业秘密、个人隐私等合法权益，公开后可能损害贵方合法权益。根据${ACT}第三十二条的规定，现书面征求贵方意见。`,
          '请贵方自收到本函之日起十五个工作日内，以书面形式向本机关提出是否同意公开的意见；不同意公开的，请说明理由。',
          '贵方逾期未提出意见的，由本机关依照条例的规定决定是否公开。贵方不同意公开且有合理理由的，本机关不予公开。本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知贵方。',
        ],
        `${ACT}第三十二条`,
      );
    }
    case 'answer': {
      const a = f.answer as NonNullable<LetterFacts['answer']>;
      const wording = OUTCOME_WORDING[a.outcome] as NonNullable<(typeof OUTCOME_WORDING)[string]>;
      const fill = (text: string) =>
        text
          .replace('{correctionOn}', f.correction ? date(f.correction.on) : '此前')
          .replace('{feeNoticeOn}', f.feeNoticeOn ? date(f.feeNoticeOn) : '此前');
      return letter(kind, f, a.on, to, [intro(f), ...wording.decision.map(fill), remedies(f)], wording.basis, a.outcome);
    }
  }
}

/** Why a letter cannot be written yet (in Chinese), or undefined when it can. */
export function letterReadiness(kind: LetterKind, f: LetterFacts): string | undefined {
  switch (kind) {
    case 'correction':
      return f.correction ? undefined : '尚未告知补正：记录「告知补正」环节后才能出具补正告知书';
    case 'extension':
      return f.extension ? undefined : '尚未延长答复期限：记录「延长答复期限」环节后才能出具延期答复告知书';
    case 'consultation':
      return f.consultation ? undefined : '尚未征求第三方意见：记录「征求第三方或其他机关意见」环节后才能出具征求意见函';
    case 'answer':
      if (!f.answer) return f.withdrawn ? '申请人已撤回申请，无需出具答复书' : '申请尚未办结：答复后才能出具答复书';
      if (!OUTCOME_WORDING[f.answer.outcome]) return `办理结果「${outcomeLabel(f.answer.outcome)}」没有对应的答复书`;
      return undefined;
  }
}

/** Every line of a letter in reading order: title, body, sign-off (the form stored and previewed). */
export function letterLines(text: LetterText): string[] {
  return [...text.paragraphs, ...text.signature];
}
