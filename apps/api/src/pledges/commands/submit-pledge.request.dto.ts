import { AssistanceType, assistanceTypes, Pillar, pillars, maxDescriptionLength } from '@cm/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsCategory, IsIsoDate, IsParticipantId, QuantityRequest } from '../../http/request-fields';

export class SubmitPledgeRequest {
  @ApiProperty({ example: 'NOR', description: 'The donor making the pledge' })
  @IsParticipantId()
  donorId!: string;

  @ApiProperty({ enum: assistanceTypes, example: 'financial' })
  @IsIn(assistanceTypes)
  assistanceType!: AssistanceType;

  @ApiProperty({ enum: pillars, isArray: true, example: ['clearance', 'risk_education'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(pillars.length)
  @ArrayUnique()
  @IsIn(pillars, { each: true })
  pillars!: Pillar[];

  @ApiPropertyOptional({ example: 'metal_detectors' })
  @IsOptional()
  @IsCategory()
  category?: string;

  @ApiProperty({ type: QuantityRequest, example: { amount: 2500000, unit: 'NOK' } })
  @IsDefined()
  @ValidateNested()
  @Type(() => QuantityRequest)
  quantity!: QuantityRequest;

  @ApiPropertyOptional({ example: 'LAO', description: 'A targeted pledge can only go to needs of this participant' })
  @IsOptional()
  @IsParticipantId()
  recipientId?: string;

  @ApiPropertyOptional({ example: '2026-02-15', description: 'When the pledge was really made; never in the future' })
  @IsOptional()
  @IsIsoDate()
  pledgedOn?: string;

  @ApiPropertyOptional({ example: '2027-12-31' })
  @IsOptional()
  @IsIsoDate()
  validUntil?: string;

  @ApiPropertyOptional({ example: 'Reporting under IMAS 05.10 required', maxLength: maxDescriptionLength })
  @IsOptional()
  @IsString()
  @MaxLength(maxDescriptionLength)
  conditions?: string;
}
