/**
 * A value named in an error message, briefly: as JSON when that is short, else its type and a short
 * preview. A template that passes a whole metrics family where a number belongs (`{{pct papers}}`)
 * gets "an object with 9 keys (total, by_country, …)", not 56 KB of JSON.
 */

const MAX_TEXT = 60;
const MAX_KEYS = 5;
/** An object or list whose JSON is this short is shown whole: `{"id":"x","name":"甲"}`. */
const MAX_JSON = 80;

function shortJson(value: unknown): string | null {
  try {
    const json = JSON.stringify(value);
    return json !== undefined && json.length <= MAX_JSON ? json : null;
  } catch {
    return null; // a cycle
  }
}

function short(text: string): string {
  const chars = [...text];
  return chars.length > MAX_TEXT ? `${JSON.stringify(`${chars.slice(0, MAX_TEXT).join('')}…`)} (${chars.length} characters)` : JSON.stringify(text);
}

/** A scalar as written, or an object or list by its size and first keys or items. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return short(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  const json = typeof value === 'object' ? shortJson(value) : null;
  if (json !== null) return json;
  if (Array.isArray(value)) {
    if (value.length === 0) return 'an empty list';
    const first = value[0] as unknown;
    const inner = first !== null && typeof first === 'object' ? (Array.isArray(first) ? 'a list' : 'an object') : describeValue(first);
    return `a list of ${value.length} item${value.length === 1 ? '' : 's'} (the first: ${inner})`;
  }
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0) return 'an empty object';
    const shown = keys.slice(0, MAX_KEYS).join(', ');
    return `an object with ${keys.length} key${keys.length === 1 ? '' : 's'} (${shown}${keys.length > MAX_KEYS ? ', …' : ''})`;
  }
  return typeof value;
}
