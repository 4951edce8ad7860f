export * from './backup-format';
export { backupEventStore, BackupOptions, BackupProgress } from './backup';
export {
  BackupRefusedError,
  BackupSource,
  restoreEventStore,
  RestoreOptions,
  verifyBackup,
  VerifiedBackup,
} from './restore';
