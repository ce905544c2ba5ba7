// The embedded SQLite file's connection, shared by every request a process serves. Three rules keep
// one request from touching another's data:
// - all of the process's database work on a file goes through one queue: a transaction has the
//   connection to itself from BEGIN to COMMIT, so no other request's statement runs (and is rolled
//   back) inside it, and no request reads another's uncommitted writes;
// - a transaction takes the write lock when it begins (BEGIN IMMEDIATE), so it never fails halfway
//   because another process wrote since it read (SQLITE_BUSY_SNAPSHOT);
// - another process (worker) holding the write lock is waited for, briefly on the thread and then
//   asynchronously with short pauses (a waiter that paused long would lose every race to the holder's
//   next transaction), up to BUSY_DEADLINE_MS; past it DatabaseBusyError (503).
import path from "node:path";

import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
type Query = Parameters<Adapter["queryRaw"]>[0];

/** How long SQLite itself waits for the lock on the (blocked) thread before retrying asynchronously. */
const BLOCKING_WAIT_MS = 5;
/** How long a statement waits in all for another process's write lock. */
export const BUSY_DEADLINE_MS = 10_000;

/** The database stayed locked by another process for longer than the deadline. */
export class DatabaseBusyError extends Error {
  constructor(deadlineMs: number) {
    super(`the database stayed locked by another process for ${deadlineMs} ms`);
    this.name = "DatabaseBusyError";
  }
}

/** One at a time, in order of arrival. */
class Queue {
  #tail: Promise<void> = Promise.resolve();

