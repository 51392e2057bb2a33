import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the real documents live: $GONGKAI_SHARED, else ../shared beside the repository. */
export const SHARED = process.env.GONGKAI_SHARED ?? resolve(fileURLToPath(new URL('../../', import.meta.url)), '../shared');

/** True when the real documents are present. */
export const hasShared = () => existsSync(resolve(SHARED, 'seeds')) && existsSync(resolve(SHARED, 'corpus'));
