/**
 * Click-through between pages rides on the hash route's query (`#/actions?status=open`), so
 * a figure's rows are one link away and the back button returns to the figure.
 */
export function hashQuery(hash = window.location.hash): URLSearchParams {
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
}

export function hashLink(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.set(key, value);
  const text = params.toString();
  return `#${path}${text ? `?${text}` : ''}`;
}
