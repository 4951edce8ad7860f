export * from './backup-format';
export { backupEventStore, BackupOptions, BackupProgress } from './backup';
export { restoreEventStore, RestoreOptions } from './restore';
export { BackupRefusedError, BackupSource, verifyBackup, VerifiedBackup } from './verify-backup';
