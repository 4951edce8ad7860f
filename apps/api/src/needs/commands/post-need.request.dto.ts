import {
  AssistanceType,
  assistanceTypes,
  Pillar,
  pillars,
  priorities,
  Priority,
  maxDescriptionLength,
  maxTitleLength,
} from '@cm/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { IsCategory, IsIsoDate, IsParticipantId, QuantityRequest } from '../../http/request-fields';

export class PostNeedRequest {
  @ApiProperty({ example: 'LAO', description: 'The affected State posting the need' })
  @IsParticipantId()
  requesterId!: string;

  @ApiProperty({ enum: pillars, example: 'clearance' })
  @IsIn(pillars)
  pillar!: Pillar;

  @ApiProperty({ enum: assistanceTypes, example: 'material' })
  @IsIn(assistanceTypes)
  assistanceType!: AssistanceType;

  @ApiPropertyOptional({ example: 'metal_detectors', description: 'Required to match material or technical offers' })
  @IsOptional()
  @IsCategory()
  category?: string;

  @ApiProperty({ example: 'Metal detectors for clearance teams in Xieng Khouang', maxLength: maxTitleLength })
  @IsString()
  @MinLength(1)
  @MaxLength(maxTitleLength)
  title!: string;

  @ApiPropertyOptional({
    example: 'Replacement of worn detectors for 12 clearance teams.',
    maxLength: maxDescriptionLength,
  })
  @IsOptional()
  @IsString()
  @MaxLength(maxDescriptionLength)
  description?: string;

  @ApiProperty({ type: QuantityRequest, example: { amount: 120, unit: 'items' } })
  @IsDefined()
  @ValidateNested()
  @Type(() => QuantityRequest)
  quantity!: QuantityRequest;

  @ApiProperty({ enum: priorities, example: 'high' })
  @IsIn(priorities)
  priority!: Priority;

  @ApiPropertyOptional({ example: '2027-06-30' })
  @IsOptional()
  @IsIsoDate()
  neededBy?: string;

  @ApiPropertyOptional({ example: 'Xieng Khouang province', maxLength: maxTitleLength })
  @IsOptional()
  @IsString()
  @MaxLength(maxTitleLength)
  location?: string;
}
