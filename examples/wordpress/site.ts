/**
 * A real WordPress on this machine, with no root and no web server to configure: Debian's
 * `wordpress` package, a private MariaDB server and PHP's built-in web server, all on
 * 127.0.0.1, all kept in one folder. The example runs it; the tests start and stop their own.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where Debian's `wordpress` package puts WordPress. */
const WORDPRESS = '/usr/share/wordpress';
const here = fileURLToPath(new URL('.', import.meta.url));
const bundle = fileURLToPath(
  new URL('../../packages/elements/dist/cdn', import.meta.url),
);
export const NEEDED_PACKAGES =
  'wordpress wordpress-theme-twentytwentythree mariadb-server php-cli php-mysql php-xml';

export interface WordPressSiteOptions {
  /** The folder that holds the site and its database; created when missing, reused when not. */
  dir: string;
  port: number;
  /** Also install the plugin that puts <dateline-comments> in place of the theme's comments. */
  withElementsPlugin?: boolean;
  /** The password of the site's administrator, "editor", set on the first run; default random. */
  adminPassword?: string;
}

export interface WordPressSite {
  /** The site's address, e.g. http://127.0.0.1:8080 */
  url: string;
  /** Runs PHP with WordPress loaded (as the command line, not as a visitor) and returns what it printed. */
  php(code: string): string;
  stop(): Promise<void>;
}

function missing(what: string): Error {
  return new Error(
    `${what}. The WordPress example and tests need Debian's packages: apt-get install -y ${NEEDED_PACKAGES}`,
  );
}

function run(
  command: string,
  args: string[],
  options: { input?: string; cwd?: string } = {},
): string {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr}${result.stdout}`,
    );
  return result.stdout;
}

function checkTools(): void {
  if (!existsSync(join(WORDPRESS, 'wp-settings.php')))
    throw missing(`WordPress is not installed at ${WORDPRESS}`);
  for (const tool of [
    'php',
    'mariadbd',
    'mariadb-install-db',
    'mariadb-admin',
  ]) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0)
      throw missing(`\`${tool}\` is not installed`);
  }
  if (!/^mysqli$/m.test(run('php', ['-m'])))
    throw missing('PHP has no mysqli extension');
}

/** Signals a child and everything it started: PHP's server forks its workers. */
const signal = (child: ChildProcess, name: NodeJS.Signals) => {
  try {
    process.kill(-child.pid!, name);
  } catch {
    // already gone
  }
};

const stopped = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    signal(child, 'SIGTERM');
  });

async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string,
  log: () => string,
  ms = 60_000,
): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (await check()) return;
    if (Date.now() - started > ms)
      throw new Error(`${what} did not start in ${ms / 1000} s:\n${log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The site's files: WordPress's own copied (its config file looks in /etc), ours linked in. */
function prepareFiles(www: string, withElementsPlugin: boolean): void {
  if (!existsSync(join(www, 'wp-settings.php'))) {
    mkdirSync(www, { recursive: true });
    for (const entry of readdirSync(WORDPRESS)) {
      if (entry !== 'wp-content' && entry !== 'wp-config.php')
        cpSync(join(WORDPRESS, entry), join(www, entry), {
          recursive: true,
          verbatimSymlinks: true,
        });
    }
    const content = join(www, 'wp-content');
    for (const sub of ['plugins', 'mu-plugins', 'uploads'])
      mkdirSync(join(content, sub), { recursive: true });
    symlinkSync(join(WORDPRESS, 'wp-content/themes'), join(content, 'themes'));
    symlinkSync(
      join(here, 'mu-plugins/dateline-anonymous-comments.php'),
      join(content, 'mu-plugins/dateline-anonymous-comments.php'),
    );
    const keys = [
      'AUTH_KEY',
      'SECURE_AUTH_KEY',
      'LOGGED_IN_KEY',
      'NONCE_KEY',
      'AUTH_SALT',
      'SECURE_AUTH_SALT',
      'LOGGED_IN_SALT',
      'NONCE_SALT',
    ];
    writeFileSync(
      join(www, 'wp-keys.php'),
      `<?php\n${keys.map((k) => `define('${k}', '${randomBytes(32).toString('hex')}');`).join('\n')}\n`,
    );
    // The built-in server sends every address that is not a file to WordPress, as Apache's rewrite rules do.
    writeFileSync(
      join(www, 'router.php'),
      `<?php\n$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);\nif ($path !== '/' && is_file(__DIR__ . $path)) return false;\nrequire __DIR__ . '/index.php';\n`,
    );
  }
  if (withElementsPlugin) {
    // The plugin's PHP from this folder, and the script-tag files as built now.
    const plugin = join(www, 'wp-content/plugins/dateline-comments');
    mkdirSync(plugin, { recursive: true });
    for (const file of readdirSync(join(here, 'dateline-comments'))) {
      if (!existsSync(join(plugin, file)))
        symlinkSync(join(here, 'dateline-comments', file), join(plugin, file));
    }
    if (!existsSync(join(bundle, 'dateline.js')))
      throw new Error(
        `${bundle} has no dateline.js: run npm run build -w @dateline/elements first.`,
      );
    // The loader and every file it fetches, as the plugin's README says to copy them.
    cpSync(bundle, join(plugin, 'cdn'), { recursive: true });
  }
}

function writeConfig(www: string, socket: string, url: string): void {
  writeFileSync(
    join(www, 'wp-config.php'),
    `<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:${socket}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
