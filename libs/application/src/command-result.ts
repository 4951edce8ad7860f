/** What every command answers: the record's id, its stream's new version and a token for read-your-writes. */
export interface CommandResult {
  id: string;
  version: number;
  /** The record's status after this command, where it has one. */
  status?: string;
  /** Covers every stream the command wrote (its own, and those its saga steps changed). */
  consistencyToken: string;
}

/** A command's result before its consistency token is issued (CommandExecutor.answer adds it). */
export type Outcome = Omit<CommandResult, 'consistencyToken'>;
