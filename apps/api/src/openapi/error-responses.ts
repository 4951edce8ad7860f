import { OpenAPIObject } from '@nestjs/swagger';
import type {
  HeadersObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { consistencyTokenPattern } from '@cm/application';
import { ifMatchPattern } from '../http/if-match';
import { idempotencyKeyPattern } from '../idempotency/idempotency.interceptor';
import { RouteFacts } from './route-facts';

/** The headers the shared pipeline reads, with the pattern it holds them to. */
const headerPatterns: Record<string, RegExp> = {
  'idempotency-key': idempotencyKeyPattern,
  'if-match': ifMatchPattern,
  'x-consistent-with': consistencyTokenPattern,
};

/** application/problem+json, as the ProblemFilter renders every refusal. */
export const problemSchema: SchemaObject = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string' },
    code: {
      type: 'string',
      pattern: '^[A-Z][A-Z0-9_]*$',
      description: 'Stable: VALIDATION_FAILED, OVER_ALLOCATION, …',
    },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

const retryAfter: HeadersObject = {
  'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } },
};

/** Operations routes (probes, metrics) answer outside the problem pipeline: no rate limit, no deadline, no token. */
const isOperationsPath = (path: string): boolean => /^\/(health|metrics)(\/|$)/.test(path);

type Operation = OperationObject & { parameters?: (ParameterObject | ReferenceObject)[] };

const headerNamed = (operation: Operation, name: string): boolean =>
  (operation.parameters ?? []).some(
    (parameter) =>
      'in' in parameter && parameter.in === 'header' && parameter.name.toLowerCase() === name.toLowerCase(),
  );

/** The body's schema, with its properties, following one $ref into the components. */
function bodySchemaOf(document: OpenAPIObject, operation: Operation): SchemaObject | undefined {
  const body = operation.requestBody;
  if (!body || '$ref' in body) return undefined;
  const schema = body.content['application/json']?.schema;
  if (!schema) return undefined;
  if (!('$ref' in schema)) return schema;
  return document.components?.schemas?.[schema.$ref.split('/').pop() ?? ''] as SchemaObject | undefined;
}

/**
 * The refusals every route of a kind can answer, added to each operation that does not declare them already: they
 * come from the api's shared pipeline (authentication, roles, validation, body limits, idempotency, rate limits,
 * the request deadline), not from one controller, so they are derived here for every route, also those added later.
 */
export function declareErrorResponses(document: OpenAPIObject, facts: Map<string, RouteFacts>): void {
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, Problem: problemSchema },
  };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'post', 'patch', 'put', 'delete'] as const) {
      const operation = item[method] as Operation | undefined;
      if (!operation) continue;
      const fact = facts.get(operation.operationId ?? '');
      const refusals: [number, string, HeadersObject?][] = [];
      // The idempotency interceptor replays POSTs only: elsewhere the header would be read by nothing.
      if (method !== 'post') {
        operation.parameters = operation.parameters?.filter(
          (p) => !('in' in p && p.in === 'header' && p.name.toLowerCase() === 'idempotency-key'),
        );
      }
      const parameters = (operation.parameters ?? []).filter((p): p is ParameterObject => 'in' in p);
      for (const parameter of parameters) {
        const pattern = parameter.in === 'header' && headerPatterns[parameter.name.toLowerCase()];
        if (pattern) parameter.schema = { type: 'string', pattern: pattern.source };
      }
      const body = bodySchemaOf(document, operation);
      if (parameters.length > 0 || operation.requestBody) {
        refusals.push([
          400,
          'VALIDATION_FAILED (errors[] names each field), MALFORMED_BODY, BODY_TOO_DEEP, or a field rule',
        ]);
      }
      if (operation.security?.length) refusals.push([401, 'UNAUTHENTICATED: missing, bad or expired token']);
      if (fact?.roles?.length)
        refusals.push([403, `FORBIDDEN: only ${fact.roles.join(', ')}; or FORBIDDEN_PARTICIPANT`]);
      const namesRecords =
        parameters.some((p) => p.in === 'path') || Object.keys(body?.properties ?? {}).some((key) => /Ids?$/.test(key));
      if (operation.security?.length && namesRecords)
        refusals.push([404, 'NOT_FOUND: a record it names does not exist']);
      if (headerNamed(operation, 'Idempotency-Key')) {
        refusals.push([409, 'IDEMPOTENCY_KEY_REUSED (another body), IDEMPOTENCY_KEY_IN_PROGRESS, VERSION_CONFLICT']);
      } else if (headerNamed(operation, 'If-Match')) {
        refusals.push([409, 'VERSION_CONFLICT: the record changed while the request was applied']);
      }
      if (headerNamed(operation, 'If-Match')) refusals.push([412, 'PRECONDITION_FAILED: the version changed since']);
      const queryNames = parameters.filter((p) => p.in === 'query').map((p) => p.name);
      if (queryNames.includes('from') && queryNames.includes('to')) {
        refusals.push([422, 'INVALID_PERIOD: from is after to (each a valid date)']);
      }
      if (operation.requestBody) {
        refusals.push([413, 'PAYLOAD_TOO_LARGE: the body is over 1 MiB']);
        refusals.push([415, 'UNSUPPORTED_MEDIA_TYPE: the body is not application/json in UTF-8']);
      }
      if (!isOperationsPath(path)) {
        refusals.push([429, 'TOO_MANY_REQUESTS: the rate limit of the token or address is spent', retryAfter]);
        refusals.push([503, 'SERVICE_UNAVAILABLE (a store or broker is down) or DEADLINE_EXCEEDED', retryAfter]);
      }
      // A query route's answer (a record, or a page {items, next}) is declared by the route where it has a schema.
      if (!Object.keys(operation.responses).some((status) => status.startsWith('2'))) {
        operation.responses[200] = { description: 'The record, or a page {items, next}' };
      }
      for (const [status, description, headers] of refusals) {
        const declared = operation.responses[status] as { description?: string } | undefined;
        operation.responses[status] = {
          description: declared?.description || description,
          ...(headers && { headers }),
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        };
      }
    }
  }
}
