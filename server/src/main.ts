import { buildServer } from './app.ts';
import { ConfigError, describeDatabase, loadConfig, type ServerConfig } from './config.ts';

// Entry point of the bundled server (server/dist/main.mjs): read the environment, start, stop cleanly.

function readConfig(): ServerConfig {
  try {
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const { app, close } = await buildServer(config);
  app.log.info({ database: describeDatabase(config.database), rendererDir: config.rendererDir }, 'FirstDesk HQ server');
  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info(`FirstDesk HQ server listening on ${address}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second Ctrl-C means "now": do not wait for slow clients.
      app.log.warn(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    app.log.info(`${signal}: finishing open requests, then closing the database`);
    close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  // The message first, on its own line, so the reason is the first thing an operator reads.
  console.error(`FirstDesk HQ server failed to start: ${err instanceof Error ? err.message : String(err)}`);
  console.error(err);
  process.exit(1);
});
