import { maxReasonLength } from '@cm/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class ReasonRequest {
  @ApiProperty({ example: 'Funded from the national budget instead', maxLength: maxReasonLength })
  @IsString()
  @MinLength(1)
  @MaxLength(maxReasonLength)
  reason!: string;
}

export class OptionalReasonRequest {
  @ApiPropertyOptional({ example: 'The equipment does not suit the terrain', maxLength: maxReasonLength })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(maxReasonLength)
  reason?: string;
}
