// The agency and year the pages work on, chosen in the header and remembered in the browser.
import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { get } from './api.ts';
import { useMe } from './session.tsx';

export interface Agency {
  id: number;
  name: string;
  parentId: number | null;
}

interface Workspace {
  agencies: Agency[];
  /** The agency chosen (the user's own by default); undefined while the list loads or when there is none. */
  agencyId: number | undefined;
  setAgencyId: (id: number) => void;
  /** The report year worked on (last year in January–March, else this year, by default). */
  year: number;
  setYear: (year: number) => void;
}

const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace outside WorkspaceProvider');
  return workspace;
}

function defaultYear(): number {
  const now = new Date(Date.now() + 8 * 3600_000);
  return now.getUTCMonth() < 3 ? now.getUTCFullYear() - 1 : now.getUTCFullYear();
}

function stored(key: string): number | undefined {
  const value = Number(localStorage.getItem(key));
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const me = useMe();
  const { data } = useQuery({ queryKey: ['agencies'], queryFn: () => get<{ items: Agency[] }>('/agencies') });
  const agencies = useMemo(() => data?.items ?? [], [data]);
  const [chosen, setChosen] = useState<number | undefined>(() => stored('gk.agency'));
  const [year, setYearState] = useState<number>(() => stored('gk.year') ?? defaultYear());
  const agencyId =
    chosen !== undefined && agencies.some((a) => a.id === chosen)
      ? chosen
      : (agencies.find((a) => a.id === me.user.agencyId)?.id ?? agencies.find((a) => a.parentId === null)?.id ?? agencies[0]?.id);
  const value: Workspace = {
    agencies,
    agencyId,
    setAgencyId: (id) => {
      localStorage.setItem('gk.agency', String(id));
      setChosen(id);
    },
    year,
    setYear: (y) => {
      localStorage.setItem('gk.year', String(y));
      setYearState(y);
    },
  };
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}
