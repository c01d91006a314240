import type { Problem } from '../../../../../common/problems';
import { ApiProblem, withQuery, type Query } from '../../../lib/api';

function csrfToken(): string | null {
  const part = document.cookie.split(';').find((p) => p.trim().startsWith('jq_csrf='));
  return part ? decodeURIComponent(part.trim().slice('jq_csrf='.length)) : null;
}

/**
 * POSTs a file as the raw request body (the upload and import routes take bytes, not JSON), with the
 * CSRF header the JSON client sends; rejects with ApiProblem like it.
 */
export async function postFile<T>(path: string, query: Query, file: Blob, contentType: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', 'content-type': contentType };
  const csrf = csrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), { method: 'POST', headers, credentials: 'same-origin', body: file });
  } catch (error) {
    throw new ApiProblem({ type: 'about:blank', title: 'Network error', status: 0, code: 'unavailable', detail: (error as Error).message });
  }
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (response.ok) return data as T;
  if (data && typeof data === 'object' && 'status' in data && 'code' in data) throw new ApiProblem(data as Problem);
  throw new ApiProblem({
    type: 'about:blank',
    title: response.statusText || 'Error',
    status: response.status,
    code: response.status === 413 ? 'payload_too_large' : response.status >= 500 ? 'internal' : 'bad_request',
    detail: `${response.status} ${response.statusText}`.trim(),
  });
}
