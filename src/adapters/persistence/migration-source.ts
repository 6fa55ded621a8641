import { Knex } from 'knex';
import * as createUsers from '../../../migrations/20261125000001_create_users';
import * as createReceipts from '../../../migrations/20261125000002_create_receipts';
import * as createClients from '../../../migrations/20261125000003_create_clients';
import * as createIdempotencyKeys from '../../../migrations/20261125000004_create_idempotency_keys';
import * as createItems from '../../../migrations/20261125000005_create_items';
import * as createUserItems from '../../../migrations/20261125000006_create_user_items';
import * as createAttendances from '../../../migrations/20261125000007_create_attendances';
import * as widenReceiptReason from '../../../migrations/20261201000001_widen_receipt_reason';
import * as createXsollaNotifications from '../../../migrations/20261202000001_create_xsolla_notifications';
import * as createXsollaTransactions from '../../../migrations/20261202000002_create_xsolla_transactions';
import * as createXsollaOperations from '../../../migrations/20261202000003_create_xsolla_operations';
import * as createXsollaOutbox from '../../../migrations/20261202000004_create_xsolla_outbox';
import * as createXsollaWallets from '../../../migrations/20261202000005_create_xsolla_wallets';
import * as createCheckoutLinks from '../../../migrations/20261202000006_create_checkout_links';
import * as createReconciliationRuns from '../../../migrations/20261203000001_create_reconciliation_runs';
import * as addClientAllowedNetworks from '../../../migrations/20261204000001_add_client_allowed_networks';

interface NamedMigration {
  name: string;
  migration: Knex.Migration;
}

/**
 * Every migration, oldest first, imported explicitly: the same list works from TypeScript sources (tests) and
 * from compiled JavaScript (dist), and the names stored in `knex_migrations` carry no file extension.
 * A new migration is one more line here.
 */
const MIGRATIONS: readonly NamedMigration[] = [
  { name: '20261125000001_create_users', migration: createUsers },
  { name: '20261125000002_create_receipts', migration: createReceipts },
  { name: '20261125000003_create_clients', migration: createClients },
  { name: '20261125000004_create_idempotency_keys', migration: createIdempotencyKeys },
  { name: '20261125000005_create_items', migration: createItems },
  { name: '20261125000006_create_user_items', migration: createUserItems },
  { name: '20261125000007_create_attendances', migration: createAttendances },
  { name: '20261201000001_widen_receipt_reason', migration: widenReceiptReason },
  { name: '20261202000001_create_xsolla_notifications', migration: createXsollaNotifications },
  { name: '20261202000002_create_xsolla_transactions', migration: createXsollaTransactions },
  { name: '20261202000003_create_xsolla_operations', migration: createXsollaOperations },
  { name: '20261202000004_create_xsolla_outbox', migration: createXsollaOutbox },
  { name: '20261202000005_create_xsolla_wallets', migration: createXsollaWallets },
  { name: '20261202000006_create_checkout_links', migration: createCheckoutLinks },
  { name: '20261203000001_create_reconciliation_runs', migration: createReconciliationRuns },
  { name: '20261204000001_add_client_allowed_networks', migration: addClientAllowedNetworks },
];

/** The names of every migration, oldest first. */
export const MIGRATION_NAMES: readonly string[] = MIGRATIONS.map((entry) => entry.name);

export const migrationSource: Knex.MigrationSource<NamedMigration> = {
  getMigrations: () => Promise.resolve([...MIGRATIONS]),
  getMigrationName: (entry) => entry.name,
  getMigration: (entry) => Promise.resolve(entry.migration),
};
