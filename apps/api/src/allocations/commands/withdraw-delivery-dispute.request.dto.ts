import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsIsoDate } from '../../http/request-fields';

export class WithdrawDeliveryDisputeRequest {
  @ApiPropertyOptional({ example: 'The missing crates were held at customs', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2_000)
  reason?: string;

  @ApiPropertyOptional({ example: '2026-02-27', description: 'When it was really received; never in the future' })
  @IsOptional()
  @IsIsoDate()
  receivedOn?: string;
}
