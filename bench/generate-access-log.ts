import { accessLogChunks } from './access-log-generator';

/** usage: node dist/bench/generate-access-log.js LINES [SEED] [--with-time] [--broken=N-per-10k] > file.log */
function main(): void {
  const args = process.argv.slice(2);
  const [lines, seed] = args.filter((a) => !a.startsWith('--')).map(Number);
  if (!lines) {
    process.stderr.write('usage: generate-access-log.js LINES [SEED] [--with-time] [--broken=N]\n');
    process.exitCode = 2;
    return;
  }
  const broken = Number(args.find((a) => a.startsWith('--broken='))?.slice(9) ?? 0);
  for (const chunk of accessLogChunks(lines, {
    seed: seed ?? 7,
    withTime: args.includes('--with-time'),
    brokenPer10k: broken,
  }))
    process.stdout.write(chunk);
}

main();
