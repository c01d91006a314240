/**
 * In-process signal that something authentication reads was written (a session or API token, a
 * user, role grants, an organisation, a region): writeAudit raises it for those entities, so this
 * process's authentication cache forgets what it holds at once. Other processes hear of the commit
 * through the database (migration 0012: triggers NOTIFY `jq_auth`).
 */
export const AUTH_ENTITIES: ReadonlySet<string> = new Set(['session', 'api_token', 'user', 'role_assignment', 'organization', 'region']);

/** `requestId`: the request (actor.requestId) whose transaction made the change, if any. */
type Listener = (requestId: string | null) => void;
const listeners = new Set<Listener>();

export function onAuthChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function authChanged(requestId: string | null): void {
  for (const l of listeners) l(requestId);
}
