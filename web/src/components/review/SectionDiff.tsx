// A section of two years side by side: last year's sentences on the left, this year's on the right
// (removed struck through, added underlined, changed figures shown both ways), the passages
// repeated from last year or from another agency highlighted, and the sameness scores.
import { Col, Row, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { DiffPart, Passage, SectionComparison } from './compare-types.ts';

const fold = (s: string) => s.replace(/[\s\p{P}\p{S}]/gu, '');

/** The text with every occurrence of a repeated passage marked; a sentence inside a passage is marked whole. */
function highlight(text: string, passages: readonly Passage[]): ReactNode {
  if (passages.length === 0) return text;
  const folded = fold(text);
  if (folded.length > 0 && passages.some((p) => fold(p.text).includes(folded))) return <mark className="gk-repeated">{text}</mark>;
  const marks: [number, number][] = [];
  for (const p of passages) {
    let at = text.indexOf(p.text);
    while (p.text.length > 0 && at >= 0) {
      marks.push([at, at + p.text.length]);
      at = text.indexOf(p.text, at + p.text.length);
    }
  }
  if (marks.length === 0) return text;
  marks.sort((a, b) => a[0] - b[0]);
  const out: ReactNode[] = [];
  let pos = 0;
  for (const [start, end] of marks) {
    if (end <= pos) continue;
    const from = Math.max(start, pos);
    if (from > pos) out.push(text.slice(pos, from));
    out.push(
      <mark key={from} className="gk-repeated">
        {text.slice(from, end)}
      </mark>,
    );
    pos = end;
  }
  if (pos < text.length) out.push(text.slice(pos));
  return out;
}

const percent = (score: number) => `${Math.round(score * 100)}%`;

function Score({ label, score, judged }: { label: string; score: number; judged: boolean }) {
  const color = !judged ? 'default' : score >= 0.8 ? 'red' : score >= 0.5 ? 'orange' : 'green';
  return (
    <Tag color={color}>
      {label} {judged ? percent(score) : `${percent(score)}（正文过短，不作判断）`}
    </Tag>
  );
}

function Sentence({ part, side, passages }: { part: DiffPart; side: 'before' | 'after'; passages: readonly Passage[] }) {
  if (side === 'before') {
    if (part.kind === 'added') return null;
    const text = part.kind === 'figures' ? (part.before ?? part.text) : part.text;
    if (part.kind === 'removed') return <del style={{ color: '#a8071a', background: '#fff1f0' }}>{text}</del>;
    if (part.kind === 'figures') return <span style={{ background: '#fffbe6' }}>{text}</span>;
    return <span>{text}</span>;
  }
  if (part.kind === 'removed') return null;
  if (part.kind === 'added')
    return <ins style={{ color: '#135200', background: '#f6ffed', textDecoration: 'underline' }}>{highlight(part.text, passages)}</ins>;
  if (part.kind === 'figures')
    return (
      <span style={{ background: '#fffbe6' }} title={`上年：${part.before ?? ''}`}>
        {highlight(part.text, passages)}
      </span>
    );
  return <span>{highlight(part.text, passages)}</span>;
}

export function SectionDiff({ section, previousLabel, currentLabel }: { section: SectionComparison; previousLabel: string; currentLabel: string }) {
  const passages = [...(section.lastYear?.passages ?? []), ...(section.peer?.passages ?? [])];
  return (
    <section aria-label={section.heading} style={{ marginBottom: 20 }}>
      <Typography.Title level={5} style={{ marginBottom: 6 }}>
        {section.heading}
      </Typography.Title>
      <div style={{ marginBottom: 6 }}>
        {section.lastYear && <Score label="与上年相同程度" score={section.lastYear.score} judged={section.lastYear.judged} />}
        {section.peer && (
          <Score
            label={`与${section.peer.report.agency ?? section.peer.report.file}相同程度`}
            score={section.peer.score}
            judged={section.peer.judged}
          />
        )}
      </div>
      <Row gutter={12}>
        <Col span={12}>
          <Typography.Text type="secondary">{previousLabel}</Typography.Text>
          <div style={{ lineHeight: 1.9, border: '1px solid #f0f0f0', padding: 8, minHeight: 40 }}>
            {section.diff.map((part, i) => (
              <Sentence key={i} part={part} side="before" passages={passages} />
            ))}
          </div>
        </Col>
        <Col span={12}>
          <Typography.Text type="secondary">{currentLabel}</Typography.Text>
          <div style={{ lineHeight: 1.9, border: '1px solid #f0f0f0', padding: 8, minHeight: 40 }}>
            {section.diff.map((part, i) => (
              <Sentence key={i} part={part} side="after" passages={passages} />
            ))}
          </div>
        </Col>
      </Row>
      {passages.length > 0 && (
        <details style={{ marginTop: 6 }}>
          <summary>重复的段落（{passages.length}处）</summary>
          <ol style={{ margin: '4px 0', paddingLeft: 20 }}>
            {passages.map((p, i) => (
              <li key={i}>
                <mark className="gk-repeated">{p.text}</mark>
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
