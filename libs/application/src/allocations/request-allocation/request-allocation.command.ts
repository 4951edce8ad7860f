import { CommandContext } from '../../command-context';

/** The pledge's terms and the need's are read from their streams; `amount` is in the pledge's unit. */
export interface RequestAllocationRequest {
  pledgeId: string;
  needId: string;
  amount: number;
  committedOn?: string;
}

export class RequestAllocationCommand {
  constructor(
    readonly request: RequestAllocationRequest,
    readonly context: CommandContext,
  ) {}
}
