import { Role } from '@cm/domain';
import { Random } from './random';
import { CommandRoute, FieldKind, QueryRoute, Seeded } from './routes';

/** One request the fuzzer sends, with what it did to a valid request, for the failure report. */
export interface AbuseRequest {
  route: string;
  method: string;
  path: string;
  role: Role | 'none' | 'forged';
  headers: Record<string, string>;
  body?: string;
  /** The mutation that must make a command refused, e.g. `wrongType:quantity`; queries have none. */
  breaker?: string;
  /** The field that mutation targets, which a 400 must name. */
  field?: string;
  edges: string[];
}

const roles: Role[] = ['admin', 'coordinator', 'analyst', 'donor', 'affected_state'];

/** Strings a careless parser, logger or database driver trips on. */
export const hostileStrings = [
  '\ud800',
  'a\udfffb',
  '\udc00\ud800',
  'a\u0000b',
  '\u0000',
  '\u202eevil\u202c',
  '\u200f\u05e9\u05dc\u05d5\u05dd',
  'e\u0301\u0301\u0301\u0301\u0301',
  '\u200b\u200c\u200d\ufeff',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  'Ω≈ç√∫˜µ≤≥÷',
  'a\r\nX-Injected: 1',
  '<script>alert(1)</script>',
  "'; DROP TABLE needs; --",
  '{"$gt": ""}',
  '$where',
  '%s%n%x',
  '../../etc/passwd',
  ' ',
  '\t\n',
];

const edgeNumbers = [1e308, 1.005, 0.30000000000000004, 1e-4, 2 ** 53, 1e21, 123456789.1234, 5e-324];

const wrongTypesOfText: unknown[] = [0, 1.5, -1, true, false, [], ['x'], {}, { a: 1 }, [{}]];
const wrongTypesOfAmount: unknown[] = [
  '1',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '1e308',
  '',
  '0x10',
  true,
  [],
  {},
  [1],
];
const wrongTypesOfQuantity: unknown[] = [
  '10 items',
  10,
  true,
  [],
  [10, 'items'],
  { amount: '10', unit: 'items' },
  { amount: 10 },
  { unit: 'items' },
  { amount: 10, unit: 5 },
  { amount: null, unit: 'items' },
  { amount: 10, unit: 'items', extra: 1 },
];

const invalidDates = [
  '2024-02-30',
  'null',
  'undefined',
  '31/12/2027',
  '2024-13-01',
  '2024-01-01T25:00:00Z',
  '',
  'NaN',
  '2024-1-1',
  '+002024-01-01',
  '2024-01-01T00:00:00+99:99',
  '2024-01-01\u0000',
  '9'.repeat(40),
];
const invalidAmounts: unknown[] = [0, -1, -0, 1.00001, 1e-7, 5e-324, -1e308];
const invalidQuantities: unknown[] = [
  { amount: -1, unit: 'items' },
  { amount: 0, unit: 'items' },
  { amount: 1, unit: 'XYZ' },
  { amount: 1.234, unit: 'USD' },
  { amount: 1, unit: 'Items' },
  { amount: 1, unit: '' },
  { amount: 1, unit: 'x'.repeat(40) },
];

export const extraKeys = [
  'colour',
  '__proto__',
  'constructor',
  'prototype',
  '$where',
  '$set',
  'a.b',
  ' ',
  'id\u0000',
  '\ud800',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  'isAdmin',
  'role',
];

const unsupportedContentTypes = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'text/json',
  'application/jsonx',
  'application/json; charset=latin1',
  'application/json; charset=ebcdic-cp-us',
  'application/octet-stream',
  '',
];

const hostileIds = [
  'x'.repeat(101),
  '%00',
  '%E2%80%AE',
  'a%20b',
  "'",
  '%F0%9F%92%A9',
  '..%2F..%2Fetc',
  'null',
  'constructor',
  '__proto__',
  '-',
  'NaN',
  '%ZZ',
  '%E0%A4%A',
];

