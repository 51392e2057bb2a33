// The server's vocabulary (GET /api/vocabulary): roles, review kinds and results, and the other
// words forms offer, so no page keeps its own list.
import { useQuery } from '@tanstack/react-query';
import { get } from '../../api.ts';

export interface Vocabulary {
  roles: Record<string, string>;
  reviewKinds: Record<string, string>;
  reviewResults: Record<string, string>;
  states: Record<string, string>;
  events: Record<string, string>;
}

export function useVocabulary() {
  return useQuery({ queryKey: ['vocabulary'], queryFn: () => get<Vocabulary>('/vocabulary'), staleTime: Infinity });
}

/** Select options from a key → label record. */
export function optionsOf(record: Record<string, string> | undefined): { value: string; label: string }[] {
  return Object.entries(record ?? {}).map(([value, label]) => ({ value, label }));
}
