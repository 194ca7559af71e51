import type { TestProject } from 'vitest/node';
import { findPostgresBin, type PostgresServer, startPostgres } from '../helpers/postgres-server.ts';
import { findRedisServer, type RedisServer, startRedis } from '../helpers/redis-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test cluster's admin URL, or null when Postgres is not installed. */
    postgresUrl: string | null;
    /** The test Redis, or null when redis-server is not installed. */
    redisUrl: string | null;
    /** Why a service is missing, for the skip messages. */
    servicesNote: string;
  }
}

/**
 * Starts one real Postgres and one real Redis on loopback for the whole run (when their
 * binaries are installed; .ci/run installs them); test files get a database each.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const notes: string[] = [];
  const pgBin = findPostgresBin();
  const redisBin = findRedisServer();
  let postgres: PostgresServer | null = null;
  let redis: RedisServer | null = null;
  if (pgBin) postgres = await startPostgres(pgBin);
  else notes.push('Postgres binaries not found (set PG_BIN or apt-get install postgresql)');
  if (redisBin) redis = await startRedis(redisBin);
  else notes.push('redis-server not found (apt-get install redis-server)');
  project.provide('postgresUrl', postgres?.url ?? null);
  project.provide('redisUrl', redis?.url ?? null);
  project.provide('servicesNote', notes.join('; '));
  return async () => {
    postgres?.stop();
    await redis?.stop();
  };
}