require __DIR__ . '/wp-keys.php';
$table_prefix = 'wp_';
define('WP_HOME', '${url}');
define('WP_SITEURL', '${url}');
define('WP_ENVIRONMENT_TYPE', 'local');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`,
  );
}

/** On the first run the tables, an administrator, pretty permalinks (for /wp-json/); then the plugin. */
const install = (password: string, withElementsPlugin: boolean) => `
define('WP_INSTALLING', true);
require 'wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
if (!is_blog_installed()) {
  wp_install('Dateline on WordPress', 'editor', 'editor@example.com', true, '', base64_decode('${Buffer.from(password).toString('base64')}'));
  update_option('permalink_structure', '/%postname%/');
  wp_delete_post(1, true); // "Hello world!"
  wp_delete_post(2, true); // "Sample Page"
}
${
  withElementsPlugin
    ? `require_once ABSPATH . 'wp-admin/includes/plugin.php';
activate_plugin('dateline-comments/dateline-comments.php');`
    : ''
}
`;

/**
 * Starts MariaDB and PHP's web server for a WordPress site kept in `dir`, installing it on the
 * first run. Throws, saying which Debian packages to install, when something is missing.
 */
export async function startWordPress(
  options: WordPressSiteOptions,
): Promise<WordPressSite> {
  checkTools();
  const { dir, port } = options;
  const www = join(dir, 'www');
  const data = join(dir, 'mariadb');
  const url = `http://127.0.0.1:${port}`;
  // Unix socket paths are short (108 bytes), so the socket lives in a short temporary folder.
  const runDir = mkdtempSync(join(tmpdir(), 'dateline-wp-'));
  const socket = join(runDir, 'mariadb.sock');
  const asRoot = process.getuid?.() === 0 ? ['--user=root'] : [];

  prepareFiles(www, options.withElementsPlugin ?? false);
  if (!existsSync(join(data, 'mysql'))) {
    mkdirSync(data, { recursive: true });
    run('mariadb-install-db', [
      '--no-defaults',
      `--datadir=${data}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      ...asRoot,
    ]);
  }

  const children: ChildProcess[] = [];
  let log = '';
  const start = (
    command: string,
    args: string[],
    env: NodeJS.ProcessEnv = {},
  ) => {
    // Its own process group, so stopping it stops its workers too.
    const child = spawn(command, args, {
      cwd: www,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout!.on('data', (d) => (log = (log + d).slice(-20_000)));
    child.stderr!.on('data', (d) => (log = (log + d).slice(-20_000)));
    children.push(child);
    return child;
  };
  const stop = async () => {
    await Promise.all(children.reverse().map(stopped));
    rmSync(runDir, { recursive: true, force: true });
  };
  const exitHandler = () => {
    for (const c of children) signal(c, 'SIGKILL');
  };
  process.once('exit', exitHandler);

  try {
    const mariadb = start('mariadbd', [
      '--no-defaults',
      `--datadir=${data}`,
      `--socket=${socket}`,
      '--skip-networking',
      `--pid-file=${join(runDir, 'mariadb.pid')}`,
      ...asRoot,
    ]);
    await waitFor(
      () =>
        mariadb.exitCode === null &&
        spawnSync(
          'mariadb-admin',
          ['--no-defaults', `--socket=${socket}`, '-uroot', 'ping'],
          { stdio: 'ignore' },
        ).status === 0,
      'MariaDB',
      () => log,
    );
    run('mariadb', [
      '--no-defaults',
      `--socket=${socket}`,
      '-uroot',
      '-e',
      'CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4',
    ]);
    writeConfig(www, socket, url);
    run(
      'php',
      [
        '-r',
        install(
          options.adminPassword ?? randomBytes(18).toString('base64url'),
          options.withElementsPlugin ?? false,
        ),
      ],
      { cwd: www },
    );

    const server = start(
      'php',
      ['-S', `127.0.0.1:${port}`, '-t', www, join(www, 'router.php')],
      { PHP_CLI_SERVER_WORKERS: '4' },
    );
    await waitFor(
      async () => {
        if (server.exitCode !== null)
          throw new Error(`PHP's web server exited:\n${log}`);
        return fetch(`${url}/wp-json/`).then(
          (r) => r.ok,
          () => false,
        );
      },
      'WordPress',
      () => log,
    );
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    url,
    php: (code) =>
      run('php', ['-r', `require 'wp-load.php';\n${code}`], { cwd: www }),
    async stop() {
      process.removeListener('exit', exitHandler);
      await stop();
    },
  };
}

/** A WordPress site in a temporary folder, removed when it stops: for tests. */
export async function startTemporaryWordPress(
  port: number,
  withElementsPlugin = false,
): Promise<WordPressSite> {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-wordpress-'));
  const site = await startWordPress({ dir, port, withElementsPlugin }).catch(
    (error: unknown) => {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    },
  );
  return {
    ...site,
    async stop() {
      await site.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
