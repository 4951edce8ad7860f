import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min, ValidateBy } from 'class-validator';
import { Problem } from '../problems/problem';

export const defaultPageSize = 100;
export const maxPageSize = 1000;

export class StreamEventsQuery {
  @ApiPropertyOptional({ description: 'The `next` of the previous page: events after that version', example: '100' })
  @IsOptional()
  @Matches(/^\d{1,15}$/, { message: 'must be the next cursor of a previous page' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: maxPageSize, default: defaultPageSize })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(maxPageSize)
  limit?: number;
}

/** An ISO 8601 date, or a time with a zone (Z or an offset). */
export const instantPattern = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const isoTime = instantPattern;
const instantMessage = 'must be an ISO 8601 time such as 2026-03-01T10:00:00Z or a date 2026-03-01';

/** A real instant: 2026-02-31 or T25:00 match the pattern but name none (the document says date or date-time). */
export const IsInstant = (): PropertyDecorator =>
  ValidateBy({
    name: 'isInstant',
    validator: { validate: (value) => instantOrUndefined(value) !== undefined, defaultMessage: () => instantMessage },
  });

export class StreamStateQuery {
  @ApiProperty({
    description:
      'An ISO 8601 time (2026-03-01T10:00:00Z, or with an offset); a bare date means the end of that UTC day',
    example: '2026-03-01T10:00:00Z',
  })
  @IsInstant()
  at!: string;
}

/** The instant `at` names; a bare date is the state as it stood at the close of that day (UTC). */
export function instantOf(at: string, field = 'at'): Date {
  const instant = instantOrUndefined(at);
  if (!instant) throw Problem.validation([{ field, message: `${at} is not a valid time` }]);
  return instant;
}

function instantOrUndefined(at: unknown): Date | undefined {
  if (typeof at !== 'string') return undefined;
  const match = isoTime.exec(at);
  const text = match && !match[2] ? `${at}T23:59:59.999Z` : at;
  const instant = new Date(text);
  // Date also accepts 2026-02-31 (as 3 March): the calendar date must survive the round trip.
  if (!match || Number.isNaN(instant.getTime()) || !sameCalendarDate(match[1], text, instant)) return undefined;
  return instant;
}

function sameCalendarDate(date: string, text: string, instant: Date): boolean {
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(text);
  const minutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  return new Date(instant.getTime() + minutes * 60_000).toISOString().slice(0, 10) === date;
}
