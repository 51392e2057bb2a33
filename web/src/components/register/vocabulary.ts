// The register's words from GET /api/vocabulary: applicant kinds, channels, states, events, outcomes.
import { useQuery } from '@tanstack/react-query';
import { get } from '../../api.ts';

export interface Outcome {
  key: string;
  label: string;
  /** The table B group it belongs to (「（三）不予公开」), or its own label. */
  group?: string;
}

export interface Vocabulary {
  roles: Record<string, string>;
  applicantKinds: Record<string, string>;
  channels: Record<string, string>;
  states: Record<string, string>;
  events: Record<string, string>;
  approvalEvents: string[];
  outcomes: Outcome[];
}

/** The vocabulary, fetched once per session. */
export function useVocabulary() {
  return useQuery({ queryKey: ['vocabulary'], queryFn: () => get<Vocabulary>('/vocabulary'), staleTime: Infinity });
}

/** Select options from a key → label record. */
export function optionsOf(record: Record<string, string> | undefined): { value: string; label: string }[] {
  return Object.entries(record ?? {}).map(([value, label]) => ({ value, label }));
}

/**
 * The outcomes as select options in the order and the groups of table B (三、本年度办理结果):
 * （一） and （二） stand alone, （三）…（六） group their numbered rows.
 */
export function outcomeOptions(outcomes: Outcome[], only?: (o: Outcome) => boolean) {
  type Group = { label: string; title: string; options: { value: string; label: string }[] };
  const entries: (Group | { value: string; label: string })[] = [];
  for (const o of outcomes.filter(only ?? (() => true))) {
    const name = o.group ?? /^（[一二三四五六七]）/.exec(o.label)?.[0] ?? o.label;
    if (name === o.label) {
      entries.push({ value: o.key, label: o.label });
      continue;
    }
    let group = entries.find((g): g is Group => 'options' in g && g.label === name);
    if (!group) entries.push((group = { label: name, title: name, options: [] }));
    group.options.push({ value: o.key, label: o.label });
  }
  return entries;
}
