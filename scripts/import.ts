/**
 * Imports a WordPress or Disqus export into the service's database:
 *
 *   npm run import -- wxr FILE [--map MAP.json] [--db DATABASE]
 *   npm run import -- disqus FILE [--map MAP.json] [--db DATABASE]
 *
 * The report goes to standard output; `--help` says more.
 */
import { once } from 'node:events';
import { runImport } from '../src/transfer/cli.js';

process.exitCode = await runImport(process.argv.slice(2), {
  env: process.env,
  out: async (text) => {
    if (!process.stdout.write(text)) await once(process.stdout, 'drain');
  },
  err: (text) => process.stderr.write(text),
});
