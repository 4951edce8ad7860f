import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsIsoDate, IsPositiveAmount, recordIdPattern } from '../../http/request-fields';

export class RequestAllocationRequest {
  @ApiProperty({ example: '0194f5a2-7c1e-7b3a-9d2f-1a2b3c4d5e6f' })
  @Matches(recordIdPattern, { message: 'must be a pledge id' })
  pledgeId!: string;

  @ApiProperty({ example: '0194f5a1-2b3c-7d4e-8f90-a1b2c3d4e5f6' })
  @Matches(recordIdPattern, { message: 'must be a need id' })
  needId!: string;

  @ApiProperty({ example: 500000, description: "In the pledge's unit" })
  @IsPositiveAmount()
  amount!: number;

  @ApiPropertyOptional({ example: '2026-02-20', description: 'When the commitment was really made; sets the FX year' })
  @IsOptional()
  @IsIsoDate()
  committedOn?: string;
}
