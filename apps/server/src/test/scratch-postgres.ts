import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A new PostgreSQL database beside the one in `adminUrl` (empty, or a copy of `template`), and the means to
 * drop it again.
 */
export async function createScratchPostgres(adminUrl: string, prefix: string, template?: string) {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(template ? `create database ${name} template ${pg.escapeIdentifier(template)}` : `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}
