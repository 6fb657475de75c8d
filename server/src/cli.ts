import { USAGE, UsageError, runCommand } from './cliCommands.ts';
import { ConfigError, describeDatabase, loadConfig } from './config.ts';
import { openStorage } from './storage/db.ts';
import { migrateToLatest } from './storage/migrations.ts';

// Entry point of the admin CLI (server/dist/cli.mjs; `npm run enrol -- <command>`): the same environment and
// database as the server, so it works beside a running server (SQLite WAL) or against PostgreSQL.

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  const storage = openStorage(config.database, (err) => console.warn(`database connection lost: ${err.message}`));
  try {
    await migrateToLatest(storage.db);
    await runCommand(storage.db, argv);
  } catch (err) {
    if (err instanceof Error) err.message = `${err.message}\n(database: ${describeDatabase(config.database)})`;
    throw err;
  } finally {
    await storage.close();
  }
}

main().catch((err: unknown) => {
  if (err instanceof UsageError) {
    console.error(`${err.message.split('\n')[0]}\n\n${USAGE}`);
  } else if (err instanceof ConfigError) {
    console.error(err.message);
  } else {
    console.error(`firstdesk cli failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  process.exit(1);
});
