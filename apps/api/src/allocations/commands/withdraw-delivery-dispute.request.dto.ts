import { maxReasonLength } from '@cm/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsIsoDate } from '../../http/request-fields';

export class WithdrawDeliveryDisputeRequest {
  @ApiPropertyOptional({ example: 'The missing crates were held at customs', maxLength: maxReasonLength })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(maxReasonLength)
  reason?: string;

  @ApiPropertyOptional({ example: '2026-02-27', description: 'When it was really received; never in the future' })
  @IsOptional()
  @IsIsoDate()
  receivedOn?: string;
}
