import { maxDescriptionLength } from '@cm/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { IsIsoDate, QuantityRequest } from '../../http/request-fields';

/** The quantity never drops below what is already allocated. */
export class RevisePledgeRequest {
  @ApiPropertyOptional({ type: QuantityRequest, example: { amount: 3000000, unit: 'NOK' } })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuantityRequest)
  quantity?: QuantityRequest;

  @ApiPropertyOptional({ example: '2028-06-30' })
  @IsOptional()
  @IsIsoDate()
  validUntil?: string;

  @ApiPropertyOptional({ example: 'Quarterly reporting', maxLength: maxDescriptionLength })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(maxDescriptionLength)
  conditions?: string;
}
