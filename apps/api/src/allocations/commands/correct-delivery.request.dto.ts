import { maxReasonLength } from '@cm/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsIsoDate, IsPositiveAmount } from '../../http/request-fields';

/** At least one of amount and deliveredOn, and why: the domain refuses a correction that changes nothing. */
export class CorrectDeliveryRequest {
  @ApiPropertyOptional({ example: 500, description: "The corrected amount, in the allocation's (the pledge's) unit" })
  @IsOptional()
  @IsPositiveAmount()
  amount?: number;

  @ApiPropertyOptional({ example: '2026-02-27', description: 'The corrected delivery date; never in the future' })
  @IsOptional()
  @IsIsoDate()
  deliveredOn?: string;

  @ApiProperty({ example: 'Only the first crate of 500 left on that day', maxLength: maxReasonLength })
  @IsString()
  @MinLength(1)
  @MaxLength(maxReasonLength)
  reason!: string;
}
