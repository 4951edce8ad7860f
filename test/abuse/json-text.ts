import { Random } from './random';

/** Serialises a value as JSON, except numbers JSON.stringify cannot write (Infinity) and -0, written literally. */
export function jsonText(value: unknown): string {
  if (typeof value === 'number') {
    if (Object.is(value, -0)) return '-0';
    if (value === Infinity) return '1e309';
    if (value === -Infinity) return '-1e309';
  }
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, entry]) => `${JSON.stringify(key)}:${jsonText(entry)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** `"key":value,` put first in the object text (so that keys such as __proto__ stay own keys, as JSON.parse makes them). */
export function withKeyFirst(objectText: string, key: string, valueText: string): string {
  const inner = objectText.slice(1);
  return `{${JSON.stringify(key)}:${valueText}${inner === '}' ? '' : ','}${inner}`;
}

/** A body text JSON.parse refuses: cut, doubled, with a JavaScript-only literal or a stray brace. */
export function malformed(random: Random, text: string): string {
  const strategies: (() => string)[] = [
    () => text.slice(0, 1 + random.int(Math.max(1, text.length - 1))),
    () => text.replace('"', "'"),
    () => text.replace(/}$/, ',}'),
    () => `{"x":NaN,${text.slice(1)}`,
    () => `{"x":undefined,${text.slice(1)}`,
    () => `/* comment */${text}`,
    () => `{x:1,${text.slice(1)}`,
    () => `{${text}`,
    () => `${text}xyz`,
    () => `${text}${text}`,
    () => `{"x":"a\\q",${text.slice(1)}`,
    () => `{"x":"raw\u0001control",${text.slice(1)}`,
    () => `{"x":"\\ud800\\u",${text.slice(1)}`,
    () => `{"x":01,${text.slice(1)}`,
    () => `{"x":.5,${text.slice(1)}`,
    () => `{"x":+1,${text.slice(1)}`,
    () => `{"x":0x10,${text.slice(1)}`,
    () => '{',
    () => '}',
    () => '{"a":1}}',
    () => '[1,]',
  ];
  for (;;) {
    const candidate = random.pick(strategies)();
    try {
      JSON.parse(candidate);
    } catch {
      return candidate;
    }
  }
}

/** Arrays or objects nested `depth` levels. */
export const nested = (random: Random, depth: number) =>
  random.chance(0.5) ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
