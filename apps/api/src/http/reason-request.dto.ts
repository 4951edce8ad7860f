import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class ReasonRequest {
  @ApiProperty({ example: 'Funded from the national budget instead', maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2_000)
  reason!: string;
}

export class OptionalReasonRequest {
  @ApiPropertyOptional({ example: 'The equipment does not suit the terrain', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2_000)
  reason?: string;
}
