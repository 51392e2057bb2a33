/** The web application: the JSON API (Hono on Node), accounts, sessions. */
export { createApp, type AppOptions } from './app.ts';
export { startServer, type RunningServer } from './serve.ts';
export { createUser, ensureFirstAdmin, listUsers, userInput, type UserInput } from './accounts.ts';
export { USER_ROLES, parseRole, type UserRole, type SessionUser } from './roles.ts';
