import { maxReasonLength, maxTitleLength } from '@cm/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsIsoDate, IsPositiveAmount } from '../../http/request-fields';

export class RecordDeliveryRequest {
  @ApiProperty({ example: 60, description: "In the allocation's (the pledge's) unit" })
  @IsPositiveAmount()
  amount!: number;

  @ApiProperty({ example: '2026-02-25', description: 'When it was really delivered; never in the future' })
  @IsIsoDate()
  deliveredOn!: string;

  @ApiPropertyOptional({ example: 'AWB 176-12345675', maxLength: maxTitleLength })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(maxTitleLength)
  reference?: string;

  @ApiPropertyOptional({ example: 'First batch of 60 detectors', maxLength: maxReasonLength })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(maxReasonLength)
  note?: string;
}
