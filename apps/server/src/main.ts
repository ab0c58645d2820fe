import { ConfigError } from './platform/config.ts';
import { DataDirError, startServer, type StartOptions } from './server.ts';

/** The server process without demo data: for production and for a second instance. */
export async function runMain(seedIfEmpty?: StartOptions['seedIfEmpty']) {
  try {
    const server = await startServer(seedIfEmpty ? { seedIfEmpty } : {});
    const onSignal = (signal: string) => {
      server.app.log.info({ signal }, 'shutting down');
      const force = setTimeout(() => process.exit(1), 15_000);
      force.unref();
      server.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGTERM', () => onSignal('SIGTERM'));
    process.once('SIGINT', () => onSignal('SIGINT'));
    return server;
  } catch (err) {
    if (err instanceof ConfigError || err instanceof DataDirError) {
      process.stderr.write(`\n${err.message}\n\n`);
      process.exit(1);
    }
    throw err;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) void runMain();
