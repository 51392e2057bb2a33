// Who is signed in: /api/me, shared by every page through React context.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { ApiError, get, onSignedOut } from './api.ts';

export type UserRole = 'clerk' | 'approver' | 'admin' | 'reviewer';

export interface Me {
  user: { id: number; username: string; displayName: string; role: UserRole; roleName: string; agencyId: number | null; mustChangePassword: boolean };
  /** The agency ids the user may see, or 'all'. */
  agencies: number[] | 'all';
  csrfToken: string;
}

const SessionContext = createContext<Me | null>(null);

/** The signed-in user; only inside <RequireSession>. */
export function useMe(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useMe outside a session');
  return me;
}

/** The session query: `null` when nobody is signed in. */
export function useSessionQuery() {
  const client = useQueryClient();
  useEffect(() => onSignedOut(() => client.setQueryData(['me'], null)), [client]);
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await get<Me>('/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}
