/**
 * Writes every comment of the service's database as JSON or as a WordPress export (WXR):
 *
 *   npm run export -- json [--out FILE] [--without-emails] [--db DATABASE]
 *   npm run export -- wxr [--out FILE] [--site URL] [--db DATABASE]
 *
 * Without --out the export goes to standard output; `--help` says more.
 */
import { once } from 'node:events';
import { runExport } from '../src/transfer/cli.js';

process.exitCode = await runExport(process.argv.slice(2), {
  env: process.env,
  out: async (text) => {
    if (!process.stdout.write(text)) await once(process.stdout, 'drain');
  },
  err: (text) => process.stderr.write(text),
});
