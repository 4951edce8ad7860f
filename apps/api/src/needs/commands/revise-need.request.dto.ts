import { priorities, Priority, maxDescriptionLength } from '@cm/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { IsIsoDate, QuantityRequest } from '../../http/request-fields';

/** Only what may change after posting; the quantity never drops below what is already allocated. */
export class ReviseNeedRequest {
  @ApiPropertyOptional({ type: QuantityRequest, example: { amount: 150, unit: 'items' } })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuantityRequest)
  quantity?: QuantityRequest;

  @ApiPropertyOptional({ enum: priorities, example: 'critical' })
  @IsOptional()
  @IsIn(priorities)
  priority?: Priority;

  @ApiPropertyOptional({ example: '2027-09-30' })
  @IsOptional()
  @IsIsoDate()
  neededBy?: string;

  @ApiPropertyOptional({ example: 'Two more teams were formed in 2026.', maxLength: maxDescriptionLength })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(maxDescriptionLength)
  description?: string;
}
