import { categoryPattern, isCurrency, maxIdLength, participantIdPattern } from '@cm/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsNumber, IsPositive, IsString, Matches, ValidateBy, ValidationOptions } from 'class-validator';

/** The vocabulary's patterns, which the deciders check too: one home, in libs/domain. */
export { categoryPattern, participantIdPattern };
export const participantIdMessage = 'must be an ISO 3166-1 alpha-3 code (LAO) or an upper-case organisation id (EU)';
export const recordIdPattern = new RegExp(`^[A-Za-z0-9-]{1,${maxIdLength}}$`);
/**
 * A request's dates are ISO 8601 calendar dates or UTC times with a four-digit year from 1000: what a ministry writes
 * (the treaty dates from 2008, deliveries, deadlines); a year 0001-0999 is surely a typing mistake, so the document
 * states the range (the pattern) and the api refuses it as malformed (400) rather than recording it.
 */
export const isoDatePattern = /^[1-9]\d{3}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?Z)?$/;
export const isoDateMessage =
  'must be an ISO 8601 date (2027-12-31) or a UTC time (2027-12-31T10:00:00Z), with a year from 1000 to 9999';
const unitPattern = /^([A-Z]{3}|[a-z][a-z_]{0,31})$/;

/** An ISO 4217 code the reference table knows, or a lower-case unit word. */
export function IsUnit(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isUnit',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && unitPattern.test(value) && (!/^[A-Z]/.test(value) || isCurrency(value)),
        defaultMessage: () => 'must be a known ISO 4217 currency (EUR) or a lower-case unit word (items, expert_days)',
      },
    },
    options,
  );
}

/** At most 4 decimals. class-validator's maxDecimalPlaces reads String(value) and throws on 5e-324 (no "."). */
const maxAmountDecimals = 4;
const hasAtMostAmountDecimals = (value: unknown): boolean => {
  if (typeof value !== 'number') return true; // IsNumber names that failure
  const text = String(value);
  // Exponent forms are tiny (1e-7: too many decimals) or huge (1e21: beyond exact integers): neither is an amount.
  return !text.includes('e') && (text.split('.')[1]?.length ?? 0) <= maxAmountDecimals;
};

export const IsPositiveAmount = (): PropertyDecorator => (target, key) => {
  IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a JSON number' })(target, key);
  ValidateBy({
    name: 'maxAmountDecimals',
    validator: {
      validate: hasAtMostAmountDecimals,
      defaultMessage: () =>
        `must be a plain decimal with at most ${maxAmountDecimals} decimals (an exponent such as 1e21 or 5e-7 names no amount)`,
    },
  })(target, key);
  IsPositive({ message: 'must be greater than zero' })(target, key);
};

export class QuantityRequest {
  @ApiProperty({ example: 250000, description: "A JSON number with at most the unit's minor-unit decimals" })
  @IsPositiveAmount()
  amount!: number;

  @ApiProperty({ example: 'USD', description: 'ISO 4217 code for money, a lower-case unit word otherwise' })
  @IsString()
  @IsUnit()
  unit!: string;
}

export const IsParticipantId = (): PropertyDecorator =>
  Matches(participantIdPattern, { message: participantIdMessage });
/** The shape, and a real calendar date and time: 2027-02-30 and T25:00 match the pattern but name no instant. */
export const isIsoDate = (value: unknown): boolean => {
  if (typeof value !== 'string' || !isoDatePattern.test(value)) return false;
  const text = value.length === 10 ? `${value}T00:00:00Z` : value.replace(/T(\d{2}:\d{2})Z$/, 'T$1:00Z');
  const instant = new Date(text);
  return !Number.isNaN(instant.getTime()) && instant.toISOString().slice(0, 10) === value.slice(0, 10);
};

export const IsIsoDate = (): PropertyDecorator =>
  ValidateBy({ name: 'isIsoDate', validator: { validate: isIsoDate, defaultMessage: () => isoDateMessage } });
export const IsCategory = (): PropertyDecorator =>
  Matches(categoryPattern, { message: 'must be a lower-case tag such as metal_detectors' });
