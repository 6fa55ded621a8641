#!/usr/bin/env node
// Runs a program (`forte-cli serve`) in cluster workers that share its listening port, so that a reload can replace
// them one at a time: on SIGHUP each new worker listens before an old one stops, which picks up new code under a
// moved `current` link and a changed .env without refusing a connection. SIGTERM or SIGINT stop every worker
// gracefully (Forte's own SIGTERM handling: requests in flight finish, the database closes), then the supervisor.
//
//   node forte-supervisor.js PROGRAM [ARGS...]
//   FORTE_WORKERS        workers to run (default 1)
//   FORTE_STOP_TIMEOUT   seconds a worker gets to stop before it is killed (default 30)
'use strict';

const cluster = require('node:cluster');

if (cluster.isWorker) {
  // Loaded into each worker too (--require). The IPC channel to the supervisor must not keep a worker alive: it
  // lives while its server listens and ends as `forte-cli serve` alone would (a stop, a start-up error).
  process.channel?.unref();
} else {
  supervise();
}

function supervise() {
  const [program, ...args] = process.argv.slice(2);
  if (!program) {
    console.error('usage: forte-supervisor.js PROGRAM [ARGS...]');
    process.exit(2);
  }
  const workers = positiveInteger('FORTE_WORKERS', 1);
  const stopTimeoutMs = positiveInteger('FORTE_STOP_TIMEOUT', 30) * 1000;
  const log = (message) => console.error(`forte-supervisor: ${message}`);

  // The workers accept from the shared socket themselves (the kernel queues what none has taken yet), instead of
  // the primary handing each connection over: a connection handed to a worker that exits before it takes it is
  // never answered nor closed (Node's round-robin keeps it, waiting for a reply that never comes).
  cluster.schedulingPolicy = cluster.SCHED_NONE;

  // Both paths as given, not resolved: under systemd they go through the `current` link, so a reload after a
  // deployment starts the new release even though this process still runs the old one.
  cluster.setupPrimary({
    exec: program,
    args,
    execArgv: [...process.execArgv, '--require', process.argv[1] ?? __filename],
  });

  /** Workers that serve (or should): a worker leaves this set before it is told to stop. */
  const serving = new Set();
  let stopping = false;
  let reloading = null;
  let reloadAgain = false;

  const start = () =>
    new Promise((resolve, reject) => {
      const worker = cluster.fork();
      const died = (code, signal) =>
        reject(new Error(`worker ${worker.process.pid} exited (${signal ?? code}) before it listened`));
      worker.once('exit', died);
      worker.once('listening', () => {
        worker.off('exit', died);
        serving.add(worker);
        log(`worker ${worker.process.pid} listening`);
        resolve(worker);
      });
    });

  const stop = (worker) =>
    new Promise((resolve) => {
      serving.delete(worker);
      if (worker.isDead()) return resolve(undefined);
      const timer = setTimeout(() => {
        log(`worker ${worker.process.pid} did not stop within ${stopTimeoutMs / 1000}s: killing it`);
        worker.process.kill('SIGKILL');
      }, stopTimeoutMs);
      worker.once('exit', () => {
        clearTimeout(timer);
        log(`worker ${worker.process.pid} stopped`);
        resolve(undefined);
      });
      worker.process.kill('SIGTERM');
    });

  const shutDown = async (code) => {
    stopping = true;
    await Promise.all([...serving].map(stop));
    process.exit(code);
  };

  // A serving worker that dies on its own is replaced; one that cannot start again ends the supervisor, so that
  // systemd's Restart= and its journal take over.
  cluster.on('exit', (worker, code, signal) => {
    if (stopping || !serving.has(worker)) return;
    serving.delete(worker);
    log(`worker ${worker.process.pid} died (${signal ?? code}): starting another`);
    start().catch((error) => {
      log(`${error.message}: giving up`);
      void shutDown(1);
    });
  });

  const reload = async () => {
    for (const old of [...serving]) {
      await start();
      await stop(old);
    }
  };

  process.on('SIGHUP', () => {
    if (stopping) return;
    if (reloading) {
      reloadAgain = true;
      return;
    }
    log('reloading');
    reloading = reload()
      .then(
        () => log('reloaded'),
        (error) => log(`reload failed, the running workers stay: ${error.message}`),
      )
      .then(() => {
        reloading = null;
        if (reloadAgain && !stopping) {
          reloadAgain = false;
          process.emit('SIGHUP', 'SIGHUP');
        }
      });
  });
  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.once(signal, () => {
      log(`${signal}: stopping`);
      void shutDown(0);
    });
  }

  (async () => {
    for (let i = 0; i < workers; i += 1) await start();
  })().catch((error) => {
    log(`${error.message}: not starting`);
    void shutDown(1);
  });
}

function positiveInteger(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`forte-supervisor: ${name} must be a whole number above 0, not "${raw}"`);
    process.exit(2);
  }
  return value;
}
