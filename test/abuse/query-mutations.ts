import { AbuseRequest, pickRole } from './abuse-request';
import { hostileConsistency, hostileIds, hostileQueryValues, rawQueryParts, unknownParams } from './hostile-values';
import { Random } from './random';
import { QueryRoute, Seeded } from './route-kinds';

/** Percent-encodes like encodeURIComponent, and a lone surrogate as its (invalid) three UTF-8-style bytes. */
function encoded(text: string): string {
  return [...text]
    .map((char) => {
      const unit = char.charCodeAt(0);
      if (char.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
        return [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
          .map((byte) => `%${byte.toString(16).toUpperCase()}`)
          .join('');
      }
      return encodeURIComponent(char);
    })
    .join('');
}

/** A hostile query string (known parameters with odd values, unknown ones, raw encodings) on a GET route. */
export function hostileQuery(random: Random, name: string, route: QueryRoute, ids: Seeded): AbuseRequest {
  const role = pickRole(random, route.roles);
  const parts: string[] = [];
  const edges: string[] = [];
  const known = Object.entries(route.params);
  for (let i = random.int(4); i > 0; i--) {
    const kind = random.weighted({ good: known.length ? 3 : 0, bad: known.length ? 4 : 0, unknown: 2, raw: 2 });
    if (kind === 'good' || kind === 'bad') {
      const [param, values] = random.pick(known);
      const value = kind === 'good' && values.length ? random.pick(values) : random.pick(hostileQueryValues);
      parts.push(`${encoded(param)}=${encoded(value)}`);
      edges.push(`${kind}:${param}`);
    } else if (kind === 'unknown') {
      parts.push(`${encoded(random.pick(unknownParams))}=${encoded(random.pick(hostileQueryValues))}`);
      edges.push('unknown');
    } else {
      const raw = random.pick(rawQueryParts);
      parts.push(raw);
      edges.push(`raw:${raw}`);
    }
  }
  const headers: Record<string, string> = {};
  if (random.chance(0.15)) headers['x-consistent-with'] = random.pick(hostileConsistency);
  const id = route.hasId && random.chance(0.15) ? random.pick(hostileIds) : undefined;
  if (id) edges.push(`hostileId:${id.slice(0, 20)}`);
  return {
    route: name,
    method: 'GET',
    path: `${route.path(ids, id)}${parts.length ? `?${parts.join('&')}` : ''}`,
    role,
    headers,
    edges,
  };
}
