import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsIsoDate } from '../../http/request-fields';

export class ConfirmDeliveryRequest {
  @ApiPropertyOptional({ example: '2026-02-27', description: 'When it was really received; never in the future' })
  @IsOptional()
  @IsIsoDate()
  receivedOn?: string;
}