  /** Resolves when it is the caller's turn, with the function that ends it. */
  acquire(): Promise<() => void> {
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => turn);
    return ready;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

// Per file, not per client: two clients of one process on the same file take turns too.
const queues = new Map<string, Queue>();

function queueFor(url: string): Queue {
  const key = url === ":memory:" ? `${url}${queues.size}` : path.resolve(url.replace(/^file:/, ""));
  let queue = queues.get(key);
  if (!queue) queues.set(key, (queue = new Queue()));
  return queue;
}

function isBusy(error: unknown): boolean {
  const code =
    (error as { code?: unknown; cause?: { originalCode?: unknown } } | null)?.code ??
    (error as { cause?: { originalCode?: unknown } } | null)?.cause?.originalCode;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

/** Runs `statement` again while another process holds the lock, pausing 1, 2, 4, 8, 8, ... ms, until the deadline. */
async function whileBusy<T>(statement: () => Promise<T>, deadlineMs: number): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (let pause = 1; ; pause = Math.min(pause * 2, 8)) {
    try {
      return await statement();
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (Date.now() + pause > deadline) throw new DatabaseBusyError(deadlineMs);
      await new Promise((resolve) => setTimeout(resolve, pause * (0.5 + Math.random())));
    }
  }
}

const statement = (sql: string): Query => ({ sql, args: [], argTypes: [] });

/** A Prisma driver adapter for the SQLite file at `url` (file:PATH) that follows the rules above. */
export function createSqliteAdapter(
  url: string,
  { busyDeadlineMs = BUSY_DEADLINE_MS } = {},
): { provider: "sqlite"; adapterName: string; connect(): Promise<Adapter> } {
  const factory = new PrismaBetterSQLite3({ url, timeout: BLOCKING_WAIT_MS });
  const queue = queueFor(url);
  const connect = async (): Promise<Adapter> => {
    const connection = await factory.connect();
    const queued = <T>(work: () => Promise<T>) => queue.run(() => whileBusy(work, busyDeadlineMs));
    return {
      provider: connection.provider,
      adapterName: connection.adapterName,
      queryRaw: (query) => queued(() => connection.queryRaw(query)),
      executeRaw: (query) => queued(() => connection.executeRaw(query)),
      executeScript: (script) => queued(() => connection.executeScript(script)),
      getConnectionInfo: connection.getConnectionInfo?.bind(connection),
      dispose: () => queue.run(() => connection.dispose()),
      startTransaction: async (isolationLevel) => {
        if (isolationLevel && isolationLevel !== "SERIALIZABLE") throw new Error(`SQLite transactions are serializable; ${isolationLevel} is not available`);
        const release = await queue.acquire();
        try {
          await whileBusy(() => connection.executeRaw(statement("BEGIN IMMEDIATE")), busyDeadlineMs);
        } catch (error) {
          release();
          throw error;
        }
        return transactionOn(connection, release);
      },
    };
  };
  return { provider: factory.provider, adapterName: factory.adapterName, connect };
}

/**
 * The open transaction: Prisma sends COMMIT or ROLLBACK as a statement, then calls commit() or
 * rollback(). The queue is released exactly once, also when COMMIT itself fails (then rolled back).
 */
function transactionOn(connection: Adapter, release: () => void): Transaction {
  let open = true;
  const end = async () => {
    if (open) release();
    open = false;
  };
  const execute = async (query: Query) => {
    const ending = /^\s*(COMMIT|ROLLBACK)\b/i.test(query.sql);
    try {
      return await connection.executeRaw(query);
    } catch (error) {
      if (ending) {
        await connection.executeRaw(statement("ROLLBACK")).catch(() => undefined);
        await end();
      }
      throw error;
    }
  };
  return {
    provider: connection.provider,
    adapterName: connection.adapterName,
    options: { usePhantomQuery: false },
    queryRaw: (query) => connection.queryRaw(query),
    executeRaw: execute,
    commit: end,
    rollback: end,
  };
}

/** A statement with its values, as Prisma.sql builds it (`?` placeholders, which SQLite reads). */
export type Statement = { sql: string; values: unknown[] };

/**
 * Statements run synchronously on a second connection to the file, in the same queue as the
 * adapter's: for a hot path, where the query builder's per-query compilation costs several times
 * the statement itself. Values are stored as the adapter stores them (dates as ISO 8601 text, booleans as 0/1).
 */
export type SqliteStatements = {
  /** The first row the query returns, or undefined. */
  get<Row>(query: Statement): Promise<Row | undefined>;
  /** Runs `work` in one write transaction (BEGIN IMMEDIATE, waiting for another process's lock as above). */
  write<T>(work: (run: (statement: Statement) => number) => T): Promise<T>;
  close(): void;
};

const toSqliteValue = (value: unknown) =>
  value instanceof Date ? value.toISOString().replace("Z", "+00:00") : typeof value === "boolean" ? Number(value) : value;

export function createSqliteStatements(url: string, { busyDeadlineMs = BUSY_DEADLINE_MS } = {}): SqliteStatements {
  const queue = queueFor(url);
  let db: Database.Database | undefined;
  const prepared = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    db ??= new Database(url.replace(/^file:/, ""), { timeout: BLOCKING_WAIT_MS });
    let statement = prepared.get(sql);
    if (!statement) {
      if (prepared.size >= 200) prepared.clear();
      prepared.set(sql, (statement = db.prepare(sql)));
    }
    return statement;
  };
  const run = ({ sql, values }: Statement) => prepare(sql).run(...values.map(toSqliteValue)).changes;
  return {
    get: <Row>({ sql, values }: Statement) =>
      queue.run(() => whileBusy(async () => prepare(sql).get(...values.map(toSqliteValue)) as Row | undefined, busyDeadlineMs)),
    write: <T>(work: (run: (statement: Statement) => number) => T) =>
      queue.run(() =>
        whileBusy(async () => {
          prepare("BEGIN IMMEDIATE").run();
          try {
            const result = work(run);
            prepare("COMMIT").run();
            return result;
          } catch (error) {
            if (db?.inTransaction) prepare("ROLLBACK").run();
            throw error;
          }
        }, busyDeadlineMs),
      ),
    close: () => {
      db?.close();
      db = undefined;
      prepared.clear();
    },
  };
}
