import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/** PGlite's extensions the schema uses (every PGlite opened on a register loads them): trigram indexes for the case search (schema v5). */
export const EXTENSIONS = { pg_trgm };