/** Serialises a value as JSON, except numbers JSON.stringify cannot write (Infinity) and -0, written literally. */
function jsonText(value: unknown): string {
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
function withKeyFirst(objectText: string, key: string, valueText: string): string {
  const inner = objectText.slice(1);
  return `{${JSON.stringify(key)}:${valueText}${inner === '}' ? '' : ','}${inner}`;
}

function malformed(random: Random, text: string): string {
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

const nested = (random: Random, depth: number) =>
  random.chance(0.5) ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

function wrongTypesOf(field: FieldKind): unknown[] {
  switch (field.kind) {
    case 'amount':
      return wrongTypesOfAmount;
    case 'quantity':
      return wrongTypesOfQuantity;
    case 'list':
      return ['x', 1, true, { a: 1 }];
    default:
      return wrongTypesOfText;
  }
}

function invalidValuesOf(field: FieldKind): unknown[] {
  switch (field.kind) {
    case 'text':
      return [...(field.min ? [''] : []), 'x'.repeat(field.max + 1), 'y'.repeat(field.max * 3)];
    case 'pattern':
      return field.bad;
    case 'enum':
      return [
        ...field.values.slice(0, 2).flatMap((value) => [value.toUpperCase(), `${value} `, `\u200b${value}`]),
        'constructor',
        '__proto__',
        'toString',
        '',
        'null',
      ];
    case 'date':
      return invalidDates;
    case 'amount':
      return [...invalidAmounts, Infinity, -Infinity];
    case 'quantity':
      return invalidQuantities;
    case 'list':
      return field.bad;
  }
}

/** A mutated request to a command route: valid but for one breaker (it must be refused), plus 0–3 odd values. */
export function mutatedCommand(random: Random, name: string, route: CommandRoute, ids: Seeded): AbuseRequest {
  const role = pickRole(random, route.roles);
  const body: Record<string, unknown> = structuredClone(route.valid(ids));
  const fields = Object.entries(route.fields);
  const edges: string[] = [];
  for (let i = random.int(4); i > 0; i--) {
    const [field, kind] = random.pick(fields);
    if (kind.kind === 'text' && field in body) {
      const value = random.pick(hostileStrings);
      body[field] = random.chance(0.5) ? value : `${String(body[field])}${value}`;
      edges.push(`unicode:${field}`);
    } else if (kind.kind === 'amount') {
      body[field] = random.pick(edgeNumbers);
      edges.push(`number:${field}=${String(body[field])}`);
    } else if (kind.kind === 'quantity' && field in body) {
      body[field] = { ...(body[field] as object), amount: random.pick(edgeNumbers) };
      edges.push(`number:${field}.amount`);
    }
  }

  const required = fields.filter(([, kind]) => kind.required);
  const breaker = random.weighted({
    missing: required.length > 0 ? 10 : 0,
    wrongType: 20,
    invalid: 20,
    extraKey: 12,
    malformed: 10,
    contentType: 8,
    deep: 5,
    huge: 0.4,
    topLevel: 5,
    hostileId: route.hasId ? 5 : 0,
    badIfMatch: route.method === 'PATCH' ? 4 : 0,
    badIdempotencyKey: 1.5,
  });
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (route.method === 'PATCH' && random.chance(0.7)) headers['if-match'] = random.pick(['1', '"1"', 'W/"1"', '*']);
  if (random.chance(0.1)) headers['idempotency-key'] = `abuse-${random.seed}-${random.int(1e9)}`;
  let id: string | undefined;
  let text: string;
  let field: string | undefined;
  let label: string = breaker;
  switch (breaker) {
    case 'missing': {
      [field] = random.pick(required);
      delete body[field];
      text = jsonText(body);
      break;
    }
    case 'wrongType':
    case 'invalid': {
      const [name, kind] = random.pick(fields);
      field = name;
      const value = random.pick(breaker === 'wrongType' ? wrongTypesOf(kind) : invalidValuesOf(kind));
      body[name] = value;
      text = jsonText(body);
      label = `${breaker}:${name}=${jsonText(value).slice(0, 40)}`;
      break;
    }
    case 'extraKey': {
      const key = random.pick(extraKeys);
      const value = jsonText(random.pick([1, 'x', true, null, {}, [], { admin: true }]));
      text = jsonText(body);
      if (random.chance(0.3) && typeof body.quantity === 'object') {
        text = text.replace('"quantity":{', `"quantity":{${JSON.stringify(key)}:${value},`);
        field = `quantity.${key}`;
      } else {
        text = withKeyFirst(text, key, value);
        field = key;
      }
      break;
    }
    case 'malformed':
      text = malformed(random, jsonText(body));
      field = 'body';
      break;
    case 'contentType': {
      const contentType = random.pick(unsupportedContentTypes);
      if (contentType === '') delete headers['content-type'];
      else headers['content-type'] = contentType;
      text = contentType.startsWith('application/x-www') ? 'reason=x&amount=1' : jsonText(body);
      field = 'Content-Type';
      break;
    }
    case 'deep': {
      const depth = random.pick([33, 34, 100, 1_000, 5_000, 100_000]);
      text = random.chance(0.3) ? nested(random, depth) : withKeyFirst(jsonText(body), 'x', nested(random, depth - 1));
      field = 'body';
      label = `deep:${depth}`;
      break;
    }
    case 'huge':
      text = withKeyFirst(jsonText(body), 'padding', JSON.stringify('x'.repeat(1024 * 1024 + random.int(2e6))));
      field = 'body';
      break;
    case 'topLevel': {
      text = random.pick(['[]', `[${jsonText(body)}]`, '"text"', '1', 'null', 'true', '""', '[[]]', '-0', '1e309']);
      label = `topLevel:${text.slice(0, 20)}`;
      break;
    }
    case 'hostileId':
      id = random.pick(hostileIds);
      text = jsonText(body);
      label = `hostileId:${id.slice(0, 20)}`;
      break;
    case 'badIfMatch':
      headers['if-match'] = random.pick(['yesterday', '"abc"', '-1', '1.5', 'W/"x"', '9'.repeat(30), '1, 2']);
      text = jsonText(body);
      field = 'If-Match';
      label = `badIfMatch:${headers['if-match']}`;
      break;
    case 'badIdempotencyKey':
      headers['idempotency-key'] = random.pick(['x'.repeat(256), 'a b', '\u00e9t\u00e9']);
      text = jsonText(body);
      field = 'Idempotency-Key';
      break;
  }
  return {
    route: name,
    method: route.method,
    path: route.path(ids, id),
    role,
    headers,
    body: text,
    breaker: label,
    ...(field !== undefined && { field }),
    edges,
  };
}

const hostileQueryValues = [
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e308',
  '1e309',
  '1.005',
  '-1',
  '0',
  '',
  ' ',
  'true',
  '[]',
  '{}',
  'x'.repeat(3000),
  '{"$gt":""}',
  '$where',
  "' OR 1=1 --",
  '../..',
  '<script>',
  '\u0000',
  '\u202e',
  'e\u0301\u0301',
  '\ud83d',
  '9'.repeat(40),
  '2024-02-30',
  'constructor',
  '__proto__',
];
const rawQueryParts = [
  '%',
  '%zz',
  '%00',
  '%ED%A0%80',
  '%C0%AF',
  '+',
  '&&',
  '=',
  '==',
  'a[b]=1',
  '__proto__[admin]=1',
  'constructor[prototype][admin]=1',
  'limit[]=1',
  'limit=1&limit=2',
  '%5B%5D=1',
];
const unknownParams = ['foo', 'sort', '$where', '__proto__', 'constructor', 'prototype', 'toString', 'limit ', 'LIMIT'];
const hostileConsistency = ['garbage', '', 'need-1@99999999999999999999', '{"a":1}', 'x'.repeat(2000), '@', 'a@b@c'];

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

/** Mostly a role the route admits (so that requests reach validation), sometimes another, none or a forged one. */
function pickRole(random: Random, allowed: Role[]): AbuseRequest['role'] {
  const roll = random.next();
  if (roll < 0.8) return random.pick(allowed);
  if (roll < 0.95) return random.pick(roles);
  return random.chance(0.5) ? 'none' : 'forged';
}
