import { applyDecorators, Injectable, PipeTransform } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min, ValidateBy } from 'class-validator';
import { decodeCursor, defaultLimit, maxLimit } from '@cm/read-models';
import type { Paging } from '@cm/application';
import { categoryPattern, participantIdMessage, participantIdPattern, recordIdPattern } from '../http/request-fields';
import { Problem } from '../problems/problem';

/**
 * Query strings are class-validator DTOs, as bodies are: the app's validation pipe refuses unknown and malformed
 * parameters with 400 naming each, and the OpenAPI document states each parameter's constraints from the same
 * decorators (apps/api/src/openapi/request-constraints.ts). Defaults are property initialisers.
 */

/** A page cursor: base64url of `{"after": <id>}`, as the previous page's `next` carries it. */
export const cursorPattern = /^[A-Za-z0-9_-]{1,400}$/;

export const IsCursor = (): PropertyDecorator =>
  ValidateBy({
    name: 'isCursor',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && cursorPattern.test(value) && decodeCursor(value) !== undefined,
      defaultMessage: () => 'must be the next cursor of a previous page',
    },
  });

/** A calendar date (2024-12-31): 2024-02-30 matches the shape but names no day. */
export const calendarDatePattern = /^\d{4}-\d{2}-\d{2}$/;
export const isCalendarDate = (value: unknown): boolean => {
  if (typeof value !== 'string' || !calendarDatePattern.test(value)) return false;
  const instant = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(instant.getTime()) && instant.toISOString().slice(0, 10) === value;
};

export const IsCalendarDate = (): PropertyDecorator =>
  ValidateBy({
    name: 'isCalendarDate',
    validator: { validate: isCalendarDate, defaultMessage: () => 'must be an ISO date such as 2024-12-31' },
  });

/** An optional query parameter: documented with its description, refused when present and not `rule`. */
export const Optional = (rule: PropertyDecorator, options: { description?: string; example?: unknown } = {}) =>
  applyDecorators(ApiPropertyOptional(options), IsOptional(), rule);

/** A required query parameter. */
export const Required = (rule: PropertyDecorator, options: { description?: string; example?: unknown } = {}) =>
  applyDecorators(ApiProperty(options), rule);

export const ParticipantIdParam = (): PropertyDecorator =>
  Matches(participantIdPattern, { message: participantIdMessage });
export const RecordIdParam = (): PropertyDecorator => Matches(recordIdPattern, { message: 'must be a record id' });
export const CategoryParam = (): PropertyDecorator =>
  Matches(categoryPattern, { message: 'must be a lower-case tag such as metal_detectors' });

/** One of a closed list; the document states the list as its enum. */
export const OneOf = (values: readonly string[], description?: string) =>
  applyDecorators(
    ApiPropertyOptional({ enum: values, ...(description && { description }) }),
    IsOptional(),
    IsIn(values),
  );

/** A whole number between `min` and `max`; query values arrive as text. */
export const WholeNumber = (min: number, max: number): PropertyDecorator =>
  applyDecorators(
    Type(() => Number),
    IsInt({ message: 'must be a whole number' }),
    Min(min),
    Max(max),
  );

/** `limit` (default 50, at most 500) and `cursor` of a list. */
export class PageQuery {
  @Optional(WholeNumber(1, maxLimit), { description: `Records per page, 1 to ${maxLimit} (default ${defaultLimit})` })
  limit: number = defaultLimit;

  @Optional(IsCursor(), { description: 'The `next` of the previous page' })
  cursor?: string;
}

/** The page asked for and the filters given (those left out are not in the result). */
export function listQueryOf(query: PageQuery): { filter: Record<string, unknown>; paging: Paging } {
  const { limit, cursor, ...filter } = query;
  return {
    filter: Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)),
    paging: { limit, ...(cursor !== undefined && { after: decodeCursor(cursor) }) },
  };
}

/** A route that reads no query parameter refuses every one, as the validation pipe refuses an unknown one. */
@Injectable()
export class NoQueryPipe implements PipeTransform<unknown, unknown> {
  transform(value: unknown): unknown {
    const fields = Object.keys((value ?? {}) as object);
    if (fields.length > 0) {
      throw Problem.validation(fields.map((field) => ({ field, message: `property ${field} should not exist` })));
    }
    return value;
  }
}

/**
 * `from` after `to` names no period. The document cannot state an order between two parameters, so a schema-valid
 * request may break it: 422 (a rule, not a malformed request), naming `from`.
 */
export function assertPeriod(from: string | undefined, to: string | undefined): void {
  if (from !== undefined && to !== undefined && from > to) {
    throw new Problem(422, 'INVALID_PERIOD', `from ${from} is after to ${to}`, [
      { field: 'from', message: 'must not be after to' },
    ]);
  }
}
